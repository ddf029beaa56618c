import { birthDateAgainstId } from './birth-date.js';
import { type DateParse, isoOf, parseRosterDate, type RosterDate } from './roster-date.js';
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

/**
 * How offices write a post's level besides the dictionary's labels (正科、副科 …): 正科级, 乡科级正职,
 * 村干部 …. An alias counts only when its code is an enabled item of the dictionary.
 */
const LEVEL_ALIASES: Record<string, string> = {
  正科级: 'zhengke',
  正科级领导职务: 'zhengke',
  正科级领导: 'zhengke',
  乡科级正职: 'zhengke',
  乡镇正职: 'zhengke',
  副科级: 'fuke',
  副科级领导职务: 'fuke',
  副科级领导: 'fuke',
  乡科级副职: 'fuke',
  乡镇副职: 'fuke',
  中层正职干部: 'middle_principal',
  中层副职干部: 'middle_deputy',
  村干部: 'village',
  社区干部: 'village',
  村社区干部: 'village',
  '村(社区)': 'village',
  村组干部: 'group',
  组干部: 'group',
  村民小组长: 'group',
};

/** The position_level dictionary, reading the aliases offices use too. */
export function levelChoices(items: { code: string; label: string }[]): Choices {
  const base = choices(items);
  const codes = new Set(items.map((i) => i.code));
  return {
    labels: base.labels,
    code: (text) => {
      const exact = base.code(text);
      if (exact) return exact;
      const alias = LEVEL_ALIASES[choiceKey(text)];
      return alias && codes.has(alias) ? alias : undefined;
    },
  };
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
  /**
   * The post as the row gives it, for updating a registered cadre: null where a cell is blank (a
   * blank cell changes nothing). Null when the row names no post.
   */
  post: RosterPost | null;
  errors: RosterError[];
}

export interface RosterPost {
  title: string;
  level: string | null;
  isPrincipal: boolean | null;
  startDate: string | null;
}

export interface RosterRowOptions {
  /** Updating registered cadres: a level or 正职 may be given for a post they already hold, without its date. */
  update?: boolean;
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
export function parseRosterRow(
  raw: RosterCells,
  lookups: RosterLookups,
  options: RosterRowOptions = {},
): RosterRow {
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
  if (born && born.month === undefined) fail('birthDate', '应至少精确到月，如 1990.01');
  else if (born) {
    // to the month: the ID number's day; a contradiction names both dates
    const read = birthDateAgainstId(isoOf(born), fields.idNumber as string | null | undefined);
    if ('error' in read) fail('birthDate', read.error);
    else fields.birthDate = read.birthDate;
  } else fields.birthDate = born;

  const org = lookups.org(text('org'));
  if ('id' in org) fields.orgId = org.id;
  else fail('org', org.error);

  return { fields, ...postOf(text, full, choice, lookups, fail, options), errors };
}

/** 一级主任科员、四级调研员 …: a civil servant's rank (职级 since 2019), which says nothing of the post. */
const CIVIL_SERVICE_RANK = /[一二三四]级(主任科员|科员|调研员|巡视员)|办事员|^(主任)?科员$/;

function postOf(
  text: (k: RosterKey) => string,
  full: (k: RosterKey) => string | null | undefined,
  choice: (k: RosterKey, c: Choices) => string | null | undefined,
  lookups: RosterLookups,
  fail: (k: RosterKey, m: string) => undefined,
  options: RosterRowOptions,
): Pick<RosterRow, 'tenure' | 'post'> {
  const none = { tenure: null, post: null };
  const title = text('currentPosition');
  const startDate = full('tenureStart');
  const levelText = text('level');
  const level =
    levelText && !lookups.level.code(levelText) && CIVIL_SERVICE_RANK.test(levelText)
      ? fail(
          'level',
          `“${levelText}”是公务员职级，不是职务层次；请填写职务层次（可选：${lookups.level.labels.join('、')}）`,
        )
      : choice('level', lookups.level);
  const principal = text('isPrincipal');
  const isPrincipal =
    principal === '是' || principal === '否' || principal === '' ? principal === '是' : null;
  if (isPrincipal === null) fail('isPrincipal', '只能填“是”或“否”');
  if (startDate && !title) {
    fail('currentPosition', '填写了任现职时间，请同时填写现任职务');
    return none;
  }
  if (options.update) {
    if (!title) {
      if (level || principal) fail('currentPosition', '填写了职务层次或正职，请同时填写现任职务');
      return none;
    }
    const post = {
      title,
      level: level ?? null,
      isPrincipal: principal ? isPrincipal : null,
      startDate: startDate ?? null,
    };
    return {
      post,
      tenure: startDate ? { title, level: level ?? null, isPrincipal: !!isPrincipal, startDate } : null,
    };
  }
  if ((level || isPrincipal) && startDate === null) {
    fail('tenureStart', '填写了职务层次或正职，请同时填写任现职时间');
    return none;
  }
  if (!title || !startDate) return none;
  const tenure = { title, level: level ?? null, isPrincipal: !!isPrincipal, startDate };
  return { tenure, post: { ...tenure, isPrincipal: principal ? !!isPrincipal : null } };
}
