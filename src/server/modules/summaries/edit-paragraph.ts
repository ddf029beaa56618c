import { and, eq } from 'drizzle-orm';
import { lockedWordingProblem } from '../../../domain/summary-template.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { EditParagraphBody, SummaryOut } from './contract.js';
import { loadSummary } from './load-summary.js';
import { summaryParagraph } from './paragraphs.js';
import { summaries } from './schema.js';
import { summaryOut } from './summary-out.js';
import { wordingsOf } from './summary-view.js';

/**
 * Saves a paragraph's wording in a draft. The wording is free, the figures are not: a text that
 * drops or alters a placeholder, adds one, or types a digit outside them is refused naming the
 * paragraph (`lockedWordingProblem`). A final version cannot be edited.
 */
export async function editParagraph(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  paragraphId: string;
  body: EditParagraphBody;
}): Promise<SummaryOut> {
  const { ctx, actor, id, paragraphId, body } = opts;
  const { row, org } = await loadSummary(ctx.db, actor, id);
  if (row.status !== 'draft') throw badRequest('已定稿的版本不能修改，请在草稿中修改后重新定稿');
  const registered = summaryParagraph(paragraphId);
  if (!registered) throw notFound('段落不存在');
  const current = wordingsOf(org, row.paragraphs).find((w) => w.id === paragraphId)!;
  const problem = lockedWordingProblem(current.template, body.text, registered.title);
  if (problem) throw badRequest(problem, { text: problem });
  const saved = await ctx.db.transaction(async (tx) => {
    const paragraphs = [
      ...row.paragraphs.filter((w) => w.id !== paragraphId),
      { id: paragraphId, text: body.text },
    ];
    const [out] = await tx
      .update(summaries)
      .set({ paragraphs, updatedAt: ctx.clock.now(), rowVersion: row.rowVersion + 1 })
      .where(and(eq(summaries.id, row.id), eq(summaries.rowVersion, body.rowVersion ?? row.rowVersion)))
      .returning();
    if (!out) throw conflict('总结已被他人修改，请刷新后重试');
    await recordAudit(tx, ctx.clock, actor, {
      action: 'summary.edit',
      objectType: 'summary',
      objectId: row.id,
      detail: { org: org.name, year: row.year, paragraph: registered.title, text: body.text },
    });
    return out;
  });
  return summaryOut(ctx, actor, saved, org);
}
