import { isIsoDate } from '../calendar.js';
import { cellText, halfWidth } from '../sheet-cell.js';
import { DECIDING_BODIES } from './authority.js';
import { RESPONSIBLE_ROLES, type ResponsibleRole } from './responsibility.js';
import { APPOINTMENT_METHODS, CANDIDATE_STATUSES, CASE_STEPS } from './workflow.js';

/**
 * 选拔任用纪实台帐: one row per candidate of each case, in the order offices keep it — what the
 * export writes and the import of earlier years' cases reads (rows of one 编号 are one case).
 */
export const CASE_LEDGER_SHEET = '选拔任用纪实台帐';

export const CASE_LEDGER_COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'code', header: '编号', width: 16 },
  { key: 'org', header: '单位', width: 12 },
  { key: 'title', header: '事项', width: 24 },
  { key: 'method', header: '选拔方式', width: 10 },
  { key: 'proposedOn', header: '动议日期', width: 12 },
  { key: 'name', header: '人选', width: 10 },
  { key: 'post', header: '拟任职务', width: 20 },
  { key: 'votes', header: '推荐得票', width: 10 },
  { key: 'exam', header: '笔试成绩', width: 10 },
  { key: 'interview', header: '面试成绩', width: 10 },
  { key: 'total', header: '总成绩', width: 10 },
  { key: 'rank', header: '排名', width: 8 },
  { key: 'decision', header: '表决（同意/反对/弃权）', width: 16 },
  { key: 'body', header: '决定机构', width: 14 },
  { key: 'notice', header: '任前公示', width: 24 },
  { key: 'dispatch', header: '任免文件', width: 18 },
  { key: 'status', header: '结果', width: 14 },
  { key: 'step', header: '事项进度', width: 10 },
  { key: 'responsible', header: '责任人（推荐、考察、承办、决定）', width: 36 },
] as const;
export type CaseLedgerKey = (typeof CASE_LEDGER_COLUMNS)[number]['key'];

export const CASE_LEDGER_HEADERS: Record<string, string> = Object.fromEntries(
  CASE_LEDGER_COLUMNS.map((c) => [c.key, c.header]),
);
export const caseLedgerKeyOf = (h: string): CaseLedgerKey | undefined =>
  CASE_LEDGER_COLUMNS.find((c) => c.header === h.replace(/\s+/g, ''))?.key;

/** Only cases that are over come in from an earlier ledger: 任职 or 已撤销. */
export const IMPORTABLE_STEPS = ['appointed', 'stopped'] as const;

const reverse = <T extends Record<string, string>>(m: T) =>
  new Map(Object.entries(m).map(([code, label]) => [label, code as keyof T]));
const METHOD_OF = reverse(APPOINTMENT_METHODS);
const BODY_OF = reverse(DECIDING_BODIES);
const STATUS_OF = reverse(CANDIDATE_STATUSES);
const STEP_OF = reverse(CASE_STEPS);
const ROLE_OF = reverse(RESPONSIBLE_ROLES);

export interface CaseLedgerRecord {
  code: string;
  year: number;
  seq: number;
  org: string;
  title: string;
  method: string;
  proposedOn: string;
  name: string;
  post: string;
  votes: number | null;
  exam: number | null;
  interview: number | null;
  rank: number | null;
  decision: { approve: number; oppose: number; abstain: number } | null;
  body: string;
  notice: { code: string; startsOn: string; endsOn: string } | null;
  dispatch: { code: string; on: string } | null;
  status: string;
  step: string;
  responsible: { role: ResponsibleRole; name: string }[];
}

/** The facts every row of one case must repeat alike. */
export const caseFacts = (r: CaseLedgerRecord) =>
  JSON.stringify([r.org, r.title, r.method, r.proposedOn, r.body, r.notice, r.dispatch, r.step]);

const CODE = /〔(\d{4})〕(\d{1,4})号$/;
const BRACKETED = /^(.+?)（(.+)）$/;

