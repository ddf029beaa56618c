import { and, eq, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratioPercent } from '../../src/domain/figure-period.js';
import { BUILTIN_ROLES } from '../../src/domain/permissions.js';
import { trackingPanel } from '../../src/server/modules/admonitions/figures/tracking-panel.js';
import { noticePanel } from '../../src/server/modules/appointments/figures/notice-panel.js';
import { objectionsPanel } from '../../src/server/modules/appointments/figures/objections-panel.js';
import { lastPlacePanel } from '../../src/server/modules/assessments/figures/last-place-panel.js';
import { overdueItemsPanel } from '../../src/server/modules/audits/figures/overdue-panel.js';
import { petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import {
  dashboardPanels,
  registerDashboardPanel,
  unregisterDashboardPanel,
} from '../../src/server/platform/dashboard/panels.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { registeredTodoTypes } from '../../src/server/platform/todos/record-types.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The leadership dashboard on the demo data (新城区, 大兴镇 and 青山镇, a year of petitions, the
 * cadres): every registered figure, every group of its dimension and every month and child org of
 * its breakdowns equals its drill-down's rows, for a township party secretary and for the district;
 * the dashboard's cards and chart points are those same numbers; a role without the permission
 * gets none; another township is a 404; recusal takes a relative's cases out of the figures and
 * out of the late to-dos.
 */
let t: TestApp;
let org: { district: number; daxing: number; qingshan: number };
const s = {} as Record<'secretary' | 'district' | 'districtOrg' | 'orgOfficer' | 'clerk', Session>;
const YEAR = 'from=2025-01-01&to=2025-12-31';

beforeAll(async () => {
  t = await createDemoTestApp(); // the demo, loaded once per run (tests/support/demo-app.ts) // today is 2026-03-02 in China
  const named = async (name: string) =>
    (
      await t.ctx.db
        .select()
        .from(orgs)
        .where(and(eq(orgs.name, name), isNull(orgs.deletedAt)))
    )[0].id;
  org = { district: await named('新城区'), daxing: await named('大兴镇'), qingshan: await named('青山镇') };
  const user = async (orgId: number, roles: string[]) =>
    signIn(t, (await makeUser(t.ctx, { orgId, roles, dataScope: 'subtree' })).username);
  s.secretary = await user(org.daxing, ['party_secretary']);
  s.district = await user(org.district, ['district_discipline']);
  s.districtOrg = await user(org.district, ['district_org']);
  s.orgOfficer = await user(org.daxing, ['org_officer']);
  s.clerk = await user(org.daxing, ['cadre']);
}, DEMO_HOOK_TIMEOUT);
afterAll(async () => t.close());

interface Point {
  key: string;
  label: string;
  value: number;
}
interface FigureOut {
  key: string;
  kind: string;
  value: number | null;
  groups: Point[] | null;
  slices: Point[] | null;
  breakdowns: string[];
  ratio: { numerator: string; denominator: string; numeratorValue: number; denominatorValue: number } | null;
}
interface Chart {
  figure: string;
  by: 'month' | 'org' | 'group';
  points: Point[];
}

/** Rows behind a figure (one page of 200 holds a demo drill-down; more pages are walked). */
async function drill(who: Session, key: string, query: string) {
  let rows = 0;
  let weights = 0;
  for (let page = 1; ; page++) {
    const res = await call(
      t,
      who,
      'GET',
      `/api/v1/figures/${key}/records?${query}&page=${page}&pageSize=200`,
    );
    expect(res.statusCode, `${key}?${query} ${res.body}`).toBe(200);
    const body = res.json();
    rows += body.items.length;
    for (const item of body.items) weights += item.weight ?? 0;
    if (page * 200 >= body.total) {
      expect(rows).toBe(body.total);
      return { rows, weights };
    }
  }
}
const counted = (f: { kind: string }, r: { rows: number; weights: number }) =>
  f.kind === 'sum' ? r.weights : r.rows;

/** Every registered figure the caller may see: the value, each group, each month and child org. */
async function walkEveryFigure(who: Session, query: string) {
  const keys = allFigures().map((f) => f.key);
  let checked = 0;
  // what was walked: a figure's value, and each group / month / child org by its chart's `by` and key
  const walked = new Map<string, number | null>();
  for (const by of ['month', 'org']) {
    const res = await call(t, who, 'GET', `/api/v1/figures?keys=${keys.join(',')}&${query}&breakdown=${by}`);
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json().figures as FigureOut[];
    const byKey = new Map(figures.map((f) => [f.key, f]));
    for (const f of figures) {
      if (f.kind === 'ratio') {
        const { numerator, denominator } = f.ratio!;
        expect(f.value).toBe(ratioPercent(byKey.get(numerator)!.value!, byKey.get(denominator)!.value!));
        continue;
      }
      if (by === 'month') {
        expect(counted(f, await drill(who, f.key, query)), f.key).toBe(f.value);
        walked.set(f.key, f.value);
        for (const g of f.groups ?? []) {
          const one = await drill(who, f.key, `${query}&group=${encodeURIComponent(g.key)}`);
          expect(one.rows, `${f.key} group ${g.key}`).toBe(g.value);
          walked.set(`${f.key}/group/${g.key}`, g.value);
        }
        checked++;
      }
      if (!f.breakdowns.includes(by)) continue;
      expect(
        f.slices!.reduce((n, g) => n + g.value, 0),
        `${f.key} by ${by}`,
      ).toBe(f.value);
      for (const g of f.slices!) {
        const one = await drill(who, f.key, `${query}&breakdown=${by}&slice=${g.key}`);
        expect(counted(f, one), `${f.key} ${by}=${g.key}`).toBe(g.value);
        walked.set(`${f.key}/${by}/${g.key}`, g.value);
      }
    }
  }
  return { checked, walked };
}

/**
 * The dashboard's cards and chart points drill to as many rows: compared with what was walked for
 * the same caller and query (each point must be one of those), else drilled here.
 */
async function checkDashboard(who: Session, query: string, walked?: Map<string, number | null>) {
  const res = await call(t, who, 'GET', `/api/v1/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const d = res.json();
  for (const m of d.modules) {
    for (const c of m.cards as FigureOut[]) {
      if (c.kind === 'ratio') continue;
      if (walked) expect(walked.get(c.key), c.key).toBe(c.value);
      else expect(counted(c, await drill(who, c.key, query)), c.key).toBe(c.value);
    }
    for (const chart of [...m.trends, ...m.byOrg, ...m.categories] as Chart[])
      for (const p of chart.points) {
        const what = `${chart.figure} ${chart.by}=${p.key}`;
        if (walked) {
          expect(walked.get(`${chart.figure}/${chart.by}/${p.key}`), what).toBe(p.value);
          continue;
        }
        const q =
          chart.by === 'group'
            ? `${query}&group=${encodeURIComponent(p.key)}`
            : `${query}&breakdown=${chart.by}&slice=${p.key}`;
        expect((await drill(who, chart.figure, q)).rows, what).toBe(p.value);
      }
  }
  return d;
}

describe('every registered figure on the demo data', () => {
  it('equals its drill-down for a township party secretary, by group, month and village/office', async () => {
    const q = `orgId=${org.daxing}&${YEAR}`;
    const { checked, walked } = await walkEveryFigure(s.secretary, q);
    expect(checked).toBe(allFigures().filter((f) => f.kind !== 'ratio').length);
    // not a walk over empty lists: every module has records behind its figures in the demo year
    const counts = allFigures().filter((f) => f.kind !== 'ratio');
    const zero = counts.filter((f) => walked.get(f.key) === 0).map((f) => f.key);
    console.log(
      `[figures] 大兴镇 2025, party secretary: ${checked} figures equal their drill-down rows (${walked.size} values, groups and slices walked); zero in the demo: ${zero.join(', ') || 'none'}`,
    );
    for (const module of new Set(counts.map((f) => f.module)))
      expect(
        counts.some((f) => f.module === module && (walked.get(f.key) ?? 0) > 0),
        `${module} has a figure above zero`,
      ).toBe(true);
    const d = await checkDashboard(s.secretary, q, walked);
    expect(d.modules.map((m: { module: string }) => m.module)).toEqual([
      'petitions',
      'cadres',
      'policies',
      'pledges',
      'accountability',
      'admonitions',
      'inquiries',
      'appointments',
      'econ_audits',
      'assessments',
      'disclosure',
    ]);
    const petitionsModule = d.modules[0];
    expect(
      petitionsModule.cards.find((c: FigureOut) => c.key === 'petitions.received').value,
    ).toBeGreaterThan(0);
    // the trend has the twelve months of the year, the comparison 大兴镇's offices and villages
    expect(petitionsModule.trends[0].points.map((p: Point) => p.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(petitionsModule.byOrg[0].points.map((p: Point) => p.label)).toEqual(
      expect.arrayContaining(['党政办', '东风村', '柳湾村']),
    );
  }, 240_000);

  it('equals its drill-down for the district, which compares its townships', async () => {
    const q = `orgId=${org.district}&${YEAR}`;
    const { walked } = await walkEveryFigure(s.district, q);
    const d = await checkDashboard(s.district, q, walked);
    const received = d.modules[0].byOrg.find((c: Chart) => c.figure === 'petitions.received');
    expect(received.points.map((p: Point) => p.label)).toEqual(['大兴镇', '青山镇']);
    expect(received.points.every((p: Point) => p.value > 0)).toBe(true);
    // 谈话诫勉, 函询, 经济责任审计, 责任追究 and 选拔任用 too: a trend by month and the townships compared, adding up to the card
    for (const [module, key] of [
      ['admonitions', 'admonitions.started'],
      ['inquiries', 'inquiries.sent'],
      ['econ_audits', 'econ_audits.audits'],
      ['accountability', 'accountability.records'],
      ['appointments', 'appointments.cases'],
    ]) {
      const m = d.modules.find((x: { module: string }) => x.module === module);
      expect(m.trends.map((c: Chart) => c.figure)).toEqual([key]);
      expect(m.byOrg.map((c: Chart) => c.figure)).toEqual([key]);
      expect(m.trends[0].points).toHaveLength(12);
      expect(m.byOrg[0].points.map((p: Point) => p.label)).toEqual(['大兴镇', '青山镇']);
      const card = m.cards.find((c: FigureOut) => c.key === key).value;
      expect(card, key).toBeGreaterThan(0);
      for (const chart of [m.trends[0], m.byOrg[0]])
        expect(
          chart.points.reduce((n: number, p: Point) => n + p.value, 0),
          key,
        ).toBe(card);
    }
    // this year as of today, too
    await checkDashboard(s.district, `orgId=${org.district}`);
  }, 240_000);

  it('is hidden, every figure and panel of every module, from each role without its permission; shown to those with it', async () => {
    const q = `orgId=${org.daxing}&${YEAR}`;
    let refused = 0;
    for (const role of BUILTIN_ROLES.filter((r) => r.adminClass === null)) {
      const who = await signIn(
        t,
        (await makeUser(t.ctx, { orgId: org.daxing, roles: [role.code], dataScope: 'subtree' })).username,
      );
      const may = (p: string) => (role.permissions as string[]).includes(p);
      const list = await call(t, who, 'GET', `/api/v1/figures?${q}`);
      expect(list.statusCode, role.code).toBe(200);
      const listed = new Set(list.json().figures.map((f: FigureOut) => f.key));
      for (const f of allFigures()) {
        expect(listed.has(f.key), `${role.code} lists ${f.key}`).toBe(may(f.permission));
        if (may(f.permission)) continue;
        const named = await call(t, who, 'GET', `/api/v1/figures?keys=${f.key}&${q}`);
        expect(named.statusCode, `${role.code} ${f.key}`).toBe(403);
        expect(named.body).not.toMatch(/"value"/);
        const rows = await call(t, who, 'GET', `/api/v1/figures/${f.key}/records?${q}`);
        expect(rows.statusCode, `${role.code} ${f.key} records`).toBe(403);
        refused++;
      }
      const dash = await call(t, who, 'GET', `/api/v1/dashboard?${q}`);
      if (!may('dashboard.view')) {
        expect(dash.statusCode, role.code).toBe(403);
        continue;
      }
      expect(dash.statusCode, role.code).toBe(200);
      const d = dash.json();
      for (const m of d.modules)
        for (const c of [...m.cards, ...m.trends, ...m.byOrg, ...m.categories]) {
          const key = c.key ?? c.figure;
          expect(may(allFigures().find((f) => f.key === key)!.permission), `${role.code} ${key}`).toBe(true);
        }
      // the panels (诫勉跟踪考察中, 任前公示中 …) likewise: exactly those whose records the role may open
      expect(
        d.panels.map((p: { key: string }) => p.key),
        role.code,
      ).toEqual(
        dashboardPanels()
          .filter((p) => may(p.permission))
          .map((p) => p.key),
      );
    }
    console.log(
      `[figures] hidden from roles without the permission: ${refused} (role, figure) pairs refused`,
    );
    expect(refused).toBeGreaterThan(allFigures().length);
  }, 240_000);

  it('is hidden from a role that may not see the records', async () => {
    expect((await call(t, s.clerk, 'GET', '/api/v1/dashboard')).statusCode).toBe(403);
    expect((await call(t, s.orgOfficer, 'GET', '/api/v1/dashboard')).statusCode).toBe(403);
    expect((await call(t, s.clerk, 'GET', '/api/v1/dashboard/export.xlsx')).statusCode).toBe(403);
    // the district's organisation department sees the cadres, the policies, the pledges, accountability, the admonitions, the appointments and the audits, not a number about the petitions
    const res = await call(t, s.districtOrg, 'GET', `/api/v1/dashboard?orgId=${org.district}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().modules.map((m: { module: string }) => m.module)).toEqual([
      'cadres',
      'policies',
      'pledges',
      'accountability',
      'admonitions',
      'inquiries',
      'appointments',
      'econ_audits',
      'assessments',
      'disclosure',
    ]);
    expect(res.body).not.toContain('petitions.');
    for (const f of allFigures().filter((f) => f.module === 'petitions'))
      expect((await call(t, s.districtOrg, 'GET', `/api/v1/figures/${f.key}/records`)).statusCode).toBe(403);
  });
});

