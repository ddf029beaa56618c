/**
 * What a petition needs at registration, by channel (domain.md §3): a visit counts its visitors, a
 * case assigned from above names the assigning body, its reference and due date, a transferred one
 * where it came from; a real-name report names the reporter. Pure: returns field → Chinese message.
 */
export const PETITION_CHANNELS = {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网上举报',
  assigned: '上级交办',
  transferred: '转办',
  audit_referral: '审计移送',
} as const;
export type PetitionChannel = keyof typeof PETITION_CHANNELS;

export interface IntakeFacts {
  channel: PetitionChannel;
  visitors?: number | null;
  receivedOn: string;
  assignedBy?: string | null;
  assignedRef?: string | null;
  assignedDueOn?: string | null;
  transferredFrom?: string | null;
  realName: boolean;
  reporterName?: string | null;
}

export function intakeProblems(f: IntakeFacts, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.receivedOn > today) out.receivedOn = '收件日期不能晚于今天';
  if (f.channel === 'visit' && !(f.visitors && f.visitors >= 1))
    out.visitors = '来访请填写来访人数（至少 1 人）';
  if (f.channel === 'assigned') {
    if (!f.assignedBy?.trim()) out.assignedBy = '上级交办件请填写交办机关';
    if (!f.assignedRef?.trim()) out.assignedRef = '上级交办件请填写交办文号';
    if (!f.assignedDueOn) out.assignedDueOn = '上级交办件请填写交办期限';
    else if (f.assignedDueOn < f.receivedOn) out.assignedDueOn = '交办期限不能早于收件日期';
  }
  if (f.channel === 'transferred' && !f.transferredFrom?.trim()) out.transferredFrom = '转办件请填写转办单位';
  if (f.realName && !f.reporterName?.trim()) out.reporter = '实名举报请填写反映人姓名';
  return out;
}
