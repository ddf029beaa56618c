import { describe, expect, it } from 'vitest';
import {
  addCount,
  ageBand,
  ageBandOfYears,
  distributions,
  distributionsOf,
  emptyCounts,
  headline,
  headlineOf,
  postBand,
  postBandOfYears,
  type StructureCadre,
  wholeYears,
} from './structure.js';

const c = (over: Partial<StructureCadre>): StructureCadre => ({
  gender: '男',
  birthDate: '1980-06-15',
  education: 'bachelor',
  ethnicity: '汉族',
  politicalStatus: 'cpc',
  postSince: '2020-01-01',
  ...over,
});

describe('quality structure', () => {
  it('counts whole years to the day', () => {
    expect(wholeYears('1990-06-15', '2025-06-14')).toBe(34);
    expect(wholeYears('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageBand('1990-06-15', '2025-12-31')).toBe('35岁及以下');
    expect(ageBand('1989-06-15', '2025-12-31')).toBe('36至45岁');
    expect(ageBand(null, '2025-12-31')).toBe('未填写');
    expect(postBand('2023-01-02', '2025-12-31')).toBe('不满3年');
    expect(postBand('2015-12-31', '2025-12-31')).toBe('10年及以上');
  });
  it('gives each dimension its groups with shares, bands in order', () => {
    const list = [
      c({}),
      c({ birthDate: '1995-01-01', gender: '女', education: 'college' }),
      c({ birthDate: '1960-01-01', education: 'high_school', politicalStatus: 'none' }),
      c({ birthDate: null, ethnicity: null }),
    ];
    const d = distributions(list, '2025-12-31');
    expect(d.find((x) => x.dimension === 'age')!.groups.map((g) => [g.key, g.count])).toEqual([
      ['35岁及以下', 1],
      ['36至45岁', 1],
      ['56岁及以上', 1],
      ['未填写', 1],
    ]);
    expect(d.find((x) => x.dimension === 'gender')!.groups).toEqual([
      { key: '男', count: 3, share: 75 },
      { key: '女', count: 1, share: 25 },
    ]);
    expect(headline(list, '2025-12-31')).toEqual({
      total: 4,
      young: 25,
      collegeOrAbove: 75,
      female: 25,
      partyMember: 75,
    });
  });
  it('bands whole years the same way when the database counted them', () => {
    expect([35, 36, 45, 46, 55, 56, null].map(ageBandOfYears)).toEqual([
      '35岁及以下',
      '36至45岁',
      '36至45岁',
      '46至55岁',
      '46至55岁',
      '56岁及以上',
      '未填写',
    ]);
    expect([2, 3, 4, 5, 9, 10].map(postBandOfYears)).toEqual([
      '不满3年',
      '3至5年',
      '3至5年',
      '5至10年',
      '5至10年',
      '10年及以上',
    ]);
    const counts = emptyCounts();
    addCount(counts, 'age', ageBandOfYears(56), 1);
    addCount(counts, 'age', ageBandOfYears(30), 2);
    addCount(counts, 'age', ageBandOfYears(31), 1);
    addCount(counts, 'education', 'college', 1);
    addCount(counts, 'education', 'bachelor', 3);
    const d = distributionsOf(counts, 4);
    expect(d.find((x) => x.dimension === 'age')!.groups).toEqual([
      { key: '35岁及以下', count: 3, share: 75 },
      { key: '56岁及以上', count: 1, share: 25 },
    ]);
    expect(d.find((x) => x.dimension === 'education')!.groups.map((g) => g.key)).toEqual([
      'bachelor',
      'college',
    ]);
    expect(headlineOf({ total: 3, young: 1, college: 2, female: 0, party: 3 })).toEqual({
      total: 3,
      young: 33.33,
      collegeOrAbove: 66.67,
      female: 0,
      partyMember: 100,
    });
    expect(headlineOf({ total: 0, young: 0, college: 0, female: 0, party: 0 }).young).toBe(0);
  });
});
