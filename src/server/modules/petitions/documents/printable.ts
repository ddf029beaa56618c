/**
 * The case documents printed from a petition (.docx): 信访举报登记表 from registration on,
 * 处理意见审批表 once there are opinions or the case went for approval, and 答复告知书 (不予受理告知书
 * for a declined case) once the reporter was answered.
 */
export const CASE_DOCUMENTS = {
  registration: '信访举报登记表',
  approval: '处理意见审批表',
  reply_notice: '答复告知书',
} as const;
export type CaseDocument = keyof typeof CASE_DOCUMENTS;

/** The path segment of each document's route: /api/v1/petitions/:id/documents/<file>. */
export const DOCUMENT_FILES: Record<CaseDocument, string> = {
  registration: 'registration.docx',
  approval: 'approval.docx',
  reply_notice: 'reply-notice.docx',
};

export interface PrintFacts {
  status: string;
  repliedOn: string | null;
  /** Opinions recorded, or a step into 处理意见待审批 taken. */
  wentForApproval: boolean;
}

export function printableDocuments(f: PrintFacts): CaseDocument[] {
  const out: CaseDocument[] = ['registration'];
  if (f.wentForApproval) out.push('approval');
  if (f.repliedOn || f.status === 'declined') out.push('reply_notice');
  return out;
}

export const notPrintable: Record<CaseDocument, string> = {
  registration: '',
  approval: '该信访件尚无处理意见，也未提交审批，暂不能打印处理意见审批表',
  reply_notice: '该信访件尚未答复反映人，暂不能打印答复告知书',
};