/** One row of the ledger, or its problems written “列名：原因”. */
export function parseCaseLedgerRow(
  cells: Partial<Record<CaseLedgerKey, unknown>>,
): { record: CaseLedgerRecord } | { errors: string[] } {
  const errors: string[] = [];
  const t = (k: CaseLedgerKey) => halfWidth(cellText(cells[k]));
  const need = (k: CaseLedgerKey) => {
    const v = cellText(cells[k]);
    if (!v) errors.push(`${CASE_LEDGER_HEADERS[k]}：必填`);
    return v;
  };
  const code = need('code');
  const m = CODE.exec(code);
  if (code && !m) errors.push('编号：应为“大兴组〔2024〕3号”的格式');
  const org = need('org');
  const title = need('title');
  const methodLabel = need('method');
  const method = METHOD_OF.get(methodLabel as never);
  if (methodLabel && !method)
    errors.push(`选拔方式：“${methodLabel}”不是可选值（${Object.values(APPOINTMENT_METHODS).join('、')}）`);
  const proposedOn = t('proposedOn');
  if (!isIsoDate(proposedOn)) errors.push('动议日期：应为 2024-03-01 这样的日期');
  const name = need('name');
  const post = need('post');
  const number = (k: CaseLedgerKey, max: number, decimals: boolean) => {
    const v = t(k);
    if (!v) return null;
    const ok = decimals ? /^\d{1,3}(\.\d{1,2})?$/.test(v) : /^\d{1,6}$/.test(v);
    if (!ok || Number(v) > max) {
      errors.push(`${CASE_LEDGER_HEADERS[k]}：“${v}”不正确`);
      return null;
    }
    return Number(v);
  };
  const votes = number('votes', 100000, false);
  const exam = number('exam', 100, true);
  const interview = number('interview', 100, true);
  const rank = number('rank', 100000, false);
  const decisionText = t('decision');
  const d = /^(\d+)\/(\d+)\/(\d+)$/.exec(decisionText);
  if (decisionText && !d) errors.push('表决：应为“同意/反对/弃权”的票数，如 7/0/0');
  const bodyLabel = need('body');
  const body = BODY_OF.get(bodyLabel as never);
  if (bodyLabel && !body)
    errors.push(`决定机构：“${bodyLabel}”不是可选值（${Object.values(DECIDING_BODIES).join('、')}）`);
  const noticeText = cellText(cells.notice);
  const n = BRACKETED.exec(noticeText);
  const period = n ? /^(\d{4}-\d{2}-\d{2})\s*至\s*(\d{4}-\d{2}-\d{2})$/.exec(n[2]) : null;
  if (noticeText && !(n && period && isIsoDate(period[1]) && isIsoDate(period[2]) && period[1] <= period[2]))
    errors.push('任前公示：应为“公示编号（2024-03-01 至 2024-03-07）”');
  const dispatchText = cellText(cells.dispatch);
  const dp = BRACKETED.exec(dispatchText);
  if (dispatchText && !(dp && isIsoDate(dp[2]))) errors.push('任免文件：应为“文号（2024-03-20）”');
  const statusLabel = need('status');
  const status = STATUS_OF.get(statusLabel as never);
  if (statusLabel && !status)
    errors.push(`结果：“${statusLabel}”不是可选值（${Object.values(CANDIDATE_STATUSES).join('、')}）`);
  const stepLabel = need('step');
  const step = STEP_OF.get(stepLabel as never);
  if (stepLabel && !(step && (IMPORTABLE_STEPS as readonly string[]).includes(step)))
    errors.push('事项进度：只导入已办结的事项（任职、已撤销）');
  const responsible: CaseLedgerRecord['responsible'] = [];
  for (const part of cellText(cells.responsible)
    .split(/[；;]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [roleLabel, ...rest] = part.split(/[：:]/);
    const role = ROLE_OF.get(roleLabel.trim() as never);
    const who = rest.join('：').trim();
    if (!role || !who || who.length > 40)
      errors.push(`责任人：“${part}”应为“推荐人：姓名”（${Object.values(RESPONSIBLE_ROLES).join('、')}）`);
    else responsible.push({ role, name: who });
  }
  if (step === 'appointed' && status === 'appointed' && !dp) errors.push('任免文件：已任职的须填写任免文件');
  if (errors.length) return { errors };
  return {
    record: {
      code,
      year: Number(m![1]),
      seq: Number(m![2]),
      org,
      title,
      method: method as string,
      proposedOn,
      name,
      post,
      votes,
      exam,
      interview,
      rank,
      decision: d ? { approve: Number(d[1]), oppose: Number(d[2]), abstain: Number(d[3]) } : null,
      body: body as string,
      notice: n && period ? { code: n[1].trim(), startsOn: period[1], endsOn: period[2] } : null,
      dispatch: dp ? { code: dp[1].trim(), on: dp[2] } : null,
      status: status as string,
      step: step as string,
      responsible,
    },
  };
}
