import type { Queryable } from '../../platform/db/client.js';

/**
 * Which of these cadres are under 任前公示 on a date. The appointments module supplies the real
 * answer by calling `setUnderNoticeSource`; until it exists no one is under notice. A report naming
 * someone under notice is marked urgent and goes to the discipline officer first.
 */
export type UnderNoticeSource = (db: Queryable, cadreIds: number[], onDate: string) => Promise<Set<number>>;

let source: UnderNoticeSource = async () => new Set();

/** Sets the answer; returns the one it replaces (a test that stands in for it puts it back). */
export function setUnderNoticeSource(s: UnderNoticeSource): UnderNoticeSource {
  const before = source;
  source = s;
  return before;
}

export const cadresUnderNotice: UnderNoticeSource = (db, cadreIds, onDate) =>
  cadreIds.length ? source(db, cadreIds, onDate) : Promise.resolve(new Set());

/**
 * A report sent from the portal's 任前公示 page names the person of an open notice: the appointments
 * module resolves (notice, person) to the registry cadre, or null when the notice is not open today.
 */
export type NoticeSubjectSource = (
  db: Queryable,
  ref: { caseId: number; candidateId: number },
  onDate: string,
) => Promise<{ cadreId: number; name: string; unitText: string; orgId: number } | null>;

let subjectSource: NoticeSubjectSource = async () => null;

export function setNoticeSubjectSource(s: NoticeSubjectSource): void {
  subjectSource = s;
}

export const noticeSubject: NoticeSubjectSource = (db, ref, onDate) => subjectSource(db, ref, onDate);
