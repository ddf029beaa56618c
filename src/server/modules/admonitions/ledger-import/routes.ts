import type { App } from '../../../platform/http/types.js';
import { ledgerImportRoutes } from '../../../platform/imports/routes.js';
import { ADMONITION_LEDGER_JOB, importAdmonitionLedger } from './import-ledger.js';
import { INQUIRY_LEDGER_JOB, importInquiryLedger } from './inquiry-import.js';
import { admonitionLedgerTemplate, inquiryLedgerTemplate } from './template.js';

/** 诫勉台帐 and 函询台帐 imports: the templates, the all-or-nothing imports, their progress and error sheets. */
export async function admonitionLedgerImportRoutes(app: App) {
  const tags = ['admonitions'];
  ledgerImportRoutes(app, {
    base: '/api/v1/inquiries/ledger',
    tags,
    access: 'inquiry.manage',
    ledger: '函询台帐',
    jobKind: INQUIRY_LEDGER_JOB,
    audit: { import: 'inquiry.ledger_import', errors: 'inquiry.ledger_import_errors_download' },
    template: inquiryLedgerTemplate,
    start: importInquiryLedger,
  });
  ledgerImportRoutes(app, {
    base: '/api/v1/admonitions/ledger',
    tags,
    access: 'admonition.manage',
    ledger: '诫勉台帐',
    jobKind: ADMONITION_LEDGER_JOB,
    audit: { import: 'admonition.ledger_import', errors: 'admonition.ledger_import_errors_download' },
    template: admonitionLedgerTemplate,
    start: importAdmonitionLedger,
  });
}
