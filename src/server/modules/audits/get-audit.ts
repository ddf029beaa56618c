import { asc, eq, inArray } from 'drizzle-orm';
import { RESPONSIBILITY_TIERS } from '../../../domain/audits/audit.js';
import { OUTCOME_KINDS, type OutcomeKind, tally } from '../../../domain/audits/outcomes.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { dictLabels } from '../cadres/dict-code.js';
import { cadres } from '../cadres/schema.js';
import { petitions } from '../petitions/schema.js';
import { loadAudit } from './access.js';
import { auditSummary, itemSummary, severityLabel, yuanOrNull } from './labels.js';
import { reportFilesOf } from './report-file.js';
import { auditEvents, auditFindings, auditOutcomes, rectificationItems } from './schema.js';

/** An audit with its findings and their items, 整改成效 and timeline. */
export async function getAudit(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const db = ctx.db;
  const a = await loadAudit(db, actor, id);
  const [[org], cadre, findings, items, outcomes, events, types, cal, reportFiles] = await Promise.all([
    db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, a.orgId)),
    a.subjectCadreId
      ? db.select({ name: cadres.name }).from(cadres).where(eq(cadres.id, a.subjectCadreId))
      : Promise.resolve([]),
    db.select().from(auditFindings).where(eq(auditFindings.auditId, id)).orderBy(asc(auditFindings.id)),
    db.select().from(rectificationItems).where(eq(rectificationItems.auditId, id)),
    db.select().from(auditOutcomes).where(eq(auditOutcomes.auditId, id)).orderBy(asc(auditOutcomes.id)),
    db.select().from(auditEvents).where(eq(auditEvents.auditId, id)).orderBy(asc(auditEvents.id)),
    dictLabels(db, 'finding_category'),
    ctx.calendar.current(),
    reportFilesOf(db, id),
  ]);
  const auditors = a.auditorUserIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, a.auditorUserIds))
    : [];
  const referred = outcomes.flatMap((o) => (o.petitionId ? [o.petitionId] : []));
  const petitionCodes = new Map(
    (referred.length
      ? await db
          .select({ id: petitions.id, code: petitions.code })
          .from(petitions)
          .where(inArray(petitions.id, referred))
      : []
    ).map((p) => [p.id, p.code]),
  );
  const today = chinaDate(ctx.clock.now());
  const itemOf = new Map(items.map((i) => [i.findingId, i]));
  const t = tally(
    outcomes.map((o) => ({
      kind: o.kind as OutcomeKind,
      amountFen: o.amountFen,
      count: o.count,
      auditId: o.auditId,
      unitOrgId: o.unitOrgId,
      on: o.achievedOn,
    })),
  );
  return {
    ...auditSummary(a, org?.name ?? null, cadre[0]?.name ?? null),
    /** The report (审计报告) as files, beside its 文书号. */
    reportFiles,
    auditors: a.auditorUserIds.map((uid) => ({
      id: uid,
      name: auditors.find((u) => u.id === uid)?.name ?? '',
    })),
    findings: findings.map((f) => {
      const item = itemOf.get(f.id);
      return {
        id: f.id,
        unitOrgId: f.unitOrgId,
        summary: f.summary,
        description: f.description,
        amount: yuanOrNull(f.amountFen),
        basis: f.basis,
        problemType: f.problemType,
        problemTypeLabel: types.get(f.problemType) ?? f.problemType,
        severity: f.severity,
        severityLabel: severityLabel(f.severity),
        recommendation: f.recommendation,
        responsible: (f.responsible as { cadreId: number | null; name: string; tier: string }[]).map((p) => ({
          ...p,
          tierLabel: RESPONSIBILITY_TIERS[p.tier as keyof typeof RESPONSIBILITY_TIERS] ?? p.tier,
        })),
        repeat: f.repeatOfId !== null,
        repeatOfId: f.repeatOfId,
        item: item ? itemSummary(item, today, cal) : null,
      };
    }),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      findingId: o.findingId,
      kind: o.kind,
      kindLabel: OUTCOME_KINDS[o.kind as OutcomeKind] ?? o.kind,
      amount: yuanOrNull(o.amountFen),
      count: o.count,
      achievedOn: o.achievedOn,
      note: o.note,
      petitionId: o.petitionId,
      petitionCode: o.petitionId ? (petitionCodes.get(o.petitionId) ?? null) : null,
    })),
    tally: Object.fromEntries(
      Object.entries(t).map(([k, v]) => [
        k,
        ['remitted', 'returned', 'adjusted'].includes(k) ? yuanOrNull(v) : v,
      ]),
    ),
    events: events.map((e) => ({
      id: e.id,
      itemId: e.itemId,
      action: e.action,
      occurredOn: e.occurredOn,
      at: e.at.toISOString(),
      userName: e.userName,
      reason: e.reason,
      detail: e.detail,
    })),
  };
}
