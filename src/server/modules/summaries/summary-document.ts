import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { readStoredFile } from '../../platform/files/store.js';
import { loadSummary, yearAsOf } from './load-summary.js';
import { summaryDocx } from './summary-docx.js';
import { summaryFigures, yearPeriod } from './summary-figures.js';
import { summaryBody, wordingsOf } from './summary-view.js';

/**
 * The .docx of a summary: a final version's file as filed; a draft's made now with today's figures
 * (marked 草稿 under the title), for preview and for the officer to read before filing.
 */
export async function summaryDocument(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
}): Promise<{ fileName: string; bytes: Buffer }> {
  const { ctx, actor, id } = opts;
  const { row, org } = await loadSummary(ctx.db, actor, id);
  let out: { fileName: string; bytes: Buffer };
  if (row.status === 'final' && row.storageKey)
    out = { fileName: row.fileName ?? 'summary.docx', bytes: await readStoredFile(ctx, row.storageKey) };
  else {
    const asOf = yearAsOf(ctx, row.year);
    const wordings = wordingsOf(org, row.paragraphs);
    const figures = await summaryFigures(
      ctx,
      actor,
      yearPeriod(org.id, row.year, asOf),
      wordings.map((w) => w.text),
    );
    const body = summaryBody(org, row.year, row.paragraphs, figures);
    out = {
      fileName: `${body.title}（草稿）.docx`,
      bytes: await summaryDocx(body, { asOf, status: 'draft' }),
    };
  }
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'summary.download',
    objectType: 'summary',
    objectId: row.id,
    detail: { org: org.name, year: row.year, status: row.status, version: row.version },
  });
  return out;
}
