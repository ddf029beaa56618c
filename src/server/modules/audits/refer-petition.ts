import { and, eq, inArray } from 'drizzle-orm';
import { AUDIT_KINDS } from '../../../domain/audits/audit.js';
import { OUTCOME_KINDS, type OutcomeKind } from '../../../domain/audits/outcomes.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { registerPetition } from '../petitions/workflow/register-petition.js';
import type { AuditRow } from './access.js';
import { auditFindings } from './schema.js';

export interface ReferredPerson {
  cadreId?: number | null;
  name?: string | null;
  unitText?: string | null;
}

/** The township an org lies in (itself when it is one); the org itself when none is above it. */
async function townshipOf(db: Queryable, orgId: number): Promise<number> {
  const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  const ancestors = (org?.path ?? '').split('/').filter(Boolean).map(Number);
  if (!ancestors.length) return orgId;
  const towns = await db
    .select({ id: orgs.id, path: orgs.path })
    .from(orgs)
    .where(and(inArray(orgs.id, ancestors), eq(orgs.kind, 'township')));
  return towns.sort((a, b) => b.path.length - a.path.length)[0]?.id ?? orgId;
}

/**
 * Whom the case is about: the referred persons, then the audit's subject and the finding's
 * responsible cadres not named among them — the case text names the audit and the finding, so
 * those cadres and their relatives must not read it either (recusal).
 */
function referralSubjects(
  persons: ReferredPerson[],
  audit: AuditRow,
  finding: { responsibleCadreIds: number[] } | undefined,
): ReferredPerson[] {
  const named = new Set(persons.map((p) => p.cadreId).filter(Boolean));
  const more = [...new Set([...audit.subjectCadreIds, ...(finding?.responsibleCadreIds ?? [])])]
    .filter((id) => !named.has(id))
    .map((cadreId) => ({ cadreId }));
  return [...persons, ...more];
}

/**
 * 移送 to discipline, inside the caller's transaction: opens a petition of channel 审计移送 in the
 * audited unit's township — its registration to-do goes to that township's discipline officers, its
 * clocks are the petitions' — naming the referred cadres as its subjects (so recusal hides it from
 * them and their relatives, and raises it when every handler must recuse), linked to the audit.
 * Returns the petition's id and number.
 */
export async function openReferralPetition(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  audit: AuditRow,
  referral: {
    kind: OutcomeKind;
    findingId: number | null;
    achievedOn: string;
    note: string | null;
    persons: ReferredPerson[];
  },
): Promise<{ id: number; code: string }> {
  const [finding] = referral.findingId
    ? await tx.select().from(auditFindings).where(eq(auditFindings.id, referral.findingId))
    : [];
  const what = OUTCOME_KINDS[referral.kind];
  const lines = [
    `${AUDIT_KINDS[audit.kind as keyof typeof AUDIT_KINDS] ?? '审计'}“${audit.title}”${what}。`,
    audit.reportNo ? `审计报告文书号：${audit.reportNo}。` : null,
    finding ? `审计发现：${finding.summary}。${finding.description}` : null,
    referral.note ? `移送说明：${referral.note}` : null,
  ];
  const title = `审计移送：${referral.note ?? finding?.summary ?? audit.title}`;
  const petition = await registerPetition(tx, ctx, actor, {
    orgId: await townshipOf(tx, audit.orgId),
    channel: 'audit_referral',
    receivedOn: referral.achievedOn,
    realName: false,
    title: title.length > 100 ? `${title.slice(0, 99)}…` : title,
    content: lines.filter(Boolean).join('\n'),
    subjects: referralSubjects(referral.persons, audit, finding),
    sourceAuditId: audit.id,
  });
  return { id: petition.id, code: petition.code };
}
