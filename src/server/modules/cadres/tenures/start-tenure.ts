import { eq, or } from 'drizzle-orm';
import { principalOverlapProblem, probationEnd, samePostTwiceProblem } from '../../../../domain/tenure.js';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { outOfScope, unprocessable } from '../../../platform/http/errors.js';
import { requireDictCode } from '../dict-code.js';
import { loadCadre } from '../load-cadre.js';
import { loadPosition } from '../positions/load-position.js';
import { positions, tenures } from '../schema.js';
import type { TenureStart } from './contract.js';
import { syncCurrentPosition } from './current-posts.js';

/** The post to take up: a position on record, or one written out in the form. */
async function resolvePost(ctx: AppContext, actor: Actor, input: TenureStart) {
  if (input.positionId) {
    const p = await loadPosition(ctx.db, actor, input.positionId);
    return {
      positionId: p.id,
      orgId: p.orgId,
      title: p.title,
      level: p.level,
      isPrincipal: p.isPrincipal,
      managesFunds: p.managesFunds,
    };
  }
  if (!(await orgInScope(ctx.db, actor, input.orgId!))) throw outOfScope();
  await requireDictCode(ctx.db, 'position_level', input.level!, 'level', '职务层次不正确');
  return {
    positionId: null,
    orgId: input.orgId!,
    title: input.title!,
    level: input.level!,
    isPrincipal: input.isPrincipal,
    managesFunds: input.managesFunds,
  };
}

/** 任职: the cadre takes up a post; probation ends after the rule's months when it applies. */
export async function startTenure(opts: {
  ctx: AppContext;
  actor: Actor;
  cadreId: number;
  input: TenureStart;
}) {
  const { ctx, actor, cadreId, input } = opts;
  const cadre = await loadCadre(ctx.db, actor, cadreId);
  const post = await resolvePost(ctx, actor, input);
  const months = input.probation
    ? await ctx.rules.value<number>('appointment.probation', input.startDate)
    : null;
  return ctx.db.transaction(async (tx) => {
    // one taker at a time per post, so two principals cannot slip in together
    if (post.positionId)
      await tx.select().from(positions).where(eq(positions.id, post.positionId)).for('update');
    const span = { ...post, startDate: input.startDate, endDate: null };
    const related = await tx
      .select()
      .from(tenures)
      .where(
        post.positionId
          ? or(eq(tenures.positionId, post.positionId), eq(tenures.cadreId, cadreId))
          : eq(tenures.cadreId, cadreId),
      );
    const problem =
      principalOverlapProblem(span, related) ??
      samePostTwiceProblem(
        span,
        related.filter((t) => t.cadreId === cadreId),
      );
    if (problem) throw unprocessable(problem, { startDate: problem });
    const [saved] = await tx
      .insert(tenures)
      .values({
        ...post,
        cadreId,
        startDate: input.startDate,
        probationEnd: months !== null ? probationEnd(input.startDate, months) : null,
        note: input.note ?? null,
      })
      .returning();
    await syncCurrentPosition(tx, cadreId, ctx.clock.now());
    await recordAudit(tx, ctx.clock, actor, {
      action: 'tenure.start',
      objectType: 'cadre',
      objectId: cadreId,
      detail: { tenureId: saved.id, name: cadre.name, title: saved.title, startDate: saved.startDate },
    });
    return saved.id;
  });
}
