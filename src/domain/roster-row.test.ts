import { describe, expect, it } from 'vitest';
import { idCheckChar } from './id-number.js';
import { birthText, dottedDate, dottedMonthDate, isoOf, parseRosterDate } from './roster-date.js';
import { orgLabels, orgResolver } from './roster-org.js';
import { choices, isBlankRow, levelChoices, parseRosterRow, type RosterLookups } from './roster-row.js';

const iso = (cell: unknown) => {
  const p = parseRosterDate(cell);
  return p && ('error' in p ? `! ${p.error}` : isoOf(p.date));
};

describe('roster dates', () => {
  it.each([
    ['1990.01', '1990-01'],
    ['1990.1', '1990-01'],
    ['1990-01', '1990-01'],
    ['1990/1/5', '1990-01-05'],
    ['1990年1月', '1990-01'],
    ['1990年01月15日', '1990-01-15'],
    ['19900115', '1990-01-15'],
    ['199001', '1990-01'],
    ['1990', '1990'],
    ['1990年', '1990'],
    ['1990-01-15', '1990-01-15'],
    ['1990.01.15', '1990-01-15'],
    ['1990-01-15 00:00:00', '1990-01-15'],
    ['１９９０．０１', '1990-01'],
    [' 1990.01. ', '1990-01'],
  ])('reads the text %s', (cell, want) => expect(iso(cell)).toBe(want));

  it('reads real spreadsheet dates, serials and numbers typed as 1990.01', () => {
    expect(iso(new Date(Date.UTC(1990, 0, 15)))).toBe('1990-01-15');
    expect(iso(32888)).toBe('1990-01-15');
    expect(iso(19900115)).toBe('1990-01-15');
    expect(iso(199001)).toBe('1990-01');
    expect(iso(1990.01)).toBe('1990-01');
    expect(iso(1990.1)).toBe('1990-10'); // 1990.10 typed into a General cell
    expect(iso(1990.12)).toBe('1990-12');
    expect(iso({ formula: 'A1', result: '1990.05' })).toBe('1990-05');
  });

  it('says what is wrong with impossible or unreadable dates, and blank is nothing', () => {
    expect(iso('1990.13')).toBe('! 月份不正确');
    expect(iso('1990-02-30')).toBe('! 日期不存在');
    expect(iso('1850.01')).toBe('! 年份不正确');
    expect(iso('去年')).toMatch(/^! 日期格式不正确/);
    expect(iso(1990.011)).toMatch(/^! 日期格式不正确/);
    expect(iso('')).toBeNull();
    expect(iso(null)).toBeNull();
  });

  it('writes stored dates the roster way', () => {
    expect(dottedDate('1990-01')).toBe('1990.01');
    expect(dottedDate('1990-01-15')).toBe('1990.01.15');
    expect(dottedMonthDate('1990-01-01')).toBe('1990.01');
    expect(dottedMonthDate('1990-01-15')).toBe('1990.01.15');
    expect(dottedMonthDate(null)).toBe('');
  });

  it('writes 出生年月 to the month only when the ID number gives back the day', () => {
    const id17 = '11010119900115123';
    const id = id17 + idCheckChar(id17);
    expect(birthText('1990-01-15', id)).toBe('1990.01');
    expect(birthText('1990-01-20', id)).toBe('1990.01.20');
    expect(birthText('1990-01-01', null)).toBe('1990.01');
    expect(birthText('1990-01-15', null)).toBe('1990.01.15');
    expect(birthText(null, id)).toBe('');
  });
});

const ORGS = [
  { id: 1, names: ['新城区', '大兴镇'] },
  { id: 2, names: ['新城区', '大兴镇', '党政办'] },
  { id: 3, names: ['新城区', '长安镇'] },
  { id: 4, names: ['新城区', '长安镇', '党政办'] },
  { id: 5, names: ['新城区', '长安镇', '红星村'] },
];

