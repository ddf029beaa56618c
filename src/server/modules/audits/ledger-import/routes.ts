import type { App } from '../../../platform/http/types.js';
import { ledgerImportRoutes } from '../../../platform/imports/routes.js';
import { AUDIT_LEDGER_JOB, importAuditLedger } from './import-ledger.js';
import { auditLedgerTemplate } from './template.js';

/** 审计台帐 import: the template, the all-or-nothing import, its progress and error sheet. */
export async function auditLedgerImportRoutes(app: App) {
  ledgerImportRoutes(app, {
    base: '/api/v1/econ-audits/ledger',
    tags: ['econ-audits'],
    access: 'econ_audit.manage',
    ledger: '审计台帐',
    jobKind: AUDIT_LEDGER_JOB,
    audit: { import: 'econ_audit.ledger_import', errors: 'econ_audit.ledger_import_errors_download' },
    template: auditLedgerTemplate,
    start: importAuditLedger,
  });
}
