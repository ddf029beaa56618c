import { cellText, halfWidth } from '../sheet-cell.js';

/**
 * 民主推荐计票表: the counting sheet of a recommendation (会议推荐 / 谈话推荐), one row per candidate
 * and post with the votes counted for them. The person is found in the registry by name (单位 or
 * 身份证号码 tell apart two of one name); 拟任职务 may be left blank when the case fills one post.
 */
export const TALLY_SHEET = '民主推荐计票表';

export const TALLY_COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 12 },
  { key: 'unit', header: '单位', width: 18 },
  { key: 'idNumber', header: '身份证号码', width: 22 },
  { key: 'post', header: '拟任职务', width: 22 },
  { key: 'votes', header: '得票数', width: 10 },
] as const;
export type TallyKey = (typeof TALLY_COLUMNS)[number]['key'];

export const TALLY_HEADERS: Record<string, string> = Object.fromEntries(
  TALLY_COLUMNS.map((c) => [c.key, c.header]),
);

// the words counting sheets use for the same columns
const ALIASES: Record<string, TallyKey> = {
  编号: 'no',
  人选: 'name',
  候选人: 'name',
  被推荐人: 'name',
  推荐人选: 'name',
  工作单位: 'unit',
  身份证号: 'idNumber',
  推荐职务: 'post',
  职务: 'post',
  得票: 'votes',
  推荐票: 'votes',
  票数: 'votes',
  推荐票数: 'votes',
};

export function tallyKeyOf(header: string): TallyKey | undefined {
  const h = header.replace(/\s+/g, '');
  return TALLY_COLUMNS.find((c) => c.header === h)?.key ?? ALIASES[h];
}

export interface TallyRecord {
  name: string;
  unit: string | null;
  idNumber: string | null;
  post: string | null;
  votes: number;
}

/**
 * One row of the sheet: a name, and votes as a whole number from 0 up to those present (the
 * recommendation's 实参加人数). Reasons are written “列名：原因”.
 */
export function parseTallyRow(
  cells: Partial<Record<TallyKey, unknown>>,
  present: number,
): { record: TallyRecord } | { errors: string[] } {
  const errors: string[] = [];
  const name = cellText(cells.name);
  if (!name) errors.push('姓名：必填');
  else if (name.length > 40) errors.push('姓名：不超过 40 字');
  const raw = halfWidth(cellText(cells.votes));
  let votes = Number.NaN;
  if (!raw) errors.push('得票数：必填');
  else if (!/^\d{1,6}$/.test(raw)) errors.push(`得票数：“${raw}”不是非负整数`);
  else {
    votes = Number(raw);
    if (votes > present) errors.push(`得票数：${votes} 多于实参加人数 ${present}`);
  }
  if (errors.length) return { errors };
  const opt = (k: TallyKey) => cellText(cells[k]) || null;
  return {
    record: { name, unit: opt('unit'), idNumber: opt('idNumber'), post: opt('post'), votes },
  };
}
