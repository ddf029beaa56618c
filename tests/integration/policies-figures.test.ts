import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session } from '../support/factories.js';
import { POLICY_TEXT, policyWorld, signInAgain } from '../support/policy-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The policy figures as of a date: 制度制定 and 制度修订 by adoption dates, 应学习/已学习 by the
 * assignment's due date and the confirmation date, 覆盖率 their ratio; scope and permission.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof policyWorld>>;

const figures = async (s: Session, q: string) => {
  const res = await call(t, s, 'GET', `/api/v1/figures?module=policies&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().figures.map((f: { key: string; value: number }) => [f.key, f.value]));
};

beforeAll(async () => {
  t = await createTestApp(); // 2026-03-02
  w = await policyWorld(t);
  const make = async (orgId: number, title: string, adoptedOn: string) => {
    const res = await call(t, w.officer.s, 'POST', '/api/v1/policies', {
      orgId,
      title,
      number: `大兴党发〔${adoptedOn.slice(0, 4)}〕1号`,
      issuingBody: '中共大兴镇委员会',
      adoptedOn,
      effectiveOn: adoptedOn,
      body: POLICY_TEXT,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const a = await make(w.daxing.id, '干部任前公示制', '2025-03-01');
  await make(w.village.id, '东风村村务公开制度', '2025-06-01');
  await make(w.daxing.id, '竞争上岗制', '2026-01-05');
  const revise = async (id: number, version: number, adoptedOn: string) =>
    expect(
      (
        await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/versions`, {
          adoptedOn,
          effectiveOn: adoptedOn,
          body: `${POLICY_TEXT}\n修订于${adoptedOn}`,
          version,
        })
      ).statusCode,
    ).toBe(200);
  await revise(a, 1, '2025-09-01');
  await revise(a, 2, '2026-02-01');
  // 5 readers in 大兴镇 and 东风村, due on 2026-03-10
  const res = await call(t, w.officer.s, 'POST', `/api/v1/policies/${a}/assignments`, {
    orgId: w.daxing.id,
    dueOn: '2026-03-10',
  });
  expect(res.json().assignments[0].due).toBe(5);
  t.clock.advance(24 * 3600_000); // 2026-03-03: two confirm
  await signInAgain(t, w);
  for (const p of [w.cadre, w.villageCadre]) {
    const mine = (await call(t, p.s, 'GET', '/api/v1/me/policy-reads')).json();
    expect(
      (await call(t, p.s, 'POST', `/api/v1/me/policy-reads/${mine.items[0].readId}/confirm`, {})).json()
        .confirmed,
    ).toBe(true);
  }
});
afterAll(async () => t.close());

describe('policy figures', () => {
  it('count adoptions and revisions in the period, as of a date', async () => {
    expect(await figures(w.officer.s, 'from=2025-01-01&to=2025-12-31')).toMatchObject({
      'policies.adopted': 2,
      'policies.revised': 1,
      'policies.read_due': 0,
      'policies.coverage': null,
    });
    expect(await figures(w.officer.s, 'from=2025-01-01&to=2025-12-31&asOf=2025-08-01')).toMatchObject({
      'policies.adopted': 2,
      'policies.revised': 0,
    });
    expect(await figures(w.officer.s, 'from=2025-01-01&to=2025-12-31&asOf=2025-04-01')).toMatchObject({
      'policies.adopted': 1,
    });
    // the village's own figures hold only its policy
    expect(await figures(w.officer.s, `from=2025-01-01&to=2025-12-31&orgId=${w.village.id}`)).toMatchObject({
      'policies.adopted': 1,
      'policies.revised': 0,
    });
  });

  it('read coverage as of a date: due from the assignment, done from the confirmation', async () => {
    expect(await figures(w.officer.s, 'from=2026-01-01&to=2026-12-31')).toMatchObject({
      'policies.adopted': 1,
      'policies.revised': 1,
      'policies.read_due': 5,
      'policies.read_done': 2,
      'policies.coverage': 40,
    });
    expect(await figures(w.officer.s, 'from=2026-01-01&to=2026-12-31&asOf=2026-03-02')).toMatchObject({
      'policies.read_due': 5,
      'policies.read_done': 0,
      'policies.coverage': 0,
    });
    expect(await figures(w.officer.s, 'from=2026-01-01&to=2026-12-31&asOf=2026-03-01')).toMatchObject({
      'policies.read_due': 0,
      'policies.coverage': null,
    });
    expect(await figures(w.officer.s, `orgId=${w.village.id}`)).toMatchObject({
      'policies.read_due': 2,
      'policies.read_done': 1,
      'policies.coverage': 50,
    });
    // the drill-down shows each row as it stood on the as-of date
    const rows = (
      await call(
        t,
        w.officer.s,
        'GET',
        '/api/v1/figures/policies.read_due/records?asOf=2026-03-02&pageSize=50',
      )
    ).json();
    expect(rows.total).toBe(5);
    expect(rows.items.every((i: { cells: { confirmedOn: unknown } }) => i.cells.confirmedOn === null)).toBe(
      true,
    );
    const done = (await call(t, w.officer.s, 'GET', '/api/v1/figures/policies.read_done/records')).json();
    expect(done.items.map((i: { label: string }) => i.label).sort()).toEqual(
      [w.cadre, w.villageCadre].map(() => expect.any(String)),
    );
    expect(done.items[0]).toMatchObject({
      link: expect.stringMatching(/^\/policies\/\d+$/),
      cells: { confirmedOn: '2026-03-03' },
    });
    const adopted = (
      await call(
        t,
        w.officer.s,
        'GET',
        '/api/v1/figures/policies.adopted/records?from=2025-01-01&to=2025-12-31',
      )
    ).json();
    expect(adopted.items.map((i: { label: string }) => i.label)).toEqual([
      '《干部任前公示制》',
      '《东风村村务公开制度》',
    ]);
    expect(adopted.items[0].cells).toEqual({
      number: '大兴党发〔2025〕1号',
      adoptedOn: '2025-03-01',
      issuingBody: '中共大兴镇委员会',
    });
  });

  it('another township counts nothing of 大兴镇; a role without policy.manage sees none; the district sees all', async () => {
    expect(await figures(w.qsOfficer.s, 'from=2025-01-01&to=2026-12-31')).toMatchObject({
      'policies.adopted': 0,
      'policies.read_due': 0,
    });
    expect(
      (await call(t, w.qsOfficer.s, 'GET', `/api/v1/figures?module=policies&orgId=${w.daxing.id}`))
        .statusCode,
    ).toBe(404);
    expect((await call(t, w.cadre.s, 'GET', '/api/v1/figures?keys=policies.coverage')).statusCode).toBe(403);
    expect(
      await figures(w.districtOrg.s, `from=2025-01-01&to=2026-12-31&orgId=${w.district.id}`),
    ).toMatchObject({
      'policies.adopted': 3,
      'policies.revised': 2,
      'policies.read_due': 5,
      'policies.read_done': 2,
    });
  });
});
