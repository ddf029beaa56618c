import { isoOf, parseRosterDate } from '../roster-date.js';
import { cellText, halfWidth } from '../sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from '../storable-text.js';
import {
  ADMONITION_KINDS,
  ADMONITION_SOURCES,
  ADMONITION_STATUSES,
  type AdmonitionKind,
  type AdmonitionSource,
  type AdmonitionStatus,
  ORG_MEASURES,
  type OrgMeasure,
  releaseRefusal,
  type TrackingPlan,
} from './admonition-workflow.js';

/**
 * The 诫勉台帐's columns, in the office's order: the export writes them, the import reads them back
 * (by header, in any order). 立项日期 is last so older sheets keep their positions; 身份证号码 is read
 * when a sheet has it (the export does not write it) to tell cadres of the same name apart.
 */
export const ADMONITION_LEDGER_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'code', header: '编号', width: 18 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'unit', header: '单位', width: 16 },
  { key: 'kind', header: '类别', width: 10 },
  { key: 'source', header: '来源', width: 10 },
  { key: 'reason', header: '诫勉事由', width: 36 },
  { key: 'talkOn', header: '谈话日期', width: 12 },
  { key: 'talkers', header: '谈话人', width: 18 },
  { key: 'place', header: '谈话地点', width: 14 },
  { key: 'trackingEndsOn', header: '跟踪考察期满', width: 12 },
  { key: 'checkIns', header: '谈心谈话', width: 10 },
  { key: 'status', header: '状态', width: 14 },
  { key: 'releasedOn', header: '解除日期', width: 12 },
  { key: 'measure', header: '组织措施', width: 12 },
  { key: 'measureOn', header: '措施日期', width: 12 },
  { key: 'note', header: '备注', width: 30 },
  { key: 'openedOn', header: '立项日期', width: 12 },
] as const;
export type AdmonitionLedgerKey = (typeof ADMONITION_LEDGER_COLUMNS)[number]['key'] | 'idNumber';
export type AdmonitionLedgerCells = Partial<Record<AdmonitionLedgerKey, unknown>>;

export const ADMONITION_LEDGER_SHEET = '诫勉台帐';
export const ID_NUMBER_HEADER = '身份证号码';

const HEADER = new Map<AdmonitionLedgerKey, string>([
  ...ADMONITION_LEDGER_COLUMNS.map((c) => [c.key, c.header] as [AdmonitionLedgerKey, string]),
  ['idNumber', ID_NUMBER_HEADER],
]);
const KEY_OF = new Map([...HEADER].map(([k, h]) => [h, k]));
export const admonitionLedgerKeyOf = (header: string): AdmonitionLedgerKey | undefined =>
  KEY_OF.get(halfWidth(header).replace(/\s+/g, ''));

/** What the row asks for, as the system stores it; the cadre is found by the caller. */
export interface AdmonitionLedgerRecord {
  code: string | null;
  name: string;
  unit: string | null;
  idNumber: string | null;
  kind: AdmonitionKind;
  source: AdmonitionSource;
  reason: string;
  openedOn: string;
  status: AdmonitionStatus;
  talkOn: string | null;
  talkers: string[];
  place: string | null;
  /** Check-ins held as the ledger says (`3/6` → 3), null when it says nothing. */
  checkInsDone: number | null;
  releasedOn: string | null;
  measure: OrgMeasure | null;
  measureOn: string | null;
  note: string | null;
}

const labelled = <T extends string>(map: Record<T, string>) =>
  new Map(Object.entries(map).map(([code, label]) => [label as string, code as T]));
const KIND_OF = labelled(ADMONITION_KINDS);
const STATUS_OF = labelled(ADMONITION_STATUSES);
const MEASURE_OF = labelled(ORG_MEASURES);

/**
 * Reads one row of a 诫勉台帐: every date written to the day and not after `today`, each label
 * against its list, and the status consistent with what the row holds (a talk for every status
 * but 待谈话, a release date only when released, a measure and its date only with 组织措施, 已谈话
 * only for a 提醒谈话). What needs the rules or the registry (talkers, the tracking's end, the
 * cadre) is checked by `checkAgainstPlan` and the caller. Problems are “列名：原因”.
 */
