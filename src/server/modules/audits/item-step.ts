import { eq } from 'drizzle-orm';
import { nextReportDueOn } from '../../../domain/audits/clocks.js';
import {
  CONTINUE_REASONS,
  type ItemStatus,
  nextItemStatus,
  STEP_SIDE,
  stepActorProblem,
} from '../../../domain/audits/rectification.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, forbidden } from '../../platform/http/errors.js';
import { bumpItem, type ItemRow, loadItem } from './access.js';
import type { StepInput } from './contract.js';
import { addAuditEvent } from './events.js';
import { evidenceFilesOf } from './evidence-files.js';
import { getItem } from './get-item.js';
import { moveItemTodo } from './item-todo.js';
import { econAudits } from './schema.js';

const SIDE_PERMISSION = { unit: 'rectification.unit', auditor: 'econ_audit.manage' } as const;

/**
 * One step of a rectification item inside the caller's transaction, guarded by the lifecycle and
 * by separation of duties: the unit plans, reports and applies; only an auditor of the audit, never
 * of the rectifying unit, takes 认定 (销号 / 持续整改 / 退回) and 复核.
 */
export async function takeItemStep(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: StepInput,
) {
  const item = await loadItem(tx, actor, id);
  if (item.version !== input.version) throw conflict();
  const side = STEP_SIDE[input.action];
  if (!actor.permissions.has(SIDE_PERMISSION[side]))
    throw forbidden(
      side === 'auditor' ? '只有审计人员才能认定、销号或复核整改事项' : '只有整改单位才能办理此步骤',
    );
  const [audit] = await tx
    .select({ auditorUserIds: econAudits.auditorUserIds })
    .from(econAudits)
    .where(eq(econAudits.id, item.auditId));
  const refusal = stepActorProblem({
    action: input.action,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    auditorUserIds: audit.auditorUserIds,
    rectifyingOrgId: item.unitOrgId,
  });
  if (refusal) throw forbidden(refusal.problem);
  const today = chinaDate(ctx.clock.now());
  // 申请销号: the files of 证明材料 the unit attached count as evidence, as its text does
  const files = input.action === 'apply' ? ((await evidenceFilesOf(tx, [id])).get(id) ?? []) : [];
  const evidenceFileIds = files.map((f) => f.id);
  const step = nextItemStatus(item.status as ItemStatus, input.action, { ...input, evidenceFileIds }, today);
  if ('problem' in step)
    throw badRequest(step.problem, step.field ? { [step.field]: step.problem } : undefined);
  const months = await ctx.rules.value<number>('econ_audit.progress_report_interval');
  const nextReport = nextReportDueOn(today, { planDays: 0, reportMonths: months });
  const set: Partial<ItemRow> = { status: step.to };
  switch (input.action) {
    case 'plan':
      Object.assign(set, {
        measures: input.measures,
        responsibleUnit: input.responsibleUnit,
        responsiblePerson: input.responsiblePerson,
        deadline: input.deadline,
        dueOn: input.deadline,
        plannedOn: item.plannedOn ?? today,
        nextReportDue: item.nextReportDue ?? nextReport,
      });
      break;
    case 'report':
      Object.assign(set, { progress: input.progress, lastReportOn: today, nextReportDue: nextReport });
      break;
    case 'apply':
      Object.assign(set, {
        evidence: input.evidence ?? item.evidence,
        evidenceFileIds,
        appliedOn: today,
        dueOn: null,
      });
      break;
    case 'accept':
      Object.assign(set, { verdict: '已整改', closedOn: today, closedBy: actor.userId, dueOn: null });
      break;
    case 'continue':
      Object.assign(set, {
        verdict: `持续整改（${CONTINUE_REASONS[input.reasonCategory as keyof typeof CONTINUE_REASONS]}）`,
        continueReason: input.reasonCategory,
        nextCheckpoint: input.nextCheckpoint,
        dueOn: input.nextCheckpoint,
        nextReportDue: nextReport,
      });
      break;
    case 'return':
      Object.assign(set, { verdict: '未整改，退回', dueOn: item.deadline, nextReportDue: nextReport });
      break;
    case 'reopen': {
      const deadline = input.deadline ?? item.deadline;
      Object.assign(set, {
        verdict: '抽查复核，重新整改',
        closedOn: null,
        closedBy: null,
        deadline,
        dueOn: deadline,
        nextReportDue: nextReport,
      });
      break;
    }
  }
  const saved = await bumpItem(tx, item, set, ctx.clock.now());
  await moveItemTodo(tx, ctx, saved);
  await addAuditEvent(tx, ctx, actor, item.auditId, `item_${input.action}`, {
    itemId: id,
    reason: input.reason ?? null,
    detail: {
      from: item.status,
      to: step.to,
      progress: input.progress ?? undefined,
      evidenceFiles: files.length ? files.map((f) => f.fileName) : undefined,
    },
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: `rectification.${input.action}`,
    objectType: 'rectification',
    objectId: id,
    detail: { from: item.status, to: step.to, auditId: item.auditId },
  });
  return saved;
}

export async function itemStep(opts: { ctx: AppContext; actor: Actor; id: number; input: StepInput }) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction((tx) => takeItemStep(tx, ctx, actor, id, input));
  return getItem({ ctx, actor, id });
}
