import type { App } from '../../../platform/http/types.js';
import { ledgerImportRoutes } from '../../../platform/imports/routes.js';
import { importTally, TALLY_JOB } from './import-tally.js';
import { tallyTemplate } from './template.js';

/**
 * 民主推荐计票表 import: the template, the all-or-nothing import of a case's votes (fields `caseId`
 * and `form`, the recommendation's form as JSON), its progress and error sheet.
 */
export async function tallyImportRoutes(app: App) {
  ledgerImportRoutes(app, {
    base: '/api/v1/appointments/tally',
    tags: ['appointments'],
    access: 'appointment.manage',
    ledger: '民主推荐计票表',
    jobKind: TALLY_JOB,
    audit: { import: 'appointment.tally_import', errors: 'appointment.tally_import_errors_download' },
    template: tallyTemplate,
    start: importTally,
  });
}
