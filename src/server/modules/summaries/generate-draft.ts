import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { GenerateBody, SummaryOut } from './contract.js';
import { summaryOrg, yearAsOf } from './load-summary.js';
import { summaries } from './schema.js';
import { summaryOut } from './summary-out.js';
import { initialWordings } from './summary-view.js';

/**
 * The draft summary of an org's year, made at any time (the current year too): one draft per org
 * and year, in the registered templates' words; asked again it is returned as edited, unless
 * `reset` restores the template wording. Its figures are counted whenever it is read.
 */
export async function generateDraft(opts: {
  ctx: AppContext;
  actor: Actor;
  body: GenerateBody;
}): Promise<SummaryOut> {
  const { ctx, actor, body } = opts;
  const org = await summaryOrg(ctx.db, actor, body.orgId);
  const asOf = yearAsOf(ctx, body.year);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [had] = await tx
      .select()
      .from(summaries)
      .where(and(eq(summaries.orgId, org.id), eq(summaries.year, body.year), eq(summaries.status, 'draft')))
      .for('update');
    if (had && !body.reset) return had;
    const values = {
      asOf,
      paragraphs: initialWordings(org),
      generatedAt: now,
      generatedBy: actor.userId,
      updatedAt: now,
    };
    const [saved] = had
      ? await tx
          .update(summaries)
          .set({ ...values, rowVersion: had.rowVersion + 1 })
          .where(eq(summaries.id, had.id))
          .returning()
      : await tx
          .insert(summaries)
          .values({ orgId: org.id, year: body.year, status: 'draft', ...values })
          .onConflictDoNothing()
          .returning();
    if (!saved)
      return (
        await tx
          .select()
          .from(summaries)
          .where(
            and(eq(summaries.orgId, org.id), eq(summaries.year, body.year), eq(summaries.status, 'draft')),
          )
      )[0];
    await recordAudit(tx, ctx.clock, actor, {
      action: had ? 'summary.reset' : 'summary.generate',
      objectType: 'summary',
      objectId: saved.id,
      detail: { orgId: org.id, org: org.name, year: body.year, asOf },
    });
    return saved;
  });
  return summaryOut(ctx, actor, row, org);
}
