import { describe, expect, it } from 'vitest';
import {
  currentPostParts,
  matchCurrentPosts,
  parseResume,
  type RegistryPosition,
  resumeKind,
  resumeTenures,
} from './resume.js';

const brief = (text: string) =>
  parseResume(text).entries.map((e) => [e.start, e.end, e.text, e.kind] as const);

describe('résumé lines', () => {
  it('reads the usual 简历 of a township cadre', () => {
    const text = [
      '1987.09--1991.07  浙江农业大学农学专业学习',
      '1991.07--1995.03  大兴镇农业技术推广站技术员',
      '1995.03--2001.12  大兴镇农业办公室副主任、主任',
      '2001.12--2015.03  大兴镇党委委员、副镇长',
      '2015.03--         大兴镇党委副书记、镇长',
    ].join('\n');
    expect(brief(text)).toEqual([
      ['1987-09', '1991-07', '浙江农业大学农学专业学习', 'study'],
      ['1991-07', '1995-03', '大兴镇农业技术推广站技术员', 'post'],
      ['1995-03', '2001-12', '大兴镇农业办公室副主任、主任', 'post'],
      ['2001-12', '2015-03', '大兴镇党委委员、副镇长', 'post'],
      ['2015-03', null, '大兴镇党委副书记、镇长', 'post'],
    ]);
    expect(parseResume(text).unparsed).toEqual([]);
  });

  it.each([
    ['2015.03—至今  大兴镇财政所所长', '2015-03', null],
    ['2015.03——至今 大兴镇财政所所长', '2015-03', null],
    ['2015.03至今 大兴镇财政所所长', '2015-03', null],
    ['2015.03-今 大兴镇财政所所长', '2015-03', null],
    ['2003.07-2008.12 大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003.7-2008.12大兴镇财政所所长', '2003-07', '2008-12'],
    ['２００３．０７－－２００８．１２　大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003.07～2008.12 大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003年7月至2008年12月  大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003年07月—2008年12月，大兴镇财政所所长', '2003-07', '2008-12'],
    ['200307--200812 大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003-07--2008-12 大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003/07-2008/12 大兴镇财政所所长', '2003-07', '2008-12'],
    ['2003.07–2008.12：大兴镇财政所所长', '2003-07', '2008-12'],
  ])('reads %s', (line, start, end) => {
    expect(brief(line)).toEqual([[start, end, '大兴镇财政所所长', 'post']]);
  });

  it('joins wrapped lines to the entry above, and reads 其间 asides as entries of their own', () => {
    const text = [
      '  2010.09--2013.07  浙江经济职业技术学院会计专业学习   ',
      '',
      '  2013.07--2019.03  大兴镇财政所科员',
      '      (其间：2015.09--2018.07 在浙江广播电视大学会计学专业学习)',
      '2019.03--2023.06  大兴镇党政办副主任、综治办',
      '                  主任（兼）',
      '    （其间：2020.03—2021.03 挂职任新城区发展改革局',
      '    副局长）',
      '2023.06--          大兴镇财政所副所长',
    ].join('\n');
    const { entries, unparsed } = parseResume(text);
    expect(unparsed).toEqual([]);
    expect(entries.map((e) => [e.line, e.start, e.end, e.text, e.kind, e.aside])).toEqual([
      [1, '2010-09', '2013-07', '浙江经济职业技术学院会计专业学习', 'study', false],
      [2, '2013-07', '2019-03', '大兴镇财政所科员', 'post', false],
      [3, '2015-09', '2018-07', '在浙江广播电视大学会计学专业学习', 'study', true],
      [4, '2019-03', '2023-06', '大兴镇党政办副主任、综治办主任（兼）', 'post', false],
      [6, '2020-03', '2021-03', '挂职任新城区发展改革局副局长', 'post', true],
      [8, '2023-06', null, '大兴镇财政所副所长', 'post', false],
    ]);
  });

  it('lists the lines it cannot read, with the reason, and keeps reading after them', () => {
    const text = [
      '说明：以下为本人简历',
      '1990.09--1993.07 新城区第一中学读书',
      '1993.13--1997.07 浙江大学法律系学习',
      '1997.07 参加工作',
      '1997.07--1995.03 大兴镇司法所科员',
      '2001.03--2005.06',
      '19xx.01--2001.01 某单位',
      '2005.06-- 大兴镇司法所所长',
    ].join('\n');
    const { entries, unparsed } = parseResume(text);
    expect(entries.map((e) => [e.line, e.text])).toEqual([
      [2, '新城区第一中学读书'],
      [8, '大兴镇司法所所长'],
    ]);
    expect(unparsed).toEqual([
      { line: 1, text: '说明：以下为本人简历', reason: '没有起止时间' },
      { line: 3, text: '1993.13--1997.07 浙江大学法律系学习', reason: '月份不正确' },
      { line: 4, text: '1997.07 参加工作', reason: '只有一个时间，应写明起止时间，如 1990.01--1995.03' },
      { line: 5, text: '1997.07--1995.03 大兴镇司法所科员', reason: '结束时间早于起始时间' },
      { line: 6, text: '2001.03--2005.06', reason: '只有时间，没有任职或学习内容' },
      { line: 7, text: '19xx.01--2001.01 某单位', reason: '起始时间无法识别，应如 1990.01' },
    ]);
  });

  it('puts a wrapped line under the unreadable line it continues', () => {
    const { unparsed, entries } = parseResume(
      '1993.13--1997.07 浙江大学法律系\n学习\n1997.07--2001.01 大兴镇科员',
    );
    expect(unparsed).toEqual([
      { line: 1, text: '1993.13--1997.07 浙江大学法律系学习', reason: '月份不正确' },
    ]);
    expect(entries).toHaveLength(1);
  });

  it('tells study from posts', () => {
    for (const s of [
      'XX大学XX专业学习',
      '在省委党校在职研究生班就读',
      '新城区第一中学读书',
      '在中央党校进修',
      '浙江大学经济学专业毕业',
      '浙江大学学生',
      '参加省委组织部中青年干部培训',
      '攻读浙江大学公共管理硕士学位',
    ])
      expect(resumeKind(s), s).toBe('study');
    for (const s of [
      '大兴镇党委副书记、镇长',
      '新城区职业技能培训中心主任',
      '新城区第一中学教师',
      '大兴镇中心学校校长',
      '大兴镇财政所科员',
      '待业',
    ])
      expect(resumeKind(s), s).toBe('post');
  });

  it('reads nothing from an empty résumé', () => {
    expect(parseResume('')).toEqual({ entries: [], unparsed: [] });
    expect(parseResume(null)).toEqual({ entries: [], unparsed: [] });
  });
});