describe('roster units', () => {
  const find = orgResolver(ORGS);
  it('finds a unit by its name, or by a tail of its path when the name is shared', () => {
    expect(find('红星村')).toEqual({ id: 5 });
    expect(find('大兴镇/党政办')).toEqual({ id: 2 });
    expect(find(' 新城区 / 长安镇 / 党政办 ')).toEqual({ id: 4 });
  });
  it('refuses an unknown unit and asks for the path of an ambiguous one', () => {
    expect(find('幸福村')).toEqual({ error: '“幸福村”不存在或不在您的管理范围内' });
    expect(find('党政办')).toEqual({
      error: '“党政办”有 2 个同名单位，请填写完整路径，如 “大兴镇/党政办”、“长安镇/党政办”',
    });
    expect(find('')).toEqual({ error: '请填写所在单位' });
  });
  it('labels each unit so that the resolver reads it back', () => {
    const labels = orgLabels(ORGS);
    expect(labels.get(2)).toBe('大兴镇/党政办');
    expect(labels.get(5)).toBe('红星村');
    for (const o of ORGS) expect(find(labels.get(o.id)!)).toEqual({ id: o.id });
  });
});

const id17 = '11010119900115123';
const ID = id17 + idCheckChar(id17);
const lookups: RosterLookups = {
  org: orgResolver(ORGS),
  education: choices([{ code: 'bachelor', label: '大学本科' }]),
  politicalStatus: choices([{ code: 'cpc', label: '中共党员' }]),
  level: levelChoices([
    { code: 'fuke', label: '副科' },
    { code: 'village', label: '村（社区）干部' },
  ]),
  status: choices([
    { code: 'active', label: '在职' },
    { code: 'retired', label: '退休' },
  ]),
};

