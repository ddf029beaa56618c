import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratioPercent } from '../../src/domain/figure-period.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { seedDaxing, statsWorld } from '../support/petition-stats-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every registered figure, whatever module registered it: the number equals its drill-down (rows,
 * or the rows' weights for a sum; each group likewise), for a township officer and for the
 * district; hidden from a role without its permission.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof statsWorld>>;
let clerk: Session;
let orgOfficer: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await statsWorld(t);
  await seedDaxing(t, w);
  // cadres in post and gone: 大兴镇's own, its village's, and 长安镇's (the district's only)
  const [a, b, c, d] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      { orgId: w.daxing.id, name: '赵志强', status: 'active' },
      { orgId: w.daxing.id, name: '钱立新', status: 'left' },
      { orgId: w.village.id, name: '孙红梅', status: 'active' },
      { orgId: w.changan.id, name: '李长安', status: 'active' },
    ],
    'manual',
  );
  const tenure = (cadreId: number, orgId: number, v: Partial<typeof tenures.$inferInsert>) => ({
    cadreId,
    orgId,
    title: '干部',
    startDate: '2020-01-01',
    ...v,
  });
  await t.ctx.db.insert(tenures).values([
    tenure(a, w.daxing.id, { title: '党委副书记', level: 'fuke', startDate: '2024-03-01' }),
    tenure(b, w.daxing.id, {
      title: '镇长',
      level: 'zhengke',
      isPrincipal: true,
      endDate: '2026-02-15',
      endReason: 'transfer',
    }),
    tenure(b, w.daxing.id, { title: '副镇长', level: 'fuke', endDate: '2025-06-30', endReason: 'removal' }),
    tenure(c, w.village.id, { title: '村委会主任', level: 'village' }),
    tenure(c, w.village.id, { title: '村委会委员', level: null, startDate: '2026-04-01' }),
    tenure(w.cadreId, w.daxing.id, { title: '农业服务中心主任', level: 'middle_principal' }),
    tenure(d, w.changan.id, { title: '镇长', level: 'zhengke', isPrincipal: true }),
  ]);
  clerk = await signIn(t, (await makeUser(t.ctx, { orgId: w.daxing.id, roles: ['cadre'] })).username);
  orgOfficer = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: w.daxing.id, roles: ['org_officer'] })).username,
  );
  // a policy of 大兴镇, given to the township to read; one reader has confirmed
  const policy = await call(t, orgOfficer, 'POST', '/api/v1/policies', {
    orgId: w.daxing.id,
    title: '干部任前公示制',
    issuingBody: '中共大兴镇委员会',
    adoptedOn: '2026-01-05',
    effectiveOn: '2026-01-05',
    body: '拟提拔干部在任前进行公示。',
  });
  expect(policy.statusCode, policy.body).toBe(200);
  await call(t, orgOfficer, 'POST', `/api/v1/policies/${policy.json().id}/assignments`, {
    orgId: w.daxing.id,
    dueOn: '2026-03-20',
  });
  const [read] = (await call(t, clerk, 'GET', '/api/v1/me/policy-reads')).json().items;
  await call(t, clerk, 'POST', `/api/v1/me/policy-reads/${read.readId}/confirm`, {});
});
afterAll(async () => t.close());

interface Out {
  key: string;
  kind: string;
  label: string;
  unit: string;
  definition: string;
  value: number | null;
  groups: { key: string; value: number }[] | null;
  ratio: { numerator: string; denominator: string; numeratorValue: number; denominatorValue: number } | null;
}

/** Walks a figure's records page by page: how many rows, what their weights add up to. */
async function walk(s: Session, key: string, query: string) {
  let rows = 0;
  let weights = 0;
  for (let page = 1; ; page++) {
    const res = await call(t, s, 'GET', `/api/v1/figures/${key}/records?${query}&page=${page}&pageSize=3`);
    expect(res.statusCode, `${key} ${res.body}`).toBe(200);
    const body = res.json();
    for (const item of body.items) {
      expect(item.link, key).toMatch(/^\/(petitions|cadres|policies)\/\d+$/);
      for (const c of body.columns) expect(Object.keys(item.cells), key).toContain(c.key);
      weights += item.weight ?? 0;
    }
    rows += body.items.length;
    if (page * 3 >= body.total) {
      expect(rows, key).toBe(body.total);
      return { rows, weights };
    }
  }
}