describe('现任职务 against the registry', () => {
  const positions: RegistryPosition[] = [
    { id: 1, title: '党委书记', level: 'zhengke', isPrincipal: true },
    { id: 2, title: '党委副书记', level: 'zhengke', isPrincipal: false },
    { id: 3, title: '镇长', level: 'zhengke', isPrincipal: true },
    { id: 4, title: '副镇长', level: 'fuke', isPrincipal: false },
  ];
  const orgNames = ['新城区', '大兴镇'];

  it('splits 现任职务 into posts without the org names', () => {
    expect(currentPostParts('大兴镇党委副书记、镇长', orgNames)).toEqual(['党委副书记', '镇长']);
    expect(currentPostParts('新城区大兴镇党委委员，副镇长', orgNames)).toEqual(['党委委员', '副镇长']);
    expect(currentPostParts('大兴镇党委副书记兼纪委书记', orgNames)).toEqual(['党委副书记', '纪委书记']);
    expect(currentPostParts('现任大兴镇镇长', orgNames)).toEqual(['镇长']);
    expect(currentPostParts(' ', orgNames)).toEqual([]);
  });

  it('finds each post and its start in the open résumé line', () => {
    const { entries } = parseResume(
      '2001.12--2015.03  大兴镇党委委员、副镇长\n2015.03--  大兴镇党委副书记、镇长',
    );
    const { matches, unmatched } = matchCurrentPosts('大兴镇党委副书记、镇长', positions, orgNames, entries);
    expect(unmatched).toEqual([]);
    expect(matches.map((m) => [m.part, m.position.id, m.start, m.entry])).toEqual([
      ['党委副书记', 2, '2015-03', 1],
      ['镇长', 3, '2015-03', 1],
    ]);
    expect(resumeTenures(entries, matches, true)).toEqual([
      {
        positionId: 2,
        title: '党委副书记',
        level: 'zhengke',
        isPrincipal: false,
        startDate: '2015-03-01',
        endDate: null,
      },
      {
        positionId: 3,
        title: '镇长',
        level: 'zhengke',
        isPrincipal: true,
        startDate: '2015-03-01',
        endDate: null,
      },
      {
        positionId: null,
        title: '大兴镇党委委员、副镇长',
        level: null,
        isPrincipal: false,
        startDate: '2001-12-01',
        endDate: '2015-03-01',
      },
    ]);
  });

  it('keeps the open line as written beside the matched post when 现任职务 names a post the registry lacks', () => {
    const { entries } = parseResume('1991.07--1995.03  某大学学习\n2015.03--  大兴镇党委委员、副镇长');
    const { matches, unmatched } = matchCurrentPosts('大兴镇党委委员、副镇长', positions, orgNames, entries);
    expect(unmatched).toEqual(['党委委员']);
    expect(matches.map((m) => [m.position.id, m.start])).toEqual([[4, '2015-03']]);
    expect(resumeTenures(entries, matches, false).map((t) => [t.positionId, t.title, t.endDate])).toEqual([
      [4, '副镇长', null],
      [null, '大兴镇党委委员、副镇长', null],
    ]);
  });

  it('takes the latest open post when no open line names the post, and no start without one', () => {
    const open = parseResume('2018.06--  大兴镇主要负责人').entries;
    expect(matchCurrentPosts('镇长', positions, orgNames, open).matches[0].start).toBe('2018-06');
    const closed = parseResume('2018.06--2020.01  大兴镇镇长').entries;
    const { matches } = matchCurrentPosts('镇长', positions, orgNames, closed);
    expect(matches[0]).toMatchObject({ start: null, entry: null });
    expect(resumeTenures(closed, matches, true).map((t) => t.positionId)).toEqual([null]);
  });

  it('matches nothing when there is no 现任职务 or no such post', () => {
    expect(matchCurrentPosts(null, positions, orgNames, [])).toEqual({ matches: [], unmatched: [] });
    expect(matchCurrentPosts('大兴镇财政所所长', positions, orgNames, [])).toEqual({
      matches: [],
      unmatched: ['财政所所长'],
    });
  });
});
