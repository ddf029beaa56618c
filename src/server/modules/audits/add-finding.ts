import { and, eq, ne } from 'drizzle-orm';
import { nextAuditStatus } from '../../../domain/audits/audit.js';
import { planDueOn } from '../../../domain/audits/clocks.js';
import { toFen } from '../../../domain/audits/outcomes.js';
import { repeatOf } from '../../../domain/audits/repeat.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, requireAccess } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { requireDictCode } from '../cadres/dict-code.js';
import { cadres } from '../cadres/schema.js';
import { type AuditRow, bumpAudit, loadAuditForChange } from './access.js';
import type { FindingInput } from './contract.js';
import { addAuditEvent } from './events.js';
import { getAudit } from './get-audit.js';
import { auditFindings, econAudits, rectificationItems } from './schema.js';

const auditDay = (a: Pick<AuditRow, 'reportedOn' | 'startedOn' | 'periodTo'>) =>
  a.reportedOn ?? a.startedOn ?? a.periodTo;

/**
 * 登记审计发现 inside the caller's transaction: the finding (屡审屡犯 flagged against earlier audits
 * of the unit) and its rectification item, issued (下发) today with the unit's plan due by the rule
 * and a to-do for the unit's head. Returns the finding's and the item's ids.
 */
export async function insertFinding(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  audit: AuditRow,
  input: FindingInput,
): Promise<{ findingId: number; itemId: number }> {
  const step = nextAuditStatus(audit.status as 'draft', 'add_finding');
  if ('problem' in step) throw unprocessable(step.problem);
  const unitOrgId = input.unitOrgId ?? audit.orgId;
  if (!(await orgInScope(tx, actor, unitOrgId)))
    throw badRequest('整改单位不存在或不在您的管理范围内', {
      unitOrgId: '整改单位不存在或不在您的管理范围内',
    });
  await requireDictCode(tx, 'finding_category', input.problemType, 'problemType', '请选择问题类型');
  const amountFen = input.amount == null ? null : toFen(input.amount);
  const responsible = [];
  for (const [i, p] of input.responsible.entries()) {
    if (p.cadreId) {
      await requireAccess(tx, actor, 'cadre', [p.cadreId]);
      const [c] = await tx.select({ name: cadres.name }).from(cadres).where(eq(cadres.id, p.cadreId));
      responsible.push({ cadreId: p.cadreId, name: c.name, tier: p.tier });
    } else if (p.name) responsible.push({ cadreId: null, name: p.name, tier: p.tier });
    else throw badRequest('请选择责任人或填写姓名', { [`responsible.${i}.name`]: '请选择责任人或填写姓名' });
  }
  const earlier = await tx
    .select({ f: auditFindings, a: econAudits })
    .from(auditFindings)
    .innerJoin(econAudits, eq(econAudits.id, auditFindings.auditId))
    .where(
      and(
        eq(auditFindings.unitOrgId, unitOrgId),
        eq(auditFindings.problemType, input.problemType),
        ne(auditFindings.auditId, audit.id),
      ),
    );
  const facts = (f: { id: number; auditId: number; unitOrgId: number; problemType: string }, on: string) => ({
    id: f.id,
    auditId: f.auditId,
    unitOrgId: f.unitOrgId,
    problemType: f.problemType,
    auditOn: on,
  });
  const prior = repeatOf(
    facts({ id: 0, auditId: audit.id, unitOrgId, problemType: input.problemType }, auditDay(audit)),
    earlier.map((r) => facts(r.f, auditDay(r.a))),
  );
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const [finding] = await tx
    .insert(auditFindings)
    .values({
      auditId: audit.id,
      unitOrgId,
      summary: input.summary,
      description: input.description,
      amountFen,
      basis: input.basis,
      problemType: input.problemType,
      severity: input.severity,
      recommendation: input.recommendation,
      responsible,
      responsibleCadreIds: responsible.flatMap((p) => (p.cadreId ? [p.cadreId] : [])),
      repeatOfId: prior?.id ?? null,
      foundOn: today,
      createdAt: now,
    })
    .returning({ id: auditFindings.id });
  const planDays = await ctx.rules.value<number>('econ_audit.plan_period');
  const planDue = planDueOn(today, { planDays, reportMonths: 1 }, await ctx.calendar.current());
  const [item] = await tx
    .insert(rectificationItems)
    .values({
      findingId: finding.id,
      auditId: audit.id,
      orgId: audit.orgId,
      unitOrgId,
      status: 'issued',
      issuedOn: today,
      planDueOn: planDue,
      dueOn: planDue,
      subjectCadreIds: audit.subjectCadreIds,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: rectificationItems.id });
  await createTodo(tx, ctx.clock, {
    title: `制定整改方案：${input.summary}`,
    recordType: 'rectification',
    recordId: item.id,
    link: `/rectification/${item.id}`,
    orgId: unitOrgId,
    assigneeRole: 'unit_head',
    dueOn: planDue,
    subjectCadreIds: audit.subjectCadreIds,
    fallback: { orgId: audit.orgId, assigneeRole: 'audit_officer' },
  });
  await addAuditEvent(tx, ctx, actor, audit.id, 'add_finding', {
    itemId: item.id,
    detail: { findingId: finding.id, summary: input.summary, repeatOf: prior?.id ?? null },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'econ_audit.add_finding',
    objectType: 'econ_audit',
    objectId: audit.id,
    detail: { findingId: finding.id, itemId: item.id, problemType: input.problemType, repeat: !!prior },
  });
  return { findingId: finding.id, itemId: item.id };
}

export async function addFinding(opts: { ctx: AppContext; actor: Actor; id: number; input: FindingInput }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => addFindingIn(tx, ctx, actor, id, input));
  return getAudit({ ctx, actor, id });
}

/** 登记审计发现 on an audit (by id and version) inside the caller's transaction. */
export async function addFindingIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: FindingInput,
) {
  const audit = await loadAuditForChange(tx, actor, id, input.version);
  const ids = await insertFinding(tx, ctx, actor, audit, input);
  await bumpAudit(tx, audit, {}, ctx.clock.now());
  return ids;
}
