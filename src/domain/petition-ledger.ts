/**
 * The 信访台帐 layout: one definition for the export, the import template and the import. It
 * carries what the case is about and how it was handled, and whether the reporter gave their name
 * (实名/匿名) — never who they are.
 */
export const LEDGER_SHEET = '信访台帐';

export const LEDGER_KEYS = [
  'seq',
  'code',
  'receivedOn',
  'channel',
  'visitors',
  'assignedBy',
  'assignedRef',
  'assignedDueOn',
  'reporterKind',
  'subjects',
  'subjectUnits',
  'category',
  'title',
  'content',
  'acceptance',
  'acceptedOn',
  'declineReason',
  'disposal',
  'reports',
  'opinions',
  'extensionDays',
  'extensionReason',
  'repliedOn',
  'reply',
  'concludedOn',
  'status',
  'overdue',
] as const;
export type LedgerKey = (typeof LEDGER_KEYS)[number];
export type LedgerCells = Partial<Record<LedgerKey, unknown>>;

const DATE = '日期，如 2026-01-15、2026.01.15 或 2026年1月15日';
const COLUMN: Record<LedgerKey, [header: string, width: number, help: string]> = {
  seq: ['序号', 6, '可留空，导入时不使用'],
  code: ['登记编号', 14, '如 XF2026-0012；留空时自动编号，同一单位内不能重复'],
  receivedOn: ['收件日期', 12, `必填，${DATE}`],
  channel: ['来源渠道', 10, '必填：来信、来访、来电、网上举报、上级交办、转办'],
  visitors: ['来访人数', 8, '来访必填，至少 1 人'],
  assignedBy: ['交办机关', 14, '上级交办件必填；转办件填写转办单位'],
  assignedRef: ['交办文号', 14, '上级交办件必填'],
  assignedDueOn: ['交办期限', 12, `上级交办件必填，${DATE}`],
  reporterKind: ['反映人类别', 10, '必填：实名或匿名（台帐不记录反映人身份信息）'],
  subjects: ['被反映人', 14, '多人用顿号分隔'],
  subjectUnits: ['被反映人单位', 16, '与被反映人一一对应，用顿号分隔；只填一个时适用于全部'],
  category: ['问题类别', 10, '如 干部作风、廉洁自律'],
  title: ['反映事由', 24, '必填，不超过 100 字'],
  content: ['主要内容', 40, '留空时同反映事由'],
  acceptance: ['受理情况', 10, '受理或不予受理；尚未决定的留空'],
  acceptedOn: ['受理日期', 12, `受理或不予受理的日期，${DATE}`],
  declineReason: ['不予受理理由', 20, '不予受理时必填'],
  disposal: [
    '处置方式',
    10,
    '谈话函询、初步核实、暂存待查或予以了结；暂存待查后了结的，填暂存待查并填写后续日期',
  ],
  reports: ['调查报告', 30, '每份一段，以【日期】开头，如 【2026-02-01】调查报告内容'],
  opinions: [
    '处理意见',
    30,
    '每条一段，以【日期】开头；未注明日期的每段算一条；审批通过的另起一段写 【日期】审批通过',
  ],
  extensionDays: ['延期天数', 8, '经批准延期的天数'],
  extensionReason: ['延期理由', 20, '延期时必填'],
  repliedOn: ['回复日期', 12, `回复反映人的日期，${DATE}`],
  reply: ['答复意见', 30, '回复反映人的内容'],
  concludedOn: ['办结日期', 12, `${DATE}；办结的件须已受理`],
  status: ['办理状态', 14, '如 已办结；留空时按所填日期确定'],
  overdue: ['是否超期', 8, '导出时填写，导入时不使用'],
};

export interface LedgerColumn {
  key: LedgerKey;
  header: string;
  width: number;
  help: string;
}
export const LEDGER_COLUMNS: LedgerColumn[] = LEDGER_KEYS.map((key) => {
  const [header, width, help] = COLUMN[key];
  return { key, header, width, help };
});
export const ERROR_HEADER = '错误原因';
const BY_HEADER = new Map(LEDGER_COLUMNS.map((c) => [c.header, c.key]));
export const ledgerKeyOfHeader = (text: string) => BY_HEADER.get(text.replace(/\s+/g, ''));

export const REPORTER_KINDS = { real: '实名', anonymous: '匿名' } as const;
export const ACCEPTANCE = { accepted: '受理', declined: '不予受理' } as const;
export const APPROVED = '审批通过';
/** A unit left blank among given ones, so the units still pair up with the names. */
export const NO_UNIT = '无';

/** A report or an opinion with its date: one paragraph of its cell. */
export interface DatedEntry {
  on: string | null;
  content: string;
}

/** 【2026-02-01】text, one paragraph per entry. */
export const datedCell = (entries: DatedEntry[]) =>
  entries.map((e) => (e.on ? `【${e.on}】${e.content}` : e.content)).join('\n');

const ENTRY = /(?:^|\n)\s*【\s*([0-9０-９][^】]{5,15})\s*】/g;

/**
 * The entries of a report or opinion cell: each paragraph that opens with 【date】 starts one (the
 * date as written, for the caller to parse). Text before the first dated paragraph has no date: one
 * undated entry, or with `undated: 'each'` one entry per paragraph (opinions: a clerk writes one
 * opinion a line, and each is counted).
 */
export function splitDatedCell(
  text: string,
  opts: { undated?: 'one' | 'each' } = {},
): { on: string | null; content: string }[] {
  const out: { on: string | null; content: string }[] = [];
  const marks = [...text.matchAll(ENTRY)];
  const head = text.slice(0, marks[0]?.index ?? text.length).trim();
  if (head && opts.undated === 'each')
    for (const line of head.split(/\n+/)) {
      if (line.trim()) out.push({ on: null, content: line.trim() });
    }
  else if (head) out.push({ on: null, content: head });
  marks.forEach((m, i) => {
    const end = marks[i + 1]?.index ?? text.length;
    out.push({ on: m[1].trim(), content: text.slice((m.index ?? 0) + m[0].length, end).trim() });
  });
  return out;
}

/** Names or units listed in one cell: 张三、李四 (also ， , ; ；and line breaks). */
export const listCell = (text: string) =>
  text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