describe('roster rows', () => {
  it('turns a full row into cadre fields and an open post', () => {
    const row = parseRosterRow(
      {
        seq: 1,
        name: ' 张三 ',
        gender: '男',
        birthDate: '1990.01',
        idNumber: `${ID.slice(0, 17)}${ID[17].toLowerCase()}`,
        politicalStatus: '中共党员',
        partyJoinDate: 2012.07,
        workStartDate: new Date(Date.UTC(2012, 7, 1)),
        education: '大学本科',
        org: '红星村',
        currentPosition: '党支部书记',
        level: '村(社区)干部',
        isPrincipal: '是',
        tenureStart: '2021年3月',
        phone: 13800138000,
        status: '退休',
        note: '  ',
      },
      lookups,
    );
    expect(row.errors).toEqual([]);
    expect(row.fields).toMatchObject({
      name: '张三',
      gender: '男',
      birthDate: '1990-01-15', // the day from the ID number, which agrees on the month
      politicalStatus: 'cpc',
      partyJoinDate: '2012-07',
      workStartDate: '2012-08-01',
      education: 'bachelor',
      orgId: 5,
      phone: '13800138000',
      status: 'retired',
      note: null,
      ethnicity: null,
    });
    expect(row.tenure).toEqual({
      title: '党支部书记',
      level: 'village',
      isPrincipal: true,
      startDate: '2021-03-01',
    });
  });

  it('refuses a birth date that contradicts the ID number, naming both, and no post without its date', () => {
    const row = parseRosterRow(
      { name: '李四', birthDate: '1991.02', idNumber: ID, org: '红星村', currentPosition: '委员' },
      lookups,
    );
    expect(row.errors).toEqual([
      { key: 'birthDate', message: '出生日期 1991-02 与身份证号码中的 1990-01-15 不一致' },
    ]);
    expect(row.fields.status).toBeUndefined(); // the contract's default: 在职
    expect(row.tenure).toBeNull();
  });

  it('checks a date cell to the day against the ID number', () => {
    const cell = (d: string) =>
      parseRosterRow(
        { name: '李四', birthDate: new Date(`${d}T00:00:00Z`), idNumber: ID, org: '红星村' },
        lookups,
      );
    expect(cell('1990-03-15').errors).toEqual([
      { key: 'birthDate', message: '出生日期 1990-03-15 与身份证号码中的 1990-01-15 不一致' },
    ]);
    expect(cell('1990-01-15').fields.birthDate).toBe('1990-01-15');
    // no ID number: the date as written
    const alone = parseRosterRow(
      { name: '李四', birthDate: new Date('1990-03-15T00:00:00Z'), org: '红星村' },
      lookups,
    );
    expect(alone.fields.birthDate).toBe('1990-03-15');
  });

  it('reads the level offices write (正科级, 村干部) and explains a civil-service rank', () => {
    const lv = (level: string) =>
      parseRosterRow(
        { name: '周八', org: '红星村', currentPosition: '副镇长', level, tenureStart: '2020.01' },
        lookups,
      );
    expect(lv('副科级').tenure?.level).toBe('fuke');
    expect(lv('村干部').tenure?.level).toBe('village');
    expect(lv('正科级').errors).toEqual([
      { key: 'level', message: '“正科级”不是可选的值（可选：副科、村（社区）干部）' },
    ]);
    expect(lv('四级主任科员').errors).toEqual([
      {
        key: 'level',
        message: '“四级主任科员”是公务员职级，不是职务层次；请填写职务层次（可选：副科、村（社区）干部）',
      },
    ]);
  });

  it('when updating, takes a level for a post without its date, and leaves blank cells unsaid', () => {
    const row = parseRosterRow(
      { name: '周八', org: '红星村', currentPosition: '副镇长', level: '副科' },
      lookups,
      { update: true },
    );
    expect(row.errors).toEqual([]);
    expect(row.post).toEqual({ title: '副镇长', level: 'fuke', isPrincipal: null, startDate: null });
    expect(row.tenure).toBeNull();
    const create = parseRosterRow(
      { name: '周八', org: '红星村', currentPosition: '副镇长', level: '副科' },
      lookups,
    );
    expect(create.errors.map((e) => e.key)).toEqual(['tenureStart']);
    const noTitle = parseRosterRow({ name: '周八', org: '红星村', level: '副科' }, lookups, { update: true });
    expect(noTitle.errors).toEqual([
      { key: 'currentPosition', message: '填写了职务层次或正职，请同时填写现任职务' },
    ]);
  });

  it('reports every unreadable column of a row', () => {
    const row = parseRosterRow(
      {
        name: '王五',
        idNumber: 110101199001151230,
        birthDate: '1990',
        education: '硕士',
        org: '党政办',
        isPrincipal: '正',
        level: '副科',
        partyJoinDate: '1990.13',
      },
      lookups,
    );
    expect(row.errors.map((e) => e.key).sort()).toEqual(
      ['birthDate', 'education', 'idNumber', 'isPrincipal', 'org', 'partyJoinDate', 'tenureStart'].sort(),
    );
    expect(row.errors.find((e) => e.key === 'education')?.message).toBe(
      '“硕士”不是可选的值（可选：大学本科）',
    );
    expect(row.errors.find((e) => e.key === 'idNumber')?.message).toMatch(/存成了数字/);
  });

  it('asks for the full number when an export with masked ID numbers comes back', () => {
    const row = parseRosterRow({ name: '钱七', org: '红星村', idNumber: '110101********1234' }, lookups);
    expect(row.errors).toEqual([
      { key: 'idNumber', message: '部分数字已隐去（导出时未显示完整号码），请填写完整号码' },
    ]);
  });

  it('asks for the post when only its start date is given', () => {
    const row = parseRosterRow({ name: '赵六', org: '红星村', tenureStart: '2020.01' }, lookups);
    expect(row.errors).toEqual([{ key: 'currentPosition', message: '填写了任现职时间，请同时填写现任职务' }]);
  });

  it('treats a row with nothing but its number as blank', () => {
    expect(isBlankRow({ seq: 7, name: ' ', org: null })).toBe(true);
    expect(isBlankRow({ seq: 7, note: 'x' })).toBe(false);
  });
});