async function checkEvery(s: Session, orgId: number, modules?: string[]) {
  const keys = allFigures()
    .filter((f) => !modules || modules.includes(f.module))
    .map((f) => f.key);
  const query = `orgId=${orgId}`;
  const res = await call(t, s, 'GET', `/api/v1/figures?keys=${keys.join(',')}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const figures = res.json().figures as Out[];
  expect(figures.map((f) => f.key)).toEqual(keys);
  const byKey = new Map(figures.map((f) => [f.key, f]));
  for (const f of figures) {
    expect(f.label && f.unit && f.definition, f.key).toBeTruthy();
    if (f.kind === 'ratio') {
      const { numerator, denominator } = f.ratio!;
      expect(f.ratio, f.key).toMatchObject({
        numeratorValue: byKey.get(numerator)!.value,
        denominatorValue: byKey.get(denominator)!.value,
      });
      expect(f.value, f.key).toBe(ratioPercent(byKey.get(numerator)!.value!, byKey.get(denominator)!.value!));
      continue;
    }
    const all = await walk(s, f.key, query);
    expect(f.kind === 'sum' ? all.weights : all.rows, f.key).toBe(f.value);
    if (f.groups) {
      expect(
        f.groups.reduce((n, g) => n + g.value, 0),
        f.key,
      ).toBe(f.value);
      for (const g of f.groups) {
        const one = await walk(s, f.key, `${query}&group=${encodeURIComponent(g.key)}`);
        expect(one.rows, `${f.key}/${g.key}`).toBe(g.value);
      }
    }
  }
  await checkSlices(s, keys, query);
  return Object.fromEntries(figures.map((f) => [f.key, f.value]));
}

/**
 * By month and by child org: each figure offering the breakdown is the sum of its slices, and each
 * slice (every month of the period, every child org, zeros too) drills down to exactly its rows.
 */
async function checkSlices(s: Session, keys: string[], query: string) {
  let walked = 0;
  for (const by of ['month', 'org']) {
    const res = await call(t, s, 'GET', `/api/v1/figures?keys=${keys.join(',')}&${query}&breakdown=${by}`);
    expect(res.statusCode, res.body).toBe(200);
    for (const f of res.json().figures as (Out & {
      slices: { key: string; value: number }[] | null;
      breakdowns: string[];
    })[]) {
      if (!f.breakdowns.includes(by)) {
        expect(f.slices, `${f.key} by ${by}`).toBeNull();
        continue;
      }
      expect(f.slices!.length, `${f.key} by ${by}`).toBeGreaterThan(0);
      expect(
        f.slices!.reduce((n, g) => n + g.value, 0),
        `${f.key} by ${by}`,
      ).toBe(f.value);
      for (const g of f.slices!) {
        const one = await walk(s, f.key, `${query}&breakdown=${by}&slice=${g.key}`);
        expect(f.kind === 'sum' ? one.weights : one.rows, `${f.key} ${by}=${g.key}`).toBe(g.value);
        walked++;
      }
    }
  }
  expect(walked).toBeGreaterThan(0);
}

describe('every registered figure', () => {
  it('is registered by the petitions, cadres, policies, accountability, admonitions, inquiries, appointments, audits, assessments, pledges and openness modules, each with its definition', () => {
    const modules = new Set(allFigures().map((f) => f.module));
    expect([...modules].sort()).toEqual([
      'accountability',
      'admonitions',
      'appointments',
      'assessments',
      'cadres',
      'disclosure',
      'econ_audits',
      'inquiries',
      'petitions',
      'pledges',
      'policies',
    ]);
    expect(allFigures().map((f) => f.key)).toEqual(
      expect.arrayContaining(['petitions.conclusion_rate', 'cadres.in_post', 'cadres.departed']),
    );
  });

  it('equals its drill-down for a township officer', async () => {
    // a discipline officer may not see the policy library's figures (policy.manage)
    const v = await checkEvery(w.s.officer, w.daxing.id, ['petitions', 'cadres', 'admonitions', 'inquiries']);
    expect(v).toMatchObject({
      'petitions.received': 8,
      'petitions.conclusion_rate': 60,
      // 赵志强, 孙红梅's first post, 周德明 (钱立新 left in February; the 委员 post starts in April)
      'cadres.in_post': 3,
      'cadres.departed': 1,
      'cadres.departed_principal': 1,
    });
  });

  it('equals its drill-down for the district, over its whole subtree', async () => {
    const v = await checkEvery(w.s.district, w.district.id);
    expect(v).toMatchObject({ 'petitions.received': 9, 'cadres.in_post': 4, 'policies.adopted': 1 });
    expect(v['policies.read_done']).toBe(1);
    expect(v['policies.read_due']).toBeGreaterThan(1);
  });

  it('is hidden from a role without its permission: absent from the list, refused when named', async () => {
    const none = (await call(t, clerk, 'GET', '/api/v1/figures')).json();
    expect(none.figures).toEqual([]);
    for (const f of allFigures()) {
      expect((await call(t, clerk, 'GET', `/api/v1/figures?keys=${f.key}`)).statusCode, f.key).toBe(403);
      expect((await call(t, clerk, 'GET', `/api/v1/figures/${f.key}/records`)).statusCode, f.key).toBe(403);
    }
    // the organisation office sees the cadres', the policies', the accountability, the admonitions', the inquiries', the appointments', the audits', the assessments', the pledges' and the openness figures, not the petitions'
    const org = (await call(t, orgOfficer, 'GET', '/api/v1/figures')).json();
    expect(new Set(org.figures.map((f: Out) => f.key.split('.')[0]))).toEqual(
      new Set([
        'cadres',
        'policies',
        'accountability',
        'admonitions',
        'inquiries',
        'appointments',
        'econ_audits',
        'assessments',
        'pledges',
        'disclosure',
      ]),
    );
    const refused = await call(
      t,
      orgOfficer,
      'GET',
      '/api/v1/figures?keys=cadres.in_post,petitions.received',
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('没有查看统计指标“收件总数”的权限');
  });

  it('audits each drill-down into protected records, with the figure and what was asked', async () => {
    const res = await call(
      t,
      w.s.officer,
      'GET',
      '/api/v1/figures/cadres.in_post/records?group=fuke&asOf=2026-01-31',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ group: { key: 'fuke', label: '副科' }, total: 1 });
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'figure.records'), eq(auditLog.objectId, 'cadres.in_post')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry.detail).toMatchObject({ group: 'fuke', asOf: '2026-01-31', orgId: w.daxing.id, rows: 1 });
  });
});
