import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_FIGURES } from '../../src/domain/petition-figures.js';
import { call, type Session } from '../support/factories.js';
import { seedDaxing, statsWorld } from '../support/petition-stats-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof statsWorld>>;
const FIGURES = '/api/v1/figures';
const STATS = '/api/v1/petitions/stats';

beforeAll(async () => {
  t = await createTestApp();
  w = await statsWorld(t);
  await seedDaxing(t, w);
});
afterAll(async () => t.close());

type FigureBody = {
  asOf: string;
  figures: {
    key: string;
    value: number | null;
    groups: { key: string; label: string; value: number }[] | null;
  }[];
};
const figures = async (s: Session, query = '') => {
  const res = await call(t, s, 'GET', `${FIGURES}?module=petitions${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FigureBody & Record<string, unknown>;
};
const values = (body: FigureBody) =>
  Object.fromEntries(body.figures.map((f) => [f.key.replace('petitions.', ''), f.value]));
const groupsOf = (body: FigureBody, key: string) =>
  Object.fromEntries(body.figures.find((f) => f.key === key)!.groups!.map((g) => [g.label, g.value]));

/** Every record behind a figure (or a group of it), across pages of 2, as registration numbers. */
async function drill(s: Session, key: string, q: Record<string, string | number> = {}) {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({
      ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
      page: String(page),
      pageSize: '2',
    });
    const res = await call(t, s, 'GET', `${FIGURES}/${key}/records?${params}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    codes.push(...body.items.map((i: { label: string }) => i.label));
    for (const item of body.items) expect(JSON.stringify(item)).not.toContain('reporter');
    if (page * 2 >= body.total) {
      expect(codes).toHaveLength(body.total);
      return codes.sort();
    }
  }
}

const EXPECTED = {
  received: 8,
  letter: 2,
  visit: 1,
  visitors: 3,
  phone: 1,
  online: 1,
  assigned: 2,
  assigned_on_time: 1,
  transferred: 1,
  real_name: 1,
  anonymous: 7,
  accepted: 5,
  declined: 1,
  concluded: 3,
  conclusion_rate: 60,
  open: 2,
  overdue: 2,
  extended: 1,
  reports: 2,
  opinions: 4,
  by_category: 8,
  by_disposal: 8,
  by_cadre: 3,
};
// case 8 is 红星村's own (its numbers are its own)
const n = (...xs: number[]) => xs.map((x) => (x === 8 ? 'HX2026-0001' : `XF2026-000${x}`)).sort();
const RECORDS: Record<string, string[]> = {
  received: n(1, 2, 3, 4, 5, 6, 7, 8),
  letter: n(1, 8),
  visit: n(2),
  visitors: n(2),
  phone: n(3),
  online: n(4),
  assigned: n(5, 6),
  assigned_on_time: n(5),
  transferred: n(7),
  real_name: n(1),
  anonymous: n(2, 3, 4, 5, 6, 7, 8),
  accepted: n(1, 2, 5, 6, 7),
  declined: n(3),
  concluded: n(1, 5, 6),
  open: n(2, 7),
  overdue: n(4, 8),
  extended: n(7),
  // one row per report and per opinion
  reports: n(1, 5),
  opinions: n(1, 1, 5, 6),
  by_category: n(1, 2, 3, 4, 5, 6, 7, 8),
  by_disposal: n(1, 2, 3, 4, 5, 6, 7, 8),
  by_cadre: n(1, 2, 2),
};

