import { and, eq, max } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recusedCadreIds } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { checkFile, keepFile } from '../../platform/files/store.js';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.js';
import type { SummaryOut } from './contract.js';
import { loadSummary, yearAsOf } from './load-summary.js';
import { summaries } from './schema.js';
import { summaryDocx } from './summary-docx.js';
import { summaryFigures, yearPeriod } from './summary-figures.js';
import { summaryOut } from './summary-out.js';
import { summaryBody, wordingsOf } from './summary-view.js';

/**
 * Files a draft as the next final version of its org and year: the wording as edited, the figures
 * counted now (as of min(year end, today)) kept as its snapshot — key, label, value, definition and
 * the path that lists their records — and the .docx kept through the platform's files, so the
 * version downloads later exactly as filed. The draft stays for further work.
 *
 * Only by someone who must recuse from nobody: a reader who is a cadre in the registry, or has
 * relatives registered, counts without the records about them, and a filed figure must be the
 * whole. The refusal does not say whether such records exist in the year.
 */
export async function finalizeSummary(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  rowVersion?: number;
}): Promise<SummaryOut> {
  const { ctx, actor, id } = opts;
  const { row, org } = await loadSummary(ctx.db, actor, id);
  if (row.status !== 'draft') throw badRequest('只能由草稿定稿');
  if ((await recusedCadreIds(ctx.db, actor)).size)
    throw forbidden('按回避规定，涉及您本人或登记亲属的记录不计入您看到的数字，定稿须由无回避关系的人员完成');
  if (opts.rowVersion !== undefined && opts.rowVersion !== row.rowVersion)
    throw conflict('总结已被他人修改，请刷新后重试');
  const asOf = yearAsOf(ctx, row.year);
  const wordings = wordingsOf(org, row.paragraphs).map(({ id, text }) => ({ id, text }));
  const figures = await summaryFigures(
    ctx,
    actor,
    yearPeriod(org.id, row.year, asOf),
    wordings.map((w) => w.text),
  );
  const body = summaryBody(org, row.year, wordings, figures);
  const bytes = await summaryDocx(body, { asOf, status: 'final' });
  const now = ctx.clock.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const [{ last }] = await tx
      .select({ last: max(summaries.version) })
      .from(summaries)
      .where(and(eq(summaries.orgId, org.id), eq(summaries.year, row.year), eq(summaries.status, 'final')));
    const version = (last ?? 0) + 1;
    const fileName = `${body.title}（第${version}版）.docx`;
    const file = await keepFile(ctx, checkFile(bytes, fileName, ['docx']));
    const [out] = await tx
      .insert(summaries)
      .values({
        orgId: org.id,
        year: row.year,
        status: 'final',
        version,
        asOf,
        paragraphs: wordings,
        snapshot: body.figures,
        storageKey: file.storageKey,
        fileName,
        generatedAt: now,
        generatedBy: actor.userId,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!out) throw conflict('同时有人定稿了该年度总结，请刷新后重试');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'summary.finalize',
      objectType: 'summary',
      objectId: out.id,
      detail: {
        org: org.name,
        year: row.year,
        version,
        asOf,
        draftId: row.id,
        figures: Object.fromEntries(body.figures.map((f) => [f.key, f.value])),
      },
    });
    return out;
  });
  return summaryOut(ctx, actor, saved, org);
}
