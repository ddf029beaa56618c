import { and, eq, ne } from 'drizzle-orm';
import { itemDueOn, nextReportDueOn, planDueOn } from '../../../../domain/audits/clocks.js';
import { repeatOf } from '../../../../domain/audits/repeat.js';
import { chinaDate } from '../../../../domain/calendar.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { addAuditEvent } from '../events.js';
import { moveItemTodo } from '../item-todo.js';
import { auditFindings, econAudits, rectificationItems } from '../schema.js';
import type { GoodAuditRow } from './check-rows.js';

export interface ImportedAudit {
  id: number;
  orgId: number;
  reportedOn: string;
}

const sorted = (days: (string | null)[]) => days.filter((d): d is string => !!d).sort();

/**
 * Writes the audits of the ledger's rows (grouped by 审计项目) inside the import's transaction: the
 * audited unit is the first row's, the type and period the rows' (a period left blank is the year
 * of the first 下发 up to that day), reported on the first 下发 and closed on the last 销号 when every
 * item is closed; the importer is its auditor (so the 认定 still due can be taken). Returns each
 * audit's id by title.
 */
export async function writeImportedAudits(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  good: GoodAuditRow[],
  jobId: number,
): Promise<Map<string, ImportedAudit>> {
  const groups = new Map<string, GoodAuditRow[]>();
  for (const g of good) groups.set(g.record.audit, [...(groups.get(g.record.audit) ?? []), g]);
  const out = new Map<string, ImportedAudit>();
  const now = ctx.clock.now();
  for (const [title, rows] of groups) {
    const first = rows[0].record;
    const reportedOn = sorted(rows.map((g) => g.record.issuedOn))[0];
    const withPeriod = rows.find((g) => g.record.periodFrom)?.record;
    const allClosed = rows.every((g) => g.record.status === 'closed');
    const [row] = await tx
      .insert(econAudits)
      .values({
        orgId: rows[0].unitOrgId,
        kind: first.auditKind,
        status: allClosed ? 'closed' : 'reported',
        title,
        periodFrom: withPeriod?.periodFrom ?? `${reportedOn.slice(0, 4)}-01-01`,
        periodTo: withPeriod?.periodTo ?? reportedOn,
        auditorUserIds: [actor.userId],
        startedOn: reportedOn,
        reportedOn,
        closedOn: allClosed ? sorted(rows.map((g) => g.record.closedOn)).at(-1) : null,
        source: 'import',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: econAudits.id });
    await addAuditEvent(tx, ctx, actor, row.id, 'import', {
      occurredOn: reportedOn,
      detail: { imported: true, jobId, findings: rows.length },
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.import',
      objectType: 'econ_audit',
      objectId: row.id,
      detail: { title, kind: first.auditKind, findings: rows.length, jobId },
    });
    out.set(title, { id: row.id, orgId: rows[0].unitOrgId, reportedOn });
  }
  return out;
}

/**
 * Writes one row as the finding and rectification item it was: 下发 on the ledger's day with the
 * plan due by the rule of that day, the plan, progress, evidence and 认定 as the ledger says, 屡审屡犯
 * flagged against earlier audits of the unit. A closed item gets no clock and no to-do; an open one
 * is due as the lifecycle says (its plan day, deadline or checkpoint — overdue when those have
 * passed) with its monthly report counted from the import, not owed for the months before it, and
 * the to-do of whoever acts next.
 */
export async function writeImportedItem(
  tx: Queryable,
  ctx: AppContext,
  audit: ImportedAudit,
  g: GoodAuditRow,
) {
  const r = g.record;
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const earlier = await tx
    .select({ f: auditFindings, a: econAudits })
    .from(auditFindings)
    .innerJoin(econAudits, eq(econAudits.id, auditFindings.auditId))
    .where(
      and(
        eq(auditFindings.unitOrgId, g.unitOrgId),
        eq(auditFindings.problemType, g.problemType),
        ne(auditFindings.auditId, audit.id),
      ),
    );
  const facts = (f: { id: number; auditId: number }, on: string) => ({
    id: f.id,
    auditId: f.auditId,
    unitOrgId: g.unitOrgId,
    problemType: g.problemType,
    auditOn: on,
  });
  const prior = repeatOf(
    facts({ id: 0, auditId: audit.id }, audit.reportedOn),
    earlier.map((e) => facts(e.f, e.a.reportedOn ?? e.a.startedOn ?? e.a.periodTo)),
  );
  const [finding] = await tx
    .insert(auditFindings)
    .values({
      auditId: audit.id,
      unitOrgId: g.unitOrgId,
      summary: r.summary,
      description: r.description,
      amountFen: r.amountFen,
      basis: r.basis,
      problemType: g.problemType,
      severity: r.severity,
      recommendation: r.recommendation,
      responsible: [],
      repeatOfId: prior?.id ?? null,
      foundOn: r.issuedOn,
      createdAt: now,
    })
    .returning({ id: auditFindings.id });
  const planDays = await ctx.rules.value<number>('econ_audit.plan_period', r.issuedOn);
  const months = await ctx.rules.value<number>('econ_audit.progress_report_interval');
  const planDue = planDueOn(r.issuedOn, { planDays, reportMonths: months }, await ctx.calendar.current());
  const open = r.status !== 'closed';
  const reporting = r.status === 'rectifying' || r.status === 'continuing';
  const [item] = await tx
    .insert(rectificationItems)
    .values({
      findingId: finding.id,
      auditId: audit.id,
      orgId: audit.orgId,
      unitOrgId: g.unitOrgId,
      status: r.status,
      issuedOn: r.issuedOn,
      planDueOn: planDue,
      measures: r.measures,
      responsibleUnit: r.responsibleUnit,
      responsiblePerson: r.responsiblePerson,
      deadline: r.deadline,
      progress: r.progress,
      nextReportDue: reporting ? nextReportDueOn(today, { planDays, reportMonths: months }) : null,
      evidence: r.evidence,
      appliedOn: r.status === 'applied' ? today : null,
      continueReason: r.continueReason,
      nextCheckpoint: r.nextCheckpoint,
      verdict: r.verdict,
      closedOn: r.closedOn,
      dueOn: open
        ? itemDueOn({
            status: r.status,
            deadline: r.deadline,
            nextCheckpoint: r.nextCheckpoint,
            planDueOn: planDue,
          })
        : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await addAuditEvent(tx, ctx, null, audit.id, 'import_item', {
    itemId: item.id,
    occurredOn: r.issuedOn,
    detail: { imported: true, status: r.status, closedOn: r.closedOn, repeatOf: prior?.id ?? null },
  });
  if (open) await moveItemTodo(tx, ctx, item);
  return item.id;
}
