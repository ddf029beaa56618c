/**
 * The life of a rectification item (整改事项): 下发 → 制定方案 → 整改中 → 申请销号 → 认定 by an auditor of
 * the audit: 已整改 → 销号 / 持续整改 (a reason category and the next checkpoint; never closed) /
 * 未整改 → 退回 (back to 整改中). 抽查复核 may reopen a closed item. Pure: the routes, the ledger import
 * and the demo share it.
 */
export const ITEM_STATUSES = {
  issued: '已下发',
  rectifying: '整改中',
  applied: '申请销号',
  continuing: '持续整改',
  closed: '已销号',
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;

export type ItemAction = 'plan' | 'report' | 'apply' | 'accept' | 'continue' | 'return' | 'reopen';

export const ITEM_ACTIONS: Record<ItemAction, string> = {
  plan: '制定整改方案',
  report: '报告整改进展',
  apply: '申请销号',
  accept: '认定已整改并销号',
  continue: '认定持续整改',
  return: '认定未整改并退回',
  reopen: '抽查复核重新打开',
};

/** Who takes each step: the rectifying unit (plan, progress, 申请销号) or an auditor of the audit (认定, 复核). */
export const STEP_SIDE: Record<ItemAction, 'unit' | 'auditor'> = {
  plan: 'unit',
  report: 'unit',
  apply: 'unit',
  accept: 'auditor',
  continue: 'auditor',
  return: 'auditor',
  reopen: 'auditor',
};

const TRANSITIONS: Record<ItemStatus, Partial<Record<ItemAction, ItemStatus>>> = {
  issued: { plan: 'rectifying' },
  rectifying: { plan: 'rectifying', report: 'rectifying', apply: 'applied' },
  applied: { accept: 'closed', continue: 'continuing', return: 'rectifying' },
  continuing: { report: 'continuing', apply: 'applied' },
  closed: { reopen: 'rectifying' },
};

/** 持续整改 reason categories. */
export const CONTINUE_REASONS = {
  institutional: '体制机制',
  historical: '历史遗留',
  litigation: '司法诉讼',
} as const;
export type ContinueReason = keyof typeof CONTINUE_REASONS;

/** What a step carries; each step reads only its own fields. */
export interface StepInput {
  measures?: string | null;
  responsibleUnit?: string | null;
  responsiblePerson?: string | null;
  deadline?: string | null;
  progress?: string | null;
  evidence?: string | null;
  /** Attachment ids of the 证明材料. */
  evidenceFileIds?: number[];
  reasonCategory?: string | null;
  nextCheckpoint?: string | null;
  reason?: string | null;
}

export interface Refusal {
  problem: string;
  field?: string;
}

const blank = (s: string | null | undefined) => !s?.trim();

/**
 * The status after the step, or the Chinese refusal naming the field or the rule. `today` is the
 * day the step is taken (China); `planned` whether the item already has its plan.
 */
export function nextItemStatus(
  from: ItemStatus,
  action: ItemAction,
  input: StepInput,
  today: string,
): { to: ItemStatus } | Refusal {
  const to = TRANSITIONS[from][action];
  if (!to) return { problem: `该整改事项${ITEM_STATUSES[from]}，不能${ITEM_ACTIONS[action]}` };
  switch (action) {
    case 'plan':
      if (blank(input.measures)) return { problem: '制定方案须填写整改措施', field: 'measures' };
      if (blank(input.responsibleUnit))
        return { problem: '制定方案须填写责任单位', field: 'responsibleUnit' };
      if (blank(input.responsiblePerson))
        return { problem: '制定方案须填写责任人', field: 'responsiblePerson' };
      if (!input.deadline) return { problem: '制定方案须填写整改时限', field: 'deadline' };
      if (input.deadline < today) return { problem: '整改时限不能早于今天', field: 'deadline' };
      break;
    case 'report':
      if (blank(input.progress)) return { problem: '请填写整改进展', field: 'progress' };
      break;
    case 'apply':
      if (blank(input.evidence) && !input.evidenceFileIds?.length)
        return { problem: '申请销号须提供证明材料', field: 'evidence' };
      break;
    case 'continue':
      if (!input.reasonCategory || !(input.reasonCategory in CONTINUE_REASONS))
        return {
          problem: '持续整改须选择原因类别（体制机制、历史遗留或司法诉讼）',
          field: 'reasonCategory',
        };
      if (!input.nextCheckpoint)
        return { problem: '持续整改须填写下一检查节点日期', field: 'nextCheckpoint' };
      if (input.nextCheckpoint <= today)
        return { problem: '下一检查节点须晚于今天', field: 'nextCheckpoint' };
      break;
    case 'return':
    case 'reopen':
      if (blank(input.reason)) return { problem: '请填写理由', field: 'reason' };
      break;
    case 'accept':
      break;
  }
  return { to };
}

/** Open: not 销号. 持续整改 never counts as closed. */
export const isOpenItem = (status: ItemStatus) => status !== 'closed';

/**
 * Separation of duties (对账销号): an 认定 or 复核 step is taken only by an auditor of the item's audit,
 * and never by someone of the unit that rectifies — even an auditor placed in that unit. A unit step
 * is taken by the rectifying unit (or an auditor on its behalf is refused too: the unit owns its plan).
 */
export function stepActorProblem(opts: {
  action: ItemAction;
  actorUserId: number;
  actorOrgId: number;
  auditorUserIds: number[];
  rectifyingOrgId: number;
}): Refusal | null {
  const { action, actorUserId, actorOrgId, auditorUserIds, rectifyingOrgId } = opts;
  if (STEP_SIDE[action] === 'auditor') {
    if (actorOrgId === rectifyingOrgId)
      return { problem: '整改单位不能认定或销号本单位的整改事项（对账销号须由审计组办理）' };
    if (!auditorUserIds.includes(actorUserId))
      return { problem: '只有该审计项目的审计人员才能认定、销号或复核整改事项' };
    return null;
  }
  if (actorOrgId !== rectifyingOrgId) return { problem: '只有整改单位才能制定方案、报告进展和申请销号' };
  return null;
}
