import { and, eq } from 'drizzle-orm';
import { chinaDate } from '../../domain/calendar.js';
import { petitionDocuments, petitionEvents, petitions } from '../../server/modules/petitions/schema.js';
import { applyTransition } from '../../server/modules/petitions/workflow/apply-transition.js';
import type { Petition } from '../../server/modules/petitions/workflow/petition-clock.js';
import type { RegisterInput } from '../../server/modules/petitions/workflow/register-contract.js';
import { registerPetition } from '../../server/modules/petitions/workflow/register-petition.js';
import type { Actor } from '../../server/platform/access/actor.js';
import { recordAudit } from '../../server/platform/audit/record.js';
import { CalendarService } from '../../server/platform/calendar/service.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Db, Tx } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { RulesService } from '../../server/platform/rules/service.js';
import { users } from '../../server/platform/users/schema.js';
import type { PlannedStep } from './petition-plan.js';

export interface Cast {
  officer: Actor;
  secretary: Actor;
  unitHead: Actor;
}

/** A demo account as the use cases see a signed-in user. */
export async function demoActor(tx: Tx, username: string): Promise<Actor> {
  const [u] = await tx
    .select({ user: users, orgPath: orgs.path })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.username, username));
  if (!u) throw new Error(`demo user ${username} missing: run the platform step first`);
  return {
    userId: u.user.id,
    username: u.user.username,
    displayName: u.user.displayName,
    orgId: u.user.orgId,
    orgPath: u.orgPath,
    dataScope: u.user.dataScope as Actor['dataScope'],
    cadreId: u.user.cadreId,
    roles: [],
    permissions: new Set(),
    sessionId: 'demo',
    pending: null,
    ip: null,
  };
}

/**
 * Runs the workflow's own use cases as if each step happened on its day: the context's clock reads
 * that day (today's steps the real time), and rules and calendar are read inside the demo's
 * transaction. Events, documents, clocks, to-dos and audit records are dated accordingly.
 */
export async function daysOf(base: AppContext, tx: Tx, now: Date) {
  const today = chinaDate(now);
  const rules = new RulesService(tx, () => now);
  const calendar = new CalendarService(tx, () => now);
  await rules.load();
  await calendar.load();
  return (on: string): AppContext => {
    const at = on >= today ? now : new Date(`${on}T02:00:00Z`); // 10:00 in China
    return { ...base, db: tx as unknown as Db, clock: { now: () => at }, rules, calendar };
  };
}

/** Registers one petition and takes its planned steps, each by whoever would take it. */
export async function livePetition(
  tx: Tx,
  day: (on: string) => AppContext,
  cast: Cast,
  input: RegisterInput,
  plan: PlannedStep[],
  unit: { orgId: number } | null,
): Promise<Petition> {
  const intake = input.channel === 'online' ? null : cast.officer;
  let p = await registerPetition(tx, day(input.receivedOn), intake, input);
  for (const s of plan) {
    const ctx = day(s.on);
    if (s.action === 'opinion') {
      p = await addOpinion(tx, ctx, cast, p, s);
      continue;
    }
    const actor =
      s.action === 'approve'
        ? cast.secretary
        : s.action === 'request_review'
          ? null
          : s.action === 'report' && p.assignedUnitOrgId
            ? cast.unitHead
            : cast.officer;
    const extra =
      s.action === 'investigate'
        ? unit
          ? { disposal: s.disposal, assignedUnitOrgId: unit.orgId }
          : { disposal: s.disposal, investigatorUserId: cast.officer.userId }
        : s.action === 'decline'
          ? { declineReason: s.text }
          : s.action === 'close'
            ? { opinion: s.text }
            : s.action === 'report'
              ? { report: s.text }
              : s.action === 'reply' || s.action === 'answer_review'
                ? { reply: s.text }
                : s.action === 'request_review'
                  ? { note: '对答复不满意，申请复查' }
                  : {};
    p = await applyTransition(tx, ctx, actor, p, s.action, extra);
  }
  return p;
}

/** A 处理意见 as the workflow's add-opinion writes it (its use case opens its own transaction). */
async function addOpinion(tx: Tx, ctx: AppContext, cast: Cast, p: Petition, s: PlannedStep) {
  const now = ctx.clock.now();
  const [saved] = await tx
    .update(petitions)
    .set({ version: p.version + 1, updatedAt: now })
    .where(and(eq(petitions.id, p.id), eq(petitions.version, p.version)))
    .returning();
  const by = p.assignedUnitOrgId ? cast.unitHead : cast.officer;
  await tx.insert(petitionDocuments).values({
    petitionId: p.id,
    kind: 'opinion',
    content: s.text ?? '',
    occurredOn: s.on,
    userId: by.userId,
    createdAt: now,
  });
  await tx.insert(petitionEvents).values({
    petitionId: p.id,
    action: 'opinion',
    fromStatus: p.status,
    toStatus: p.status,
    occurredOn: s.on,
    userId: by.userId,
    createdAt: now,
  });
  await recordAudit(tx, ctx.clock, by, {
    action: 'petition.opinion',
    objectType: 'petition',
    objectId: p.id,
    detail: { code: p.code },
  });
  return saved;
}
