/**
 * An inquiry (函询 / 向组织说明): a written question to a cadre, the cadre's reply in the system,
 * the principal of the cadre's unit endorsing it (签字背书), and the organization's conclusion.
 */
export const INQUIRY_STATUSES = {
  sent: '待回复',
  replied: '已回复待背书',
  endorsed: '已背书待结论',
  concluded: '已了结',
} as const;
export type InquiryStatus = keyof typeof INQUIRY_STATUSES;

export const INQUIRY_ACTIONS = { reply: '回复', endorse: '签字背书', conclude: '作出结论' } as const;
export type InquiryAction = keyof typeof INQUIRY_ACTIONS;

export const INQUIRY_SOURCES = ['信访', '审计', '个人有关事项', '其他'] as const;
export type InquirySource = (typeof INQUIRY_SOURCES)[number];

export const INQUIRY_CONCLUSIONS = {
  clarified: '了结澄清',
  reminder: '予以提醒',
  admonition: '诫勉',
  preliminary_check: '初步核实',
} as const;
export type InquiryConclusion = keyof typeof INQUIRY_CONCLUSIONS;

export const INQUIRY_TRANSITIONS = {
  sent: { reply: 'replied' },
  replied: { endorse: 'endorsed' },
  endorsed: { conclude: 'concluded' },
  concluded: {},
} satisfies Record<InquiryStatus, Partial<Record<InquiryAction, InquiryStatus>>>;

export function inquiryTransition(
  from: InquiryStatus,
  action: InquiryAction,
): { to: InquiryStatus } | { error: string } {
  const to = (INQUIRY_TRANSITIONS[from] as Partial<Record<InquiryAction, InquiryStatus>>)[action];
  if (!to) return { error: `函询当前状态为“${INQUIRY_STATUSES[from]}”，不能${INQUIRY_ACTIONS[action]}` };
  return { to };
}

/** Answered on time: on or before the last day of the reply period. */
export const answeredOnTime = (repliedOn: string | null, dueOn: string) => !!repliedOn && repliedOn <= dueOn;

/** Overdue on `today`: still awaiting the reply after its last day. */
export const inquiryOverdue = (status: InquiryStatus, dueOn: string, today: string) =>
  status === 'sent' && today > dueOn;
