import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { eligibilityOf } from '../cadres/file/cadre-eligibility.js';
import { positions } from '../cadres/schema.js';
import { addEvent, bumpVersion, loadCase, loadForChange } from './access.js';
import type { registrantIn } from './contract.js';
import { getCase } from './get-case.js';
import { requireCadres } from './people.js';
import { requireSelectionStage } from './registrants.js';
import { appointmentRegistrants } from './schema.js';

type Input = z.infer<typeof registrantIn>;
const refused = (field: string, message: string) => badRequest(message, { [field]: message });

/**
 * 报名: a registry cadre in the caller's scope (their promotion eligibility for the post is read and
 * kept with the registration), or for 公开选拔 a person outside the registry with the facts the
 * qualification check needs. One registration per person and post.
 */
export async function register(opts: { ctx: AppContext; actor: Actor; id: number; input: Input }) {
  const { ctx, actor, id, input } = opts;
  const before = await loadCase(ctx.db, actor, id);
  requireSelectionStage(before);
  if (!before.positionIds.includes(input.positionId))
    throw refused('positionId', '该职务不在本次动议的职务中');
  if (input.person && before.method !== 'open_selection')
    throw refused('cadreId', '竞争上岗限本单位干部报名，请从干部名册中选择');
  let name = input.person?.name ?? '';
  let verdict: string | null = null;
  let reasons: string | null = null;
  if (input.cadreId) {
    const known = await requireCadres(ctx.db, actor, [{ id: input.cadreId, field: 'cadreId' }]);
    name = known.get(input.cadreId)!.name;
    const [post] = await ctx.db.select().from(positions).where(eq(positions.id, input.positionId));
    // eligibility reads through the outer handle: before the transaction
    const e = await eligibilityOf(ctx, input.cadreId, input.on, {
      level: post.level,
      isPrincipal: post.isPrincipal,
    });
    verdict = e.verdict;
    reasons = [...e.reasons.map((r) => r.message), ...e.missing.map((m) => m.message)].join('；') || null;
  }
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, input.version);
    requireSelectionStage(row);
    if (input.cadreId) {
      const [dup] = await tx
        .select({ id: appointmentRegistrants.id })
        .from(appointmentRegistrants)
        .where(
          and(
            eq(appointmentRegistrants.caseId, id),
            eq(appointmentRegistrants.positionId, input.positionId),
            eq(appointmentRegistrants.cadreId, input.cadreId),
          ),
        );
      if (dup) throw refused('cadreId', `${name}已报名该职务`);
    }
    const [saved] = await tx
      .insert(appointmentRegistrants)
      .values({
        caseId: id,
        positionId: input.positionId,
        cadreId: input.cadreId ?? null,
        name,
        facts: input.person
          ? {
              gender: input.person.gender,
              birthDate: input.person.birthDate,
              education: input.person.education,
              politicalStatus: input.person.politicalStatus ?? null,
              currentPost: input.person.currentPost,
            }
          : null,
        registeredOn: input.on,
        eligibilityVerdict: verdict,
        eligibilityReasons: reasons,
      })
      .returning({ id: appointmentRegistrants.id });
    await bumpVersion(
      tx,
      row,
      { subjectCadreIds: subjects(row.subjectCadreIds, input.cadreId) },
      ctx.clock.now(),
    );
    await addEvent(tx, ctx, actor, id, 'register', { occurredOn: input.on, detail: { name } });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'appointment.register',
      objectType: 'appointment',
      objectId: id,
      detail: { registrantId: saved.id, cadreId: input.cadreId ?? null, positionId: input.positionId },
    });
  });
  return getCase({ ctx, actor, id });
}

/** Registry cadres who registered are subjects of the case (recusal), as its candidates are. */
const subjects = (ids: number[], cadreId?: number | null) =>
  cadreId && !ids.includes(cadreId) ? [...ids, cadreId] : ids;
