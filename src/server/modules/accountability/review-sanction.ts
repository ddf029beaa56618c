import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { REVIEW_GROUNDS, sanctionReviewProblem } from '../../../domain/accountability/transitions.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { bumpVersion, loadForChange } from './access.js';
import { checkRecordInput } from './check-input.js';
import { takeEffect } from './confirm-record.js';
import type { reviewSanctionIn } from './contract.js';
import { getRecord } from './get-record.js';
import { accountabilityPersons, accountabilitySanctions } from './schema.js';
import { addEvent } from './write-people.js';

/**
 * 申诉 / 复查: a sanction in force is changed (replaced by another, e.g. 记大过 → 记过) or lifted. The
 * old one stays as history (status changed / lifted, ended on the day), so the eligibility reads
 * each day by the sanction then in force; the replacement takes effect as a confirmed one does.
 */
export async function reviewSanction(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: z.infer<typeof reviewSanctionIn>;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    const [old] = await tx
      .select()
      .from(accountabilitySanctions)
      .where(and(eq(accountabilitySanctions.id, input.sanctionId), eq(accountabilitySanctions.recordId, id)));
    if (!old) throw notFound('处理不存在');
    const problem = sanctionReviewProblem({
      recordStatus: row.status as 'in_force',
      sanctionStatus: old.status as 'in_force',
      effectiveFrom: old.effectiveFrom ?? row.decidedOn ?? input.on,
      on: input.on,
      today: chinaDate(ctx.clock.now()),
    });
    if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });
    if (input.action === 'change' && !input.replacement)
      throw badRequest('变更处理须填写变更后的处理', { replacement: '变更处理须填写变更后的处理' });
    if (input.action === 'lift' && input.replacement)
      throw badRequest('撤销处理不填写变更后的处理', { replacement: '撤销处理不填写变更后的处理' });
    const [person] = await tx
      .select()
      .from(accountabilityPersons)
      .where(eq(accountabilityPersons.id, old.personId));
    const now = ctx.clock.now();
    const [ended] = await tx
      .update(accountabilitySanctions)
      .set({
        status: input.action === 'change' ? 'changed' : 'lifted',
        endedOn: input.on,
        endGround: input.ground,
        endReason: input.reason,
      })
      .where(and(eq(accountabilitySanctions.id, old.id), eq(accountabilitySanctions.status, 'in_force')))
      .returning({ id: accountabilitySanctions.id });
    if (!ended) throw conflict();
    let replacementId: number | null = null;
    if (input.replacement) {
      const r = input.replacement;
      // checked as a draft's sanction of this person would be (kind, its rule, the tenures it names)
      const plan = await checkRecordInput(tx, ctx, actor, {
        kind: row.kind,
        category: row.category,
        title: row.title,
        facts: row.facts,
        basis: row.basis,
        decidedOn: row.decidedOn,
        persons: [
          {
            cadreId: person.cadreId,
            name: person.name,
            sanctions: [{ ...r, effectiveFrom: r.effectiveFrom ?? input.on }],
          },
        ],
      }).catch((e) => {
        throw renameFields(e);
      });
      const s = plan.persons[0].sanctions[0];
      const [made] = await tx
        .insert(accountabilitySanctions)
        .values({ ...s, recordId: id, personId: person.id, replacesId: old.id, createdAt: now })
        .returning();
      replacementId = made.id;
      await takeEffect(
        tx,
        ctx,
        actor,
        { ...made, effectiveFrom: s.effectiveFrom! },
        person,
        row.title,
        'replacement.kind',
      );
    }
    await bumpVersion(tx, row, {}, now);
    const action = input.action === 'change' ? 'change_sanction' : 'lift_sanction';
    const detail = { sanctionId: old.id, ground: input.ground, on: input.on, replacementId };
    await addEvent(tx, ctx, actor, id, action, {
      reason: `${REVIEW_GROUNDS[input.ground]}：${input.reason}`,
      detail,
      occurredOn: input.on,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: `accountability.${action}`,
      objectType: 'accountability',
      objectId: id,
      detail, // the ground (a category) only: the reason is case content and stays on the event
    });
  });
  return getRecord({ ctx, actor, id });
}

/** A replacement's problems are named on the form's replacement fields. */
function renameFields(e: unknown) {
  const err = e as { fields?: Record<string, string> };
  if (err?.fields)
    err.fields = Object.fromEntries(
      Object.entries(err.fields).map(([k, v]) => [
        k.replace(/^persons\.0\.(sanctions\.0\.)?/, 'replacement.'),
        v,
      ]),
    );
  return e;
}