describe('petition figures from the registry', () => {
  it('counts this year of 大兴镇 and its village as of today: channels, visitors, outcomes, documents, the cut-off figures', async () => {
    const body = await figures(w.s.officer);
    expect(body).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      asOf: '2026-03-02',
      today: '2026-03-02',
      org: { id: w.daxing.id, name: '大兴镇' },
    });
    expect(values(body)).toEqual(EXPECTED);
    expect(body.figures.map((f) => f.key.replace('petitions.', '')).sort()).toEqual(
      Object.keys(PETITION_FIGURES).sort(),
    );
    expect(groupsOf(body, 'petitions.by_category')).toEqual({
      干部作风: 2,
      廉洁自律: 1,
      土地征用: 2,
      财务管理: 1,
      其他: 1,
      未分类: 1,
    });
    expect(groupsOf(body, 'petitions.by_disposal')).toEqual({
      谈话函询: 1,
      初步核实: 2,
      予以了结: 1,
      未处置: 4,
    });
    expect(groupsOf(body, 'petitions.by_cadre')).toEqual({
      周德明: 1,
      '钱有才（未关联名册）': 1,
      '孙德胜（未关联名册）': 1,
    });
    const rate = body.figures.find((f) => f.key === 'petitions.conclusion_rate') as Record<string, unknown>;
    expect(rate).toMatchObject({
      unit: '%',
      kind: 'ratio',
      drillable: false,
      ratio: {
        numerator: 'petitions.concluded',
        denominator: 'petitions.accepted',
        numeratorValue: 3,
        denominatorValue: 5,
      },
    });
  });

  it('opens exactly the records behind each figure and each group, page by page', async () => {
    const body = await figures(w.s.officer);
    for (const f of body.figures) {
      const name = f.key.replace('petitions.', '');
      if (name === 'conclusion_rate') continue;
      expect(await drill(w.s.officer, f.key), name).toEqual(RECORDS[name]);
      for (const g of f.groups ?? [])
        expect(await drill(w.s.officer, f.key, { group: g.key }), `${name}/${g.label}`).toHaveLength(g.value);
    }
    expect(await drill(w.s.officer, 'petitions.by_category', { group: 'land' })).toEqual(n(5, 6));
    expect(await drill(w.s.officer, 'petitions.by_category', { group: 'none' })).toEqual(n(7));
    expect(await drill(w.s.officer, 'petitions.by_cadre', { group: `cadre:${w.cadreId}` })).toEqual(n(1));
    // 来访人数 adds each visit's people: the rows' weights add up to it
    const visits = (await call(t, w.s.officer, 'GET', `${FIGURES}/petitions.visitors/records`)).json();
    expect(visits.items.map((i: { weight: number }) => i.weight)).toEqual([3]);
  });

  it('takes an earlier as-of date: the cases as they stood then, the later ones left out', async () => {
    const body = await figures(w.s.officer, '&asOf=2026-02-01');
    expect(body.asOf).toBe('2026-02-01');
    expect(values(body)).toMatchObject({
      received: 7, // 红星村's letter came on 02-10
      accepted: 4, // XF2026-0007 was accepted on 02-03
      concluded: 0, // the first conclusion came on 02-03
      conclusion_rate: 0,
      open: 4,
      reports: 2,
      opinions: 2, // 0001's two opinions; 0005's and 0006's came later
      extended: 0,
    });
    expect(groupsOf(body, 'petitions.by_disposal')).toEqual({ 谈话函询: 1, 初步核实: 2, 未处置: 4 });
    const open = (
      await call(t, w.s.officer, 'GET', `${FIGURES}/petitions.open/records?asOf=2026-02-01&pageSize=10`)
    ).json();
    const first = open.items.find((i: { label: string }) => i.label === 'XF2026-0001');
    // replied on 02-01, concluded on 02-03
    expect(first.cells).toMatchObject({ status: '已回复反映人', concludedOn: null, disposal: '初步核实' });
  });

  it('takes any period: last December holds only the 2025 letter, as of its end', async () => {
    const body = await figures(w.s.officer, '&from=2025-12-01&to=2025-12-31');
    expect(body.asOf).toBe('2025-12-31');
    expect(values(body)).toMatchObject({
      received: 1,
      letter: 1,
      accepted: 1,
      concluded: 1,
      opinions: 1,
      overdue: 0,
      conclusion_rate: 100,
    });
  });

  it('keeps to scope: the district sees 大兴镇 alike and the whole district; another township gets 404', async () => {
    const asDistrict = await figures(w.s.district, `&orgId=${w.daxing.id}`);
    expect(values(asDistrict)).toEqual(EXPECTED);
    const whole = await figures(w.s.district);
    expect(whole.org).toMatchObject({ name: '新城区' });
    expect(values(whole)).toMatchObject({ received: 9, letter: 3, overdue: 3 });
    const other = await figures(w.s.changan);
    expect(values(other)).toMatchObject({ received: 1, letter: 1 });
    expect((await call(t, w.s.changan, 'GET', `${FIGURES}?orgId=${w.daxing.id}`)).statusCode).toBe(404);
    const records = await call(
      t,
      w.s.changan,
      'GET',
      `${FIGURES}/petitions.received/records?orgId=${w.daxing.id}`,
    );
    expect(records.statusCode).toBe(404);
    // a unit head holds no petition.stats: the petition figures are absent, and refused when named
    const head = (await call(t, w.s.head, 'GET', FIGURES)).json();
    expect(head.figures.filter((f: { module: string }) => f.module === 'petitions')).toEqual([]);
    expect((await call(t, w.s.head, 'GET', `${FIGURES}?keys=petitions.received`)).statusCode).toBe(403);
    expect((await call(t, w.s.head, 'GET', `${FIGURES}/petitions.received/records`)).statusCode).toBe(403);
    expect((await call(t, w.s.head, 'GET', STATS)).statusCode).toBe(403);
  });

  it('leaves out, for a recused reader, the case naming their relative — in the figure and in its records', async () => {
    const body = await figures(w.s.secretary);
    expect(body.note).toMatch(/回避/);
    expect(values(body)).toMatchObject({
      received: 7,
      letter: 1,
      accepted: 4,
      concluded: 2,
      reports: 1,
      opinions: 2,
      real_name: 0,
      by_cadre: 2,
      conclusion_rate: 50,
    });
    expect(await drill(w.s.secretary, 'petitions.received')).not.toContain('XF2026-0001');
    expect(groupsOf(body, 'petitions.by_cadre')).not.toHaveProperty('周德明');
  });

  it('answers the petition statistics in one response from the registry, as of a date', async () => {
    const res = await call(t, w.s.officer, 'GET', STATS);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ asOf: '2026-03-02', visitors: { value: 3 } });
    expect(body.figures.concluded).toMatchObject({
      value: 3,
      drill: { key: 'petitions.concluded', from: '2026-01-01', to: '2026-12-31', asOf: '2026-03-02' },
    });
    expect(body.conclusionRate).toMatchObject({ value: 60, concluded: 3, accepted: 5 });
    const earlier = (await call(t, w.s.officer, 'GET', `${STATS}?asOf=2026-02-01`)).json();
    expect(earlier.figures.concluded.value).toBe(0);
  });

  it('refuses a bad period, a future as-of date and unknown parameters in Chinese, never a 500', async () => {
    const bad = await call(t, w.s.officer, 'GET', `${FIGURES}?from=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/日期/);
    const reversed = await call(t, w.s.officer, 'GET', `${FIGURES}?from=2026-05-01&to=2026-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/开始日期不能晚于结束日期/);
    const future = await call(t, w.s.officer, 'GET', `${FIGURES}?asOf=2026-03-03`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ fields: { asOf: expect.stringMatching(/不能晚于今天/) } });
    // a misspelt as-of date is refused, not ignored — on every figures route
    for (const url of [
      `${FIGURES}?asof=2025-12-31`,
      `${FIGURES}/petitions.received/records?as_of=2025-12-31`,
      `${STATS}?asof=2025-12-31`,
    ]) {
      const res = await call(t, w.s.officer, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toMatch(/不支持的查询参数：as_?of/);
    }
    const unknown = await call(t, w.s.officer, 'GET', `${FIGURES}?keys=petitions.nothing`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('未知的统计指标：petitions.nothing');
    const rate = await call(t, w.s.officer, 'GET', `${FIGURES}/petitions.conclusion_rate/records`);
    expect(rate.statusCode).toBe(400);
    expect(rate.json().error.message).toMatch(/分子或分母/);
    const group = await call(t, w.s.officer, 'GET', `${FIGURES}/petitions.received/records?group=land`);
    expect(group.statusCode).toBe(400);
    const both = await call(t, w.s.officer, 'GET', `${FIGURES}?keys=petitions.received&module=petitions`);
    expect(both.statusCode).toBe(400);
  });
});
