import { PassThrough } from 'node:stream';
import type { AppContext } from '../../../platform/context.js';
import { labelMaps, ledgerDictionaries } from './labels.js';
import { writeLedgerWorkbook } from './ledger-workbook.js';

/** The import template: an empty ledger, the export's layout with each column's help on its header. */
export async function ledgerTemplate(ctx: AppContext): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeLedgerWorkbook({
    db: ctx.db,
    where: null,
    out,
    title: '信访台帐（导入模板：请从第 3 行起填写，每行一件）',
    labels: labelMaps(await ledgerDictionaries(ctx.db, false)),
    today: '',
  });
  await done;
  return Buffer.concat(chunks);
}
