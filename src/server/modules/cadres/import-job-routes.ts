import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import type { App } from '../../platform/http/types.js';
import { importJobRoutes as sharedImportJobRoutes } from '../../platform/imports/routes.js';
import { cancelExcelImport, confirmExcelImport } from './excel/confirm-excel.js';
import { cancelImport, confirmImport } from './lrmx/confirm-import.js';
import { MAX_FILES } from './lrmx/upload.js';

/** The decision on an import that waits: for .lrmx, the files to import (at least one); nothing more for Excel. */
export const importConfirm = z
  .object({
    files: z.array(text().max(300, '文件名过长')).max(MAX_FILES, `最多 ${MAX_FILES} 个文件`).optional(),
  })
  .nullish();

/** The cadre imports (花名册 Excel, 任免审批表 .lrmx) on the platform's import-job routes. */
export async function importJobRoutes(app: App) {
  sharedImportJobRoutes(app, {
    base: '/api/v1/cadre-imports',
    tags: ['cadres'],
    access: 'cadre.import',
    audit: { errors: 'cadre.import_errors_download', confirm: 'cadre.import', cancel: 'cadre.import_cancel' },
    confirmBody: importConfirm,
    errorFileName: (job) => `导入错误清单-${job.id}.xlsx`,
    kinds: {
      cadres_excel: {
        confirm: async ({ ctx, actor, job }) => {
          await confirmExcelImport({ ctx, actor, job });
          return null;
        },
        cancel: async ({ ctx, actor, job }) => {
          await cancelExcelImport({ ctx, actor, job });
          return null;
        },
      },
      cadres_lrmx: {
        confirm: ({ ctx, actor, job, body }) =>
          confirmImport({ ctx, actor, id: job.id, files: (body as z.infer<typeof importConfirm>)?.files }),
        cancel: ({ ctx, actor, job }) => cancelImport({ ctx, actor, id: job.id }),
      },
    },
  });
}
