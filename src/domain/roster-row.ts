import { birthDateOf, type DateParse, isoOf, parseRosterDate, type RosterDate } from './roster-date.js';
import type { OrgLookup } from './roster-org.js';
import { cellText, cellValue } from './sheet-cell.js';
import { storableCells, UNSTORABLE_CELL_MESSAGE } from './storable-text.js';

/** The columns of the 花名册, in order. Keys that are cadre fields carry the field's name. */
export const ROSTER_KEYS = [
  'seq',
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'nativePlace',
  'politicalStatus',
  'partyJoinDate',
  'workStartDate',
  'fullTimeEducation',
  'fullTimeDegree',
  'fullTimeSchool',
  'partTimeEducation',
  'partTimeDegree',
  'partTimeSchool',
  'education',
  'org',
  'currentPosition',
  'level',
  'isPrincipal',
  'tenureStart',
  'phone',
  'status',
  'note',
] as const;
export type RosterKey = (typeof ROSTER_KEYS)[number];
export type RosterCells = Partial<Record<RosterKey, unknown>>;

/** A closed list of labels (a dictionary, 是/否, the statuses) and the codes they stand for. */
export interface Choices {
  labels: string[];
  code(text: string): string | undefined;
}
const choiceKey = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
export function choices(items: { code: string; label: string }[]): Choices {
  const map = new Map(items.map((i) => [choiceKey(i.label), i.code]));
  return { labels: items.map((i) => i.label), code: (text) => map.get(choiceKey(text)) };
}

export interface RosterLookups {
  org(text: string): OrgLookup;
  education: Choices;
  politicalStatus: Choices;
  level: Choices;
  status: Choices;
}

export interface RosterError {
  key: RosterKey;
  message: string;
}

export interface RosterRow {
  /** The cadre's fields, still to be validated by the cadre contract. */
  fields: Record<string, unknown>;
  /** The open post when the row gives 现任职务 and 任现职时间. */
  tenure: { title: string; level: string | null; isPrincipal: boolean; startDate: string } | null;
  errors: RosterError[];
}

export const isBlankRow = (cells: RosterCells) =>
  ROSTER_KEYS.every((k) => k === 'seq' || cellText(cells[k]) === '');

const TEXT_KEYS = [
  'name',
  'ethnicity',
  'nativePlace',
  'fullTimeEducation',
  'fullTimeDegree',
  'fullTimeSchool',
  'partTimeEducation',
  'partTimeDegree',
  'partTimeSchool',
  'currentPosition',
  'phone',
  'note',
] as const;

/**
 * Turns one sheet row into a cadre's fields and open post: dates normalised to the stored shapes,
 * labels to dictionary codes, the unit to an org id. What cannot be read is reported per column.
 */
export function parseRosterRow(raw: RosterCells, lookups: RosterLookups): RosterRow {
  const errors: RosterError[] = [];
  const fail = (key: RosterKey, message: string) => {
    errors.push({ key, message });
    return undefined;
  };
  const { cells, bad } = storableCells(raw);
  for (const key of bad) fail(key, UNSTORABLE_CELL_MESSAGE);
  const text = (key: RosterKey) => cellText(cells[key]);
  const fields: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) fields[k] = text(k) || null;
  fields.name = text('name');
  fields.gender = text('gender').replace(/性$/, '') || null;

  const choice = (key: RosterKey, list: Choices) => {
    const t = text(key);
    if (!t) return null;
    return list.code(t) ?? fail(key, `“${t}”不是可选的值（可选：${list.labels.join('、')}）`);
  };
  fields.education = choice('education', lookups.education);
  fields.politicalStatus = choice('politicalStatus', lookups.politicalStatus);
  fields.status = choice('status', lookups.status) ?? undefined;

  const id = cellValue(cells.idNumber);
  if (typeof id === 'number')
    fail('idNumber', '被 Excel 存成了数字，末几位已丢失；请将该列设为文本格式后重新填写');
  else if (text('idNumber').includes('*'))
    fail('idNumber', '部分数字已隐去（导出时未显示完整号码），请填写完整号码');
  else fields.idNumber = text('idNumber') || null;

  const date = (key: RosterKey): RosterDate | null | undefined => {
    const p: DateParse = parseRosterDate(cells[key]);
    if (p === null) return null;
    return 'error' in p ? fail(key, p.error) : p.date;
  };
  const partial = (key: RosterKey) => {
    const d = date(key);
    return d ? isoOf(d) : d;
  };
  const fullOf = (key: RosterKey, d: RosterDate | null | undefined) => {
    if (!d) return d;
    if (d.month === undefined) return fail(key, '应至少精确到月，如 1990.01');
    return isoOf({ day: 1, ...d });
  };
  const full = (key: RosterKey) => fullOf(key, date(key));
  fields.partyJoinDate = partial('partyJoinDate');
  fields.workStartDate = partial('workStartDate');
  const born = date('birthDate');
  fields.birthDate = birthDateOf(fullOf('birthDate', born), born?.day === undefined, fields.idNumber);

  const org = lookups.org(text('org'));
  if ('id' in org) fields.orgId = org.id;
  else fail('org', org.error);

  return { fields, tenure: tenureOf(text, full, choice, lookups, fail), errors };
}

function tenureOf(
  text: (k: RosterKey) => string,
  full: (k: RosterKey) => string | null | undefined,
  choice: (k: RosterKey, c: Choices) => string | null | undefined,
  lookups: RosterLookups,
  fail: (k: RosterKey, m: string) => undefined,
): RosterRow['tenure'] {
  const title = text('currentPosition');
  const startDate = full('tenureStart');
  const level = choice('level', lookups.level);
  const principal = text('isPrincipal');
  const isPrincipal =
    principal === '是' || principal === '否' || principal === '' ? principal === '是' : null;
  if (isPrincipal === null) fail('isPrincipal', '只能填“是”或“否”');
  if (startDate && !title) return fail('currentPosition', '填写了任现职时间，请同时填写现任职务') ?? null;
  if ((level || isPrincipal) && startDate === null) {
    return fail('tenureStart', '填写了职务层次或正职，请同时填写任现职时间') ?? null;
  }
  if (!title || !startDate) return null;
  return { title, level: level ?? null, isPrincipal: !!isPrincipal, startDate };
}
