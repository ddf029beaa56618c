/**
 * 整改成效: what rectification achieved, tallied per audit, unit and year — amounts in yuan
 * (上缴财政, 归还原资金渠道, 调整账项) and counts (移送事项, 移送人员, 完善制度).
 */
export const OUTCOME_KINDS = {
  remitted: '上缴财政',
  returned: '归还原资金渠道',
  adjusted: '调整账项',
  referred_matter: '移送事项',
  referred_person: '移送人员',
  policy: '完善制度',
} as const;
export type OutcomeKind = keyof typeof OUTCOME_KINDS;
export const AMOUNT_KINDS: OutcomeKind[] = ['remitted', 'returned', 'adjusted'];
export const isAmountKind = (k: OutcomeKind) => AMOUNT_KINDS.includes(k);

const YUAN = /^-?\d{1,12}(\.\d{1,2})?$/;

/**
 * An amount of yuan with at most two decimals, as 分 (an integer), or null when it is not one.
 * Numbers and strings both; negative amounts are refused.
 */
export function toFen(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'number' ? String(value) : value.trim();
  if (!YUAN.test(s) || s.startsWith('-')) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** 分 → the yuan text with two decimals ("1234.50"). */
export const fenToYuan = (fen: number) =>
  `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

export const AMOUNT_PROBLEM = '金额须为以元为单位、最多两位小数的非负数';

export interface OutcomeRow {
  kind: OutcomeKind;
  /** 分, for the amount kinds. */
  amountFen: number;
  /** How many, for the count kinds (a referral of three persons is 3). */
  count: number;
  auditId: number;
  unitOrgId: number;
  /** The day it was achieved. */
  on: string;
}

export type Tally = Record<OutcomeKind, number>;

export const emptyTally = (): Tally => ({
  remitted: 0,
  returned: 0,
  adjusted: 0,
  referred_matter: 0,
  referred_person: 0,
  policy: 0,
});

/** Adds the rows: amounts in 分, counts as counts. */
export function tally(rows: OutcomeRow[]): Tally {
  const t = emptyTally();
  for (const r of rows) t[r.kind] += isAmountKind(r.kind) ? r.amountFen : r.count;
  return t;
}

/** The tally per key: per audit (`r.auditId`), per unit (`r.unitOrgId`), per year (`r.on.slice(0, 4)`). */
export function tallyBy<K>(rows: OutcomeRow[], key: (r: OutcomeRow) => K): Map<K, Tally> {
  const groups = new Map<K, OutcomeRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return new Map([...groups].map(([k, rs]) => [k, tally(rs)]));
}

/** 整改率: closed items over all items (null when there are none), as a ratio. */
export const rectificationRate = (closed: number, total: number) => (total ? closed / total : null);