describe('the dashboard route', () => {
  it('refuses an org outside the caller’s scope as if it did not exist', async () => {
    for (const id of [org.qingshan, org.district, 999_999]) {
      const res = await call(t, s.secretary, 'GET', `/api/v1/dashboard?orgId=${id}`);
      expect(res.statusCode, String(id)).toBe(404);
      expect(
        (await call(t, s.secretary, 'GET', `/api/v1/dashboard/export.xlsx?orgId=${id}`)).statusCode,
      ).toBe(404);
    }
  });

  it('names the bad parameters in a 400', async () => {
    const bad: [string, RegExp][] = [
      ['asof=2025-12-31', /不支持的查询参数：asof/],
      ['org_id=3', /不支持的查询参数：org_id/],
      ['orgId=abc', /orgId|组织/],
      ['from=2025-13-01', /日期/],
      ['from=2025-06-01&to=2025-01-01', /./],
      ['asOf=2099-01-01', /./],
    ];
    for (const [q, message] of bad) {
      const res = await call(t, s.secretary, 'GET', `/api/v1/dashboard?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error), q).toMatch(message);
    }
    const slice = [
      'breakdown=month',
      'slice=2025-03',
      'breakdown=week&slice=1',
      'breakdown=month&slice=2025-3',
      'breakdown=org&slice=abc',
    ];
    for (const q of slice)
      expect(
        (await call(t, s.secretary, 'GET', `/api/v1/figures/petitions.received/records?${q}`)).statusCode,
        q,
      ).toBe(400);
    // a figure without a month (posts held on a day) has no trend to drill
    const inPost = await call(
      t,
      s.secretary,
      'GET',
      '/api/v1/figures/cadres.in_post/records?breakdown=month&slice=2026-01',
    );
    expect(inPost.statusCode).toBe(400);
    expect(inPost.json().error.fields).toHaveProperty('breakdown');
  });

  it('lists who is late on what across the subtree, each township compared', async () => {
    const d = (await call(t, s.district, 'GET', `/api/v1/dashboard?orgId=${org.district}`)).json();
    expect(d.todos.today).toBe('2026-03-02');
    expect(d.todos.overdue).toBeGreaterThan(0);
    expect(d.todos.byOrg.map((g: { label: string }) => g.label)).toEqual(['大兴镇', '青山镇']);
    expect(d.todos.byOrg.reduce((n: number, g: { overdue: number }) => n + g.overdue, 0)).toBe(
      d.todos.overdue,
    );
    const byPerson = d.todos.byPerson.reduce((n: number, g: { overdue: number }) => n + g.overdue, 0);
    expect(byPerson).toBeGreaterThan(0);
    expect(byPerson).toBeLessThanOrEqual(d.todos.overdue);
    expect(d.todos.late.length).toBe(Math.min(50, d.todos.overdue));
    for (const row of d.todos.late) {
      expect(row.dueOn < d.todos.today).toBe(true);
      expect(row.overdueDays).toBeGreaterThan(0);
      expect(row.assignee).toBeTruthy();
    }
    // the same as the to-dos table says: open step to-dos of the district due before today
    const open = await t.ctx.db
      .select({ dueOn: todos.dueOn })
      .from(todos)
      .where(and(eq(todos.status, 'open'), eq(todos.kind, 'step')));
    expect(d.todos.overdue).toBe(open.filter((r) => r.dueOn && r.dueOn < '2026-03-02').length);
    // a township sees its own only
    const town = (await call(t, s.secretary, 'GET', `/api/v1/dashboard?orgId=${org.daxing}`)).json();
    expect(town.todos.overdue).toBe(d.todos.byOrg[0].overdue);
  });

  it('shows the district organisation department no petition to-do: neither a title nor a count', async () => {
    // 区委组织部 opens the dashboard but not petitions (no petition.read)
    const orgDept = (await call(t, s.districtOrg, 'GET', `/api/v1/dashboard?orgId=${org.district}`)).json();
    const discipline = (await call(t, s.district, 'GET', `/api/v1/dashboard?orgId=${org.district}`)).json();
    const petitionTodos = await t.ctx.db
      .select({ id: todos.id, title: todos.title, dueOn: todos.dueOn })
      .from(todos)
      .where(and(eq(todos.status, 'open'), eq(todos.kind, 'step'), eq(todos.recordType, 'petition')));
    const latePetitions = petitionTodos.filter((r) => r.dueOn && r.dueOn < discipline.todos.today);
    expect(latePetitions.length, 'the demo has late petition to-dos').toBeGreaterThan(0);
    // the discipline commission sees them …
    const seen = new Set(discipline.todos.late.map((l: { id: number }) => l.id));
    expect(latePetitions.some((r) => seen.has(r.id))).toBe(true);
    // … the organisation department sees none of them, and its counts leave them out
    const lateIds = new Set(latePetitions.map((r) => r.id));
    for (const row of orgDept.todos.late) expect(lateIds.has(row.id)).toBe(false);
    const titles = JSON.stringify(orgDept.todos);
    for (const r of latePetitions) expect(titles).not.toContain(r.title);
    expect(orgDept.todos.overdue).toBeLessThanOrEqual(discipline.todos.overdue - latePetitions.length);
    expect(orgDept.todos.open).toBeLessThanOrEqual(discipline.todos.open - petitionTodos.length);
  });

  it('knows every kind of workflow to-do the demo leaves, so none is hidden from everyone', async () => {
    const kinds = await t.ctx.db
      .selectDistinct({ type: todos.recordType })
      .from(todos)
      .where(eq(todos.kind, 'step'));
    expect(kinds.length).toBeGreaterThan(1);
    for (const { type } of kinds) expect(registeredTodoTypes().has(type), type).toBe(true);
  });

  it('leaves out what a party secretary related to a named cadre must not see: counts and late titles', async () => {
    // the cadre named in the most of 大兴镇's petitions with an open to-do
    const named = await t.ctx.db
      .select({ cadreId: petitionSubjects.cadreId, petitionId: petitions.id, code: petitions.code })
      .from(petitionSubjects)
      .innerJoin(petitions, eq(petitions.id, petitionSubjects.petitionId))
      .where(eq(petitions.orgId, org.daxing));
    const openTodos = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.status, 'open'), eq(todos.kind, 'step')));
    const lateCadres = openTodos
      .filter((x) => x.dueOn && x.dueOn < '2026-03-02')
      .flatMap((x) => x.subjectCadreIds);
    const cadreId = named.find((n) => n.cadreId !== null && lateCadres.includes(n.cadreId))?.cadreId;
    expect(cadreId, 'the demo has a late to-do about a named cadre').toBeTruthy();
    const theirs = named.filter((n) => n.cadreId === cadreId);
    const receivedOn = new Map(
      (await t.ctx.db.select({ id: petitions.id, on: petitions.receivedOn }).from(petitions)).map((p) => [
        p.id,
        p.on,
      ]),
    );
    const before = (await call(t, s.secretary, 'GET', `/api/v1/dashboard?orgId=${org.daxing}`)).json();

    const relative = await makeUser(t.ctx, {
      orgId: org.daxing,
      roles: ['party_secretary'],
      dataScope: 'subtree',
    });
    await t.ctx.db.insert(recusals).values({ userId: relative.id, cadreId: cadreId!, reason: 'family' });
    const rs = await signIn(t, relative.username);
    const res = await call(t, rs, 'GET', `/api/v1/dashboard?orgId=${org.daxing}`);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.note).toMatch(/回避/);
    const received = (d: typeof before) =>
      d.modules[0].cards.find((c: FigureOut) => c.key === 'petitions.received').value as number;
    // this year's cases naming the cadre are not counted (the card is this year, as of today)
    const hidden = new Set(
      named
        .filter((n) => n.cadreId === cadreId)
        .map((n) => n.petitionId)
        .filter((id) => (receivedOn.get(id) ?? '') >= '2026-01-01'),
    );
    expect(received(after)).toBe(received(before) - hidden.size);
    // its late to-dos are gone from the count and the list; no title of its cases reaches the page
    const subtree = new Set(
      (await t.ctx.db.select({ id: orgs.id, path: orgs.path }).from(orgs))
        .filter((o) => o.path.includes(`/${org.daxing}/`))
        .map((o) => o.id),
    );
    const recusedLate = openTodos.filter(
      (x) =>
        subtree.has(x.orgId) && x.dueOn && x.dueOn < '2026-03-02' && x.subjectCadreIds.includes(cadreId!),
    );
    expect(recusedLate.length).toBeGreaterThan(0);
    expect(after.todos.overdue).toBe(before.todos.overdue - recusedLate.length);
    for (const x of recusedLate) {
      expect(after.todos.late.map((l: { id: number }) => l.id)).not.toContain(x.id);
      expect(res.body).not.toContain(x.title);
    }
    for (const n of theirs) expect(res.body).not.toContain(n.code);
    // and the drill-downs agree with the numbers the relative sees
    await checkDashboard(rs, `orgId=${org.daxing}`);
  }, 120_000);

  it('shows a registered panel to whom it is for, its value the rows it lists; none when none is registered', async () => {
    const q = `orgId=${org.daxing}`;
    // the modules' own panels (诫勉跟踪考察中, 审计整改超期事项) set aside: this is about the mechanism
    unregisterDashboardPanel(trackingPanel.key);
    unregisterDashboardPanel(noticePanel.key);
    unregisterDashboardPanel(objectionsPanel.key);
    unregisterDashboardPanel(overdueItemsPanel.key);
    unregisterDashboardPanel(lastPlacePanel.key);
    expect((await call(t, s.secretary, 'GET', `/api/v1/dashboard?${q}`)).json().panels).toEqual([]);
    registerDashboardPanel({
      key: 'test.late_petitions',
      module: 'test',
      label: '测试面板',
      unit: '件',
      definition: '测试：截至日期超期的信访件',
      permission: 'petition.read',
      columns: [{ key: 'code', label: '登记编号' }],
      async load(scope, limit) {
        const rows = await scope.db
          .select({ id: petitions.id, code: petitions.code })
          .from(petitions)
          .innerJoin(orgs, eq(orgs.id, petitions.orgId))
          .where(
            and(sql`${orgs.path} like ${`${scope.org.path}%`}`, sql`${petitions.dueOn} < ${scope.asOf}`),
          );
        return {
          items: rows.slice(0, limit).map((r) => ({
            id: String(r.id),
            link: `/petitions/${r.id}`,
            label: r.code,
            cells: { code: r.code },
          })),
          total: rows.length,
        };
      },
    });
    try {
      const d = (await call(t, s.secretary, 'GET', `/api/v1/dashboard?${q}`)).json();
      expect(d.panels).toHaveLength(1);
      expect(d.panels[0]).toMatchObject({ key: 'test.late_petitions', label: '测试面板', unit: '件' });
      expect(d.panels[0].value).toBeGreaterThan(0);
      expect(d.panels[0].items.length).toBe(Math.min(10, d.panels[0].value));
      // the district's organisation department may not read petitions: no panel for it
      const other = (await call(t, s.districtOrg, 'GET', `/api/v1/dashboard?orgId=${org.district}`)).json();
      expect(other.panels).toEqual([]);
    } finally {
      unregisterDashboardPanel('test.late_petitions');
      registerDashboardPanel(trackingPanel);
      registerDashboardPanel(noticePanel);
      registerDashboardPanel(objectionsPanel);
      registerDashboardPanel(overdueItemsPanel);
      registerDashboardPanel(lastPlacePanel);
    }
  });

  it('exports the dashboard as a workbook with one sheet per module', async () => {
    const res = await call(
      t,
      s.secretary,
      'GET',
      `/api/v1/dashboard/export.xlsx?orgId=${org.daxing}&${YEAR}`,
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '信访举报',
      '干部队伍',
      '制度汇编',
      '任期承诺',
      '责任追究',
      '谈话诫勉',
      '函询',
      '选拔任用',
      '经济责任审计',
      '考核',
      '政务村务公开',
      '待办超期',
      '诫勉跟踪考察中',
      '任前公示中',
      '公示异议待办结',
      '审计整改超期事项',
      '单位考评排名末位',
    ]);
    const sheet = wb.getWorksheet('信访举报')!;
    const dash = (await call(t, s.secretary, 'GET', `/api/v1/dashboard?orgId=${org.daxing}&${YEAR}`)).json();
    const card = dash.modules[0].cards.find((c: FigureOut) => c.key === 'petitions.received');
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === '收件总数')!;
    expect(row.getCell(3).value).toBe(card.value);
    expect(String(row.getCell(2).value)).toContain('统计期内登记收件');
    expect(row.getCell(5).value).toBe('2025-12-31');
    // the policy library's cards: the demo's 2025 institutions and the coverage of their reading
    const policies = dash.modules.find((m: { module: string }) => m.module === 'policies');
    expect(policies.label).toBe('制度汇编');
    const policyCards = Object.fromEntries(policies.cards.map((c: FigureOut) => [c.key, c.value]));
    expect(Object.keys(policyCards)).toEqual([
      'policies.adopted',
      'policies.revised',
      'policies.read_due',
      'policies.read_done',
      'policies.coverage',
    ]);
    expect(policyCards['policies.adopted']).toBeGreaterThan(0);
    expect(policyCards['policies.coverage']).toBe(
      ratioPercent(policyCards['policies.read_done'], policyCards['policies.read_due']),
    );
    const coverage = wb
      .getWorksheet('制度汇编')!
      .getRows(1, 20)!
      .find((r) => r.getCell(1).value === '制度学习覆盖率')!;
    expect(coverage.getCell(3).value).toBe(policyCards['policies.coverage']);
  });
});
