import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAT_METRIC_KEYS } from '../../src/domain/petition-stats.js';
import { call, type Session } from '../support/factories.js';
import { seedDaxing, statsWorld } from '../support/petition-stats-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof statsWorld>>;
const STATS = '/api/v1/petitions/stats';

beforeAll(async () => {
  t = await createTestApp();
  w = await statsWorld(t);
  await seedDaxing(t, w);
});
afterAll(async () => t.close());

const stats = async (s: Session, query = '') => {
  const res = await call(t, s, 'GET', `${STATS}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const values = (body: { figures: Record<string, { value: number }> }) =>
  Object.fromEntries(Object.entries(body.figures).map(([k, f]) => [k, f.value]));

/** Every record behind a drill, across pages of 2, as registration numbers. */
async function drill(s: Session, d: Record<string, string | number>) {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams({
      ...Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)])),
      page: String(page),
      pageSize: '2',
    });
    const res = await call(t, s, 'GET', `${STATS}/records?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    codes.push(...body.items.map((i: { code: string }) => i.code));
    for (const item of body.items) expect(Object.keys(item)).not.toContain('reporterEnc');
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
  phone: 1,
  online: 1,
  assigned: 2,
  assignedOnTime: 1,
  transferred: 1,
  accepted: 5,
  declined: 1,
  concluded: 3,
  reports: 2,
  opinions: 4,
  overdue: 2,
};
// case 8 is 红星村's own (its numbers are its own)
const n = (...xs: number[]) => xs.map((x) => (x === 8 ? 'HX2026-0001' : `XF2026-000${x}`)).sort();
const RECORDS: Record<string, string[]> = {
  received: n(1, 2, 3, 4, 5, 6, 7, 8),
  letter: n(1, 8),
  visit: n(2),
  phone: n(3),
  online: n(4),
  assigned: n(5, 6),
  assignedOnTime: n(5),
  transferred: n(7),
  accepted: n(1, 2, 5, 6, 7),
  declined: n(3),
  concluded: n(1, 5, 6),
  reports: n(1, 5),
  opinions: n(1, 5, 6),
  overdue: n(4, 8),
};

describe('petition statistics', () => {
  it('counts this year of 大兴镇 and its village: channels, visitors, assigned on time, outcomes, documents, overdue', async () => {
    const body = await stats(w.s.officer);
    expect(body).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      today: '2026-03-02',
      org: { id: w.daxing.id, name: '大兴镇' },
    });
    expect(values(body)).toEqual(EXPECTED);
    expect(body.visitors.value).toBe(3);
    expect(body.conclusionRate).toMatchObject({ value: 60, concluded: 3, accepted: 5 });
    const cats = Object.fromEntries(
      body.byCategory.map((c: { label: string; count: number }) => [c.label, c.count]),
    );
    expect(cats).toEqual({ 干部作风: 2, 廉洁自律: 1, 土地征用: 2, 财务管理: 1, 其他: 1, 未分类: 1 });
  });

  it('opens exactly the records behind each figure, page by page, and by category', async () => {
    const body = await stats(w.s.officer);
    expect(Object.keys(body.figures).sort()).toEqual([...STAT_METRIC_KEYS].sort());
    for (const metric of STAT_METRIC_KEYS) {
      const f = body.figures[metric];
      expect(f.drill).toEqual({ metric, from: '2026-01-01', to: '2026-12-31', orgId: w.daxing.id });
      expect(await drill(w.s.officer, f.drill), metric).toEqual(RECORDS[metric]);
    }
    expect(await drill(w.s.officer, body.visitors.drill)).toEqual(n(2));
    expect(await drill(w.s.officer, body.conclusionRate.drill)).toEqual(n(1, 5, 6));
    const land = body.byCategory.find((c: { label: string }) => c.label === '土地征用');
    expect(await drill(w.s.officer, land.drill)).toEqual(n(5, 6));
    const none = body.byCategory.find((c: { label: string }) => c.label === '未分类');
    expect(await drill(w.s.officer, none.drill)).toEqual(n(7));
  });

  it('takes any period: last December holds only the 2025 letter', async () => {
    const body = await stats(w.s.officer, '?from=2025-12-01&to=2025-12-31');
    expect(values(body)).toMatchObject({
      received: 1,
      letter: 1,
      accepted: 1,
      concluded: 1,
      opinions: 1,
      overdue: 0,
    });
    expect(body.conclusionRate.value).toBe(100);
    const jan = await stats(w.s.officer, '?from=2026-01-01&to=2026-01-10');
    expect(values(jan)).toMatchObject({ received: 4, letter: 1, visit: 1, assigned: 2, phone: 0 });
  });

  it('keeps to scope: the district sees 大兴镇 alike and the whole district; another township gets 404', async () => {
    const asDistrict = await stats(w.s.district, `?orgId=${w.daxing.id}`);
    expect(values(asDistrict)).toEqual(EXPECTED);
    const whole = await stats(w.s.district);
    expect(whole.org.name).toBe('新城区');
    expect(values(whole)).toMatchObject({ received: 9, letter: 3, overdue: 3 });
    const other = await stats(w.s.changan);
    expect(values(other)).toMatchObject({ received: 1, letter: 1 });
    expect((await call(t, w.s.changan, 'GET', `${STATS}?orgId=${w.daxing.id}`)).statusCode).toBe(404);
    const records = await call(
      t,
      w.s.changan,
      'GET',
      `${STATS}/records?metric=received&orgId=${w.daxing.id}`,
    );
    expect(records.statusCode).toBe(404);
    expect((await call(t, w.s.head, 'GET', STATS)).statusCode).toBe(403);
  });

  it('leaves out, for a recused reader, the case naming their relative', async () => {
    const body = await stats(w.s.secretary);
    expect(values(body)).toMatchObject({
      received: 7,
      letter: 1,
      accepted: 4,
      concluded: 2,
      reports: 1,
      opinions: 2,
    });
    expect(body.conclusionRate.value).toBe(50);
    expect(await drill(w.s.secretary, body.figures.received.drill)).not.toContain('XF2026-0001');
  });

  it('refuses a bad period in Chinese, never a 500', async () => {
    const bad = await call(t, w.s.officer, 'GET', `${STATS}?from=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/日期/);
    const reversed = await call(t, w.s.officer, 'GET', `${STATS}?from=2026-05-01&to=2026-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/开始日期不能晚于结束日期/);
    const metric = await call(t, w.s.officer, 'GET', `${STATS}/records?metric=nothing`);
    expect(metric.statusCode).toBe(400);
    const category = await call(t, w.s.officer, 'GET', `${STATS}/records?metric=category`);
    expect(category.statusCode).toBe(400);
  });
});