export function parseAdmonitionLedgerRow(
  raw: AdmonitionLedgerCells,
  today: string,
): { record: AdmonitionLedgerRecord } | { errors: string[] } {
  const errors: string[] = [];
  const fail = (key: AdmonitionLedgerKey, message: string) => {
    errors.push(`${HEADER.get(key)}：${message}`);
    return null;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: AdmonitionLedgerKey, max: number) => {
    const t = cellText(cells[key]);
    if (t.length > max) return fail(key, `不超过 ${max} 字`);
    return t || null;
  };
  const date = (key: AdmonitionLedgerKey) => {
    const p = parseRosterDate(cells[key]);
    if (p === null) return null;
    if ('error' in p) return fail(key, p.error);
    if (p.date.day === undefined) return fail(key, '应写到日，如 2025-03-15');
    const iso = isoOf(p.date);
    if (iso > today) return fail(key, `不能晚于今天（${today}）`);
    return iso;
  };
  const choice = <T extends string>(key: AdmonitionLedgerKey, map: Map<string, T>) => {
    const t = text(key, 40);
    if (!t) return null;
    return map.get(t) ?? fail(key, `“${t}”不是可选值（${[...map.keys()].join('、')}）`);
  };

  const code = text('code', 40);
  const name = text('name', 50);
  if (!cellText(cells.name) && !bad.includes('name')) fail('name', '请填写被诫勉干部的姓名');
  const idNumber = text('idNumber', 18);
  const unit = text('unit', 100);
  const kind = choice('kind', KIND_OF) ?? 'admonition';
  const sourceText = text('source', 20);
  const source = (sourceText ?? '其他') as AdmonitionSource;
  if (sourceText && !ADMONITION_SOURCES.includes(source))
    fail('source', `“${sourceText}”不是可选值（${ADMONITION_SOURCES.join('、')}）`);
  const reason = text('reason', 2000);
  if (!cellText(cells.reason) && !bad.includes('reason')) fail('reason', '请填写诫勉事由');
  const status = choice('status', STATUS_OF);
  if (!status && !cellText(cells.status) && !bad.includes('status')) fail('status', '请填写状态');
  const talkOn = date('talkOn');
  const openedOn = date('openedOn');
  const talkers = [
    ...new Set(
      (text('talkers', 200) ?? '')
        .split(/[、，,；;\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const place = text('place', 100);
  const releasedOn = date('releasedOn');
  const measure = choice('measure', MEASURE_OF);
  const measureOn = date('measureOn');
  const note = text('note', 2000);
  let checkInsDone: number | null = null;
  const checkIns = halfWidth(cellText(cells.checkIns));
  if (checkIns) {
    const m = /^(\d{1,2})\s*(?:\/\s*(\d{1,2}))?$/.exec(checkIns);
    if (!m) fail('checkIns', '应写作“已进行次数/应进行次数”，如 6/6');
    else checkInsDone = Number(m[1]);
  }

  if (status) {
    if (status === 'pending_talk') {
      if (talkOn || talkers.length || place) fail('status', '待谈话的记录不应填写谈话日期、谈话人或谈话地点');
      if (!cellText(cells.openedOn) && !bad.includes('openedOn'))
        fail('openedOn', '待谈话的记录请填写立项日期');
    } else {
      if (!cellText(cells.talkOn) && !bad.includes('talkOn'))
        fail('talkOn', `状态为“${ADMONITION_STATUSES[status]}”的须填写谈话日期`);
      if (!place && !bad.includes('place')) fail('place', '请填写谈话地点');
    }
    if (status === 'talked' && kind !== 'reminder')
      fail('status', '“已谈话”只用于提醒谈话；诫勉谈话应为跟踪考察中、已解除诫勉或已采取组织措施');
    if (kind === 'reminder' && status !== 'talked' && status !== 'pending_talk')
      fail('status', '提醒谈话没有跟踪考察，状态应为“已谈话”或“待谈话”');
    if (status === 'released') {
      if (!cellText(cells.releasedOn) && !bad.includes('releasedOn'))
        fail('releasedOn', '已解除诫勉的须填写解除日期');
    } else if (releasedOn) fail('releasedOn', `状态为“${ADMONITION_STATUSES[status]}”，不应填写解除日期`);
    if (status === 'measures') {
      if (!cellText(cells.measure) && !bad.includes('measure'))
        fail('measure', '已采取组织措施的须填写组织措施');
      if (!cellText(cells.measureOn) && !bad.includes('measureOn'))
        fail('measureOn', '已采取组织措施的须填写措施日期');
    } else if (measure || measureOn)
      fail('measure', `状态为“${ADMONITION_STATUSES[status]}”，不应填写组织措施`);
  }
  if (talkOn && openedOn && openedOn > talkOn) fail('openedOn', `不能晚于谈话日期（${talkOn}）`);
  if (talkOn && releasedOn && releasedOn < talkOn) fail('releasedOn', `不能早于谈话日期（${talkOn}）`);
  if (talkOn && measureOn && measureOn < talkOn) fail('measureOn', `不能早于谈话日期（${talkOn}）`);
  if (errors.length || !status || !name || !reason) return { errors };
  return {
    record: {
      code,
      name,
      unit,
      idNumber,
      kind,
      source,
      reason,
      openedOn: (openedOn ?? talkOn) as string,
      status,
      talkOn,
      talkers,
      place,
      checkInsDone,
      releasedOn,
      measure,
      measureOn,
      note,
    },
  };
}

/**
 * The row against its tracking plan (the rules on the talk's day): the talkers the rule asks for,
 * a release only after the tracking's end with every check-in held, and no more check-ins than the
 * plan has. Returns the check-ins held to store (a release holds them all), or the problems.
 */
export function checkAgainstPlan(
  r: AdmonitionLedgerRecord,
  plan: TrackingPlan | null,
  minTalkers: { value: number; name: string },
): { checkInsDone: number } | { errors: string[] } {
  const errors: string[] = [];
  if (r.talkOn && r.talkers.length < minTalkers.value)
    errors.push(`谈话人：不少于 ${minTalkers.value} 名（${minTalkers.name}），现有 ${r.talkers.length} 名`);
  const planned = plan?.checkIns.length ?? 0;
  const done = r.checkInsDone ?? (r.status === 'released' ? planned : 0);
  if (done > planned) errors.push(`谈心谈话：按谈话日期的规则应进行 ${planned} 次，台帐记 ${done} 次`);
  if (plan && r.status === 'released' && r.releasedOn) {
    const refusal = releaseRefusal(plan, done, r.releasedOn);
    if (refusal) errors.push(`解除日期：${refusal}`);
  }
  return errors.length ? { errors } : { checkInsDone: done };
}
