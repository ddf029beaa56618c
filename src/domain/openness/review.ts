/**
 * A disclosure's life. A village's item passes the 村务监督委员会: 村委会 drafts → submits for review →
 * the committee approves or returns it with a reason → published. A township's or department's item
 * is published from the draft by its office. A published item may be withdrawn with a reason; it
 * stays in the history.
 */
export type DisclosureStatus = 'draft' | 'in_review' | 'returned' | 'approved' | 'published' | 'withdrawn';

export const DISCLOSURE_STATUSES: Record<DisclosureStatus, string> = {
  draft: '草稿',
  in_review: '待监委会审核',
  returned: '已退回',
  approved: '监委会已审核',
  published: '已公开',
  withdrawn: '已撤回',
};

export type DisclosureAction = 'edit' | 'submit' | 'approve' | 'return' | 'publish' | 'withdraw';

export const DISCLOSURE_ACTIONS: Record<DisclosureAction | 'draft', string> = {
  draft: '起草',
  edit: '修改',
  submit: '提交监委会审核',
  approve: '监委会审核通过',
  return: '监委会退回',
  publish: '公开',
  withdraw: '撤回',
};

export interface TransitionProblem {
  field: string;
  message: string;
}

/**
 * The status after `action`, or why it is refused. `needsReview`: the unit is a village, whose items
 * the 村务监督委员会 must approve before they are published.
 */
export function disclosureTransition(
  status: DisclosureStatus,
  action: DisclosureAction,
  needsReview: boolean,
): { to: DisclosureStatus } | { problem: TransitionProblem } {
  const refuse = (message: string, field = 'status') => ({ problem: { field, message } });
  switch (action) {
    case 'edit':
      return status === 'draft' || status === 'returned'
        ? { to: 'draft' }
        : refuse(`${DISCLOSURE_STATUSES[status]}的公开事项不能修改`);
    case 'submit':
      if (!needsReview) return refuse('非村级公开事项无须提交村务监督委员会审核');
      return status === 'draft' || status === 'returned'
        ? { to: 'in_review' }
        : refuse(`${DISCLOSURE_STATUSES[status]}的公开事项不能提交审核`);
    case 'approve':
    case 'return':
      return status === 'in_review'
        ? { to: action === 'approve' ? 'approved' : 'returned' }
        : refuse(`只有待监委会审核的公开事项才能${action === 'approve' ? '审核通过' : '退回'}`);
    case 'publish':
      if (needsReview)
        return status === 'approved'
          ? { to: 'published' }
          : refuse('村级公开事项须经村务监督委员会审核通过后才能公开', 'review');
      return status === 'draft'
        ? { to: 'published' }
        : refuse(`${DISCLOSURE_STATUSES[status]}的公开事项不能公开`);
    case 'withdraw':
      return status === 'published' ? { to: 'withdrawn' } : refuse('只有已公开的事项才能撤回');
  }
}

/**
 * A pending revision (修订) of a published village item: the drafter's new text waits for the
 * 村务监督委员会 like a first publication — submitted with the revision, approved or returned with a
 * reason, and only an approved revision is published. The item stays published as it was meanwhile.
 * (A township's or department's revision is published at once: no committee reviews it.)
 */
export type RevisionStatus = 'in_review' | 'returned' | 'approved';

export const REVISION_STATUSES: Record<RevisionStatus, string> = {
  in_review: '修订待监委会审核',
  returned: '修订已退回',
  approved: '修订已审核',
};

/** The revision's status after `action` on a published village item, or why it is refused. */
export function revisionTransition(
  status: RevisionStatus | null,
  action: 'revise' | 'approve' | 'return' | 'publish',
): { to: RevisionStatus | null } | { problem: TransitionProblem } {
  const refuse = (message: string, field = 'revision') => ({ problem: { field, message } });
  switch (action) {
    case 'revise':
      // a new text, even over an approved one, is a new text: it goes to the committee again
      return { to: 'in_review' };
    case 'approve':
    case 'return':
      return status === 'in_review'
        ? { to: action === 'approve' ? 'approved' : 'returned' }
        : refuse(`只有待监委会审核的修订才能${action === 'approve' ? '审核通过' : '退回'}`, 'status');
    case 'publish':
      return status === 'approved'
        ? { to: null }
        : refuse('村级公开事项的修订须经村务监督委员会审核通过后才能公开', 'review');
  }
}

/**
 * 索引号: the unit's code, the year of issue and a five-digit sequence within the unit and year,
 * e.g. `DX0012-2026-00007`.
 */
export function indexNumber(orgId: number, issuedOn: string, seq: number): string {
  return `DX${String(orgId).padStart(4, '0')}-${issuedOn.slice(0, 4)}-${String(seq).padStart(5, '0')}`;
}
