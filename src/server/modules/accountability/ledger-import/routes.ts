import type { App } from '../../../platform/http/types.js';
import { ledgerImportRoutes } from '../../../platform/imports/routes.js';
import { ACCOUNTABILITY_LEDGER_JOB, importAccountabilityLedger } from './import-ledger.js';
import { accountabilityLedgerTemplate } from './template.js';

/** 责任追究台帐 import: the template, the all-or-nothing import, its progress and its error sheet. */
export async function accountabilityLedgerImportRoutes(app: App) {
  ledgerImportRoutes(app, {
    base: '/api/v1/accountability/ledger',
    tags: ['accountability'],
    access: 'accountability.manage',
    ledger: '责任追究台帐',
    jobKind: ACCOUNTABILITY_LEDGER_JOB,
    audit: {
      import: 'accountability.ledger_import',
      errors: 'accountability.ledger_import_errors_download',
    },
    template: accountabilityLedgerTemplate,
    start: importAccountabilityLedger,
  });
}
