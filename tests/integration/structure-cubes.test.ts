import { and, asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { distributions, headline, type StructureCadre } from '../../src/domain/assessments/structure.js';
import { structureCubes } from '../../src/server/modules/assessments/schema.js';
import { setStoredStructure } from '../../src/server/modules/assessments/structure.js';
import {
  refreshStructure,
  STRUCTURE_REFRESH_MS,
  structureRefreshJob,
} from '../../src/server/modules/assessments/structure-refresh.js';
import { cadres, tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { backupTables } from '../../src/server/platform/backup/tables.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, openAnotherInstance, type TestApp } from '../support/test-app.js';

/**
 * 素质结构's stored counts (structure_cubes): what they give is what counting the tenures gives, for
 * the district, a township, a level and a reader who recuses; a change drops exactly the days it
 * reaches, so a correction shows at once — on this instance and on another. Today is 2026-03-02.
 */
let t: TestApp;
let district: { id: number; path: string };
let townA: { id: number; path: string };
let townB: { id: number; path: string };
let village: { id: number; path: string };
let officer: Session; // the district's organisation officer, a cadre of the district themself
let plain: Session; // an officer who recuses from no one
let c: Record<string, number>;
let tenure: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  district = await makeOrg(t.ctx, '测区', null, 'district');
  townA = await makeOrg(t.ctx, '甲镇', district.id);
  townB = await makeOrg(t.ctx, '乙镇', district.id);
  village = await makeOrg(t.ctx, '甲村', townA.id, 'village');
  const people = [
    ['张一', townA.id, '男', '1995-04-01', 'bachelor', 'cpc'],
    ['李二', townA.id, '女', '1970-06-01', 'high_school', 'none'],
    ['王三', village.id, '男', '1992-12-31', 'college', 'cpc'],
    ['赵四', village.id, '女', '1988-01-15', 'secondary', 'league'],
    ['钱五', townB.id, '男', '1965-03-01', 'postgraduate', 'cpc'],
    ['孙六', townB.id, '女', '1999-09-09', 'bachelor', 'probationary'],
    ['周七', district.id, '男', '1980-05-05', 'bachelor', 'cpc'],
  ] as const;
  const ids = await insertCadres(
    t.ctx.db,
    t.ctx,
    people.map(([name, orgId, gender, birthDate, education, politicalStatus]) => ({
      orgId,
      name,
      gender,
      birthDate,
      education,
      politicalStatus,
      ethnicity: '汉族',
      status: 'active' as const,
    })),
    'manual',
  );
  c = Object.fromEntries(people.map(([name], i) => [name, ids[i]]));
  const post = (
    name: string,
    orgId: number,
    level: string,
    startDate: string,
    endDate: string | null = null,
  ) => ({
    cadreId: c[name],
    orgId,
    title: '职务',
    level,
    startDate,
    endDate,
  });
  const rows = await t.ctx.db
    .insert(tenures)
    .values([
      post('张一', townA.id, 'fuke', '2021-03-01'),
      post('李二', townA.id, 'zhengke', '2018-01-01', '2024-06-30'),
      post('王三', village.id, 'village', '2025-06-01'),
      post('赵四', village.id, 'village', '2019-01-01'),
      post('赵四', townA.id, 'fuke', '2023-02-01'), // two posts at once: counted once
      post('钱五', townB.id, 'zhengke', '2015-01-01'),
      post('孙六', townB.id, 'fuke', '2022-07-01'),
      post('周七', district.id, 'zhengke', '2020-01-01'),
    ])
    .returning({ id: tenures.id, cadreId: tenures.cadreId, orgId: tenures.orgId });
  tenure = {
    王三: rows.find((r) => r.cadreId === c.王三)!.id,
    孙六: rows.find((r) => r.cadreId === c.孙六)!.id,
    钱五: rows.find((r) => r.cadreId === c.钱五)!.id,
    张一: rows.find((r) => r.cadreId === c.张一)!.id,
  };
  const user = async (cadreId?: number) =>
    signIn(t, (await makeUser(t.ctx, { orgId: district.id, roles: ['org_officer'], cadreId })).username);
  officer = await user(c.周七);
  plain = await user();
}, 120_000);
afterEach(() => setStoredStructure(true));
afterAll(async () => t?.close());

async function structure(who: Session, query = '', app: TestApp = t) {
  const q = query.includes('orgId=') ? query.slice(1) : `orgId=${district.id}${query}`;
  const res = await call(app, who, 'GET', `/api/v1/assessments/structure?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The answer from the stored counts — and that it is the one counted from the tenures. */
async function sameBothWays(who: Session, query = '', app: TestApp = t) {
  const stored = await structure(who, query, app);
  setStoredStructure(false);
  const live = await structure(who, query, app);
  setStoredStructure(true);
  expect(stored).toEqual(live);
  return stored;
}

/** The days of the rows a reader uses (stale ones are read as missing), or of the stale ones. */
const storedDays = async (orgId = district.id, level = '', stale = false) =>
  (
    await t.ctx.db
      .select({ day: structureCubes.day })
      .from(structureCubes)
      .where(
        and(
          eq(structureCubes.orgId, orgId),
          eq(structureCubes.level, level),
          eq(structureCubes.stale, stale),
        ),
      )
      .orderBy(asc(structureCubes.day))
  )
    .map((r) => r.day)
    .filter((d) => d !== 'infinity'); // the row of the subtree's levels
const staleDays = (orgId = district.id, level = '') => storedDays(orgId, level, true);

/** Whether the org's row of the levels offered is stale. */
const levelsStale = async (orgId = district.id) =>
  (
    await t.ctx.db
      .select({ stale: structureCubes.stale })
      .from(structureCubes)
      .where(and(eq(structureCubes.orgId, orgId), eq(structureCubes.day, 'infinity')))
  )[0]?.stale;

/** When each stored row of the org was built: a view that builds nothing leaves them as they were. */
const builtAt = async (orgId = district.id) =>
  (
    await t.ctx.db
      .select({ day: structureCubes.day, level: structureCubes.level, at: structureCubes.builtAt })
      .from(structureCubes)
      .where(eq(structureCubes.orgId, orgId))
      .orderBy(asc(structureCubes.day), asc(structureCubes.level))
  ).map((r) => `${r.day} ${r.level} ${new Date(r.at).toISOString()}`);

/**
 * The answer as the domain counts it from the rows themselves (an oracle beside the SQL): the
 * district's cadres not deleted with a post held on the day, their earliest such post's start.
 */
async function domainAnswer(days: string[], on: string) {
  const all = await t.ctx.db
    .select({ tenure: tenures, cadre: cadres, path: orgs.path })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .innerJoin(orgs, eq(orgs.id, tenures.orgId));
  const inPost = (day: string): StructureCadre[] => {
    const held = new Map<number, StructureCadre>();
    for (const { tenure: tn, cadre: cd, path } of all) {
      if (!path.startsWith(district.path) || cd.deletedAt) continue;
      if (tn.startDate > day || (tn.endDate !== null && tn.endDate <= day)) continue;
      const seen = held.get(cd.id);
      if (!seen || tn.startDate < seen.postSince) held.set(cd.id, { ...cd, postSince: tn.startDate });
    }
    return [...held.values()];
  };
  const groups = distributions(inPost(on), on).map((d) => ({
    dimension: d.dimension,
    groups: d.groups.map((g) => ({ key: g.key, count: g.count, share: g.share })),
  }));
  return { groups, trend: days.map((day) => ({ on: day, ...headline(inPost(day), day) })) };
}

/** The API's answer for the reader who recuses from no one equals the domain's count. */
async function sameAsDomain(s: any) {
  const expected = await domainAnswer(
    s.trend.map((y: any) => y.on),
    s.on,
  );
  expect(
    s.distributions.map((d: any) => ({
      dimension: d.dimension,
      groups: d.groups.map((g: any) => ({ key: g.key, count: g.count, share: g.share })),
    })),
  ).toEqual(expected.groups);
  expect(s.trend.map(({ year, ...y }: any) => y)).toEqual(expected.trend);
}

const totals = (s: any) => s.trend.map((y: any) => [y.on, y.total]);

describe('the stored structure counts', () => {
  it('keeps the years and the day per org and level, and answers as the tenures do', async () => {
    const first = await sameBothWays(plain);
    expect(await storedDays()).toEqual([
      '2022-12-31',
      '2023-12-31',
      '2024-12-31',
      '2025-12-31',
      '2026-03-02',
    ]);
    expect(totals(first)).toEqual([
      ['2022-12-31', 6],
      ['2023-12-31', 6],
      ['2024-12-31', 5],
      ['2025-12-31', 6],
      ['2026-03-02', 6],
    ]);
    expect(first.total).toBe(6);
    await sameAsDomain(first);
    // read again from the rows alone: the same
    expect(await structure(plain)).toEqual(first);
    // a reader who recuses from themself (周七, in post at the district): the stored counts less theirs
    const recusing = await sameBothWays(officer);
    expect(recusing.total).toBe(5);
    expect(totals(recusing).map((x: any) => x[1])).toEqual([5, 5, 4, 5, 5]);
    // a township, a level, an earlier day: each its own rows
    expect((await sameBothWays(plain, '&level=fuke')).total).toBe(3);
    expect(await storedDays(district.id, 'fuke')).toHaveLength(5);
    expect((await sameBothWays(plain, `&orgId=${townA.id}&on=2024-05-01`)).total).toBe(3);
    expect(await storedDays(townA.id)).toHaveLength(4);
  });

  it('shows a tenure corrected backwards at once, dropping only the days from the change on', async () => {
    await sameBothWays(plain);
    // 王三 took office on 2025-06-01; the record is corrected to 2023-05-01
    const [row] = await t.ctx.db.select().from(tenures).where(eq(tenures.id, tenure.王三));
    const fixed = await call(t, officer, 'PUT', `/api/v1/tenures/${tenure.王三}`, {
      startDate: '2023-05-01',
      version: row.version,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(await storedDays()).toEqual(['2022-12-31']);
    const after = await sameBothWays(plain);
    expect(totals(after).map((x: any) => x[1])).toEqual([6, 7, 6, 6, 6]);
    await sameAsDomain(after);
    expect(await storedDays()).toHaveLength(5);
    // a post ended today reaches today only: the past year-ends stay
    const ended = await call(t, officer, 'POST', `/api/v1/tenures/${tenure.孙六}/end`, {
      endDate: '2026-03-02',
      endReason: 'transfer',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await storedDays()).toEqual(['2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31']);
    const today = await sameBothWays(plain);
    expect(today.total).toBe(5);
    // a new post counts from its start: in another township, held since 2024 by 李二 again
    const started = await call(t, officer, 'POST', `/api/v1/cadres/${c.李二}/tenures`, {
      orgId: townB.id,
      title: '副镇长',
      level: 'fuke',
      startDate: '2024-09-01',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(await storedDays()).toEqual(['2022-12-31', '2023-12-31']);
    expect(totals(await sameBothWays(plain)).map((x: any) => x[1])).toEqual([6, 7, 7, 7, 6]);
    // a post of a new level from next month: no day counted so far changes, the levels offered do
    expect((await structure(plain)).levels).not.toContain('group');
    await t.ctx.db.insert(tenures).values({
      cadreId: c.孙六,
      orgId: townB.id,
      title: '组长',
      level: 'group',
      startDate: '2026-06-01',
    });
    expect(await storedDays()).toHaveLength(5);
    expect((await sameBothWays(plain)).levels).toContain('group');
  });

  it('drops every day of a cadre’s orgs when a counted attribute changes, and nothing for another edit', async () => {
    const before = await sameBothWays(plain);
    await t.ctx.db.update(cadres).set({ namePinyin: 'qianwu' }).where(eq(cadres.id, c.钱五));
    expect(await storedDays()).toHaveLength(5);
    await t.ctx.db.update(cadres).set({ education: 'secondary' }).where(eq(cadres.id, c.钱五));
    expect(await storedDays()).toEqual([]);
    const after = await sameBothWays(plain);
    expect(after.trend.map((y: any) => y.collegeOrAbove)).not.toEqual(
      before.trend.map((y: any) => y.collegeOrAbove),
    );
    await sameAsDomain(after);
    // a cadre deleted leaves every count it was in
    await t.ctx.db.update(cadres).set({ deletedAt: t.clock.now() }).where(eq(cadres.id, c.钱五));
    expect((await sameBothWays(plain)).total).toBe(after.total - 1);
  });

  it('drops the stored rows when an org moves, and holds on another instance', async () => {
    await sameBothWays(plain);
    await sameBothWays(plain, '', t);
    const movedFrom = (await structure(plain)).total;
    const townBefore = (await sameBothWays(plain, `&orgId=${townB.id}`)).total;
    // 甲村 moves from 甲镇 to 乙镇
    await t.ctx.db
      .update(orgs)
      .set({ parentId: townB.id, path: `${townB.path}${village.id}/` })
      .where(eq(orgs.id, village.id));
    expect(await t.ctx.db.select().from(structureCubes)).toEqual([]);
    expect((await sameBothWays(plain, `&orgId=${townB.id}`)).total).toBeGreaterThan(townBefore);
    expect((await sameBothWays(plain)).total).toBe(movedFrom);
    // another instance on the same database writes; this one's next answer has it
    const other = await openAnotherInstance(t);
    try {
      const s = await structure(plain);
      const [row] = await t.ctx.db.select().from(tenures).where(eq(tenures.id, tenure.张一));
      const res = await call(other, officer, 'PUT', `/api/v1/tenures/${tenure.张一}`, {
        startDate: '2026-01-01',
        version: row.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      const after = await sameBothWays(plain);
      expect(after.trend.at(-2).total).toBe(s.trend.at(-2).total - 1);
      expect(await sameBothWays(plain, '', other)).toEqual(after);
    } finally {
      await other.close();
    }
  });

  it('adds the new year-end when the clock passes it, counted as the tenures give', async () => {
    const now = await sameBothWays(plain);
    expect(now.trend.at(-1).on).toBe('2026-03-02');
    const saved = t.clock.current;
    try {
      t.clock.current = new Date('2027-01-05T02:00:00Z');
      const later = await signIn(
        t,
        (await makeUser(t.ctx, { orgId: district.id, roles: ['org_officer'] })).username,
      );
      const next = await sameBothWays(later);
      expect(next.on).toBe('2027-01-05');
      expect(next.trend.map((y: any) => y.on)).toEqual([
        '2023-12-31',
        '2024-12-31',
        '2025-12-31',
        '2026-12-31',
        '2027-01-05',
      ]);
      expect(await storedDays()).toEqual(expect.arrayContaining(['2026-12-31', '2027-01-05']));
      // the day asked on 2026-03-02 is no year-end: gone a week later, on the next build
      expect(await storedDays()).not.toContain('2026-03-02');
    } finally {
      t.clock.current = saved;
    }
  });

  it('marks what a change reaches stale, and the refresh builds exactly that again for the next view', async () => {
    await t.ctx.db.delete(structureCubes); // what the tests before left (another clock's days)
    await sameBothWays(plain);
    await sameBothWays(plain, `&orgId=${townA.id}`);
    await sameBothWays(plain, '&level=fuke');
    const untouched = await builtAt(townB.id);
    // 周七 also held a post in 甲镇 from 2025-05-01 (entered late): 2025-12-31 and today are reached
    await t.ctx.db.insert(tenures).values({
      cadreId: c.周七,
      orgId: townA.id,
      title: '挂职',
      level: 'fuke',
      startDate: '2025-05-01',
    });
    expect(await staleDays()).toEqual(['2025-12-31', '2026-03-02']);
    expect(await staleDays(townA.id)).toEqual(['2025-12-31', '2026-03-02']);
    expect(await staleDays(district.id, 'fuke')).toEqual(['2025-12-31', '2026-03-02']);
    expect(await storedDays()).toEqual(['2022-12-31', '2023-12-31', '2024-12-31']);
    expect(await levelsStale()).toBe(true); // a new post may bring a new level
    const earlier = await builtAt();
    // per org and level: the district, the district's 副科, 甲镇 (each org's levels row with its '')
    expect(await refreshStructure(t.ctx)).toEqual({ groups: 3, left: 0 });
    expect(await staleDays()).toEqual([]);
    expect(await storedDays()).toHaveLength(5);
    expect(await storedDays(townA.id)).toHaveLength(5);
    expect(await storedDays(district.id, 'fuke')).toHaveLength(5);
    // only the stale rows were built again; 乙镇's, which the change did not reach, are as they were
    const rebuilt = await builtAt();
    expect(rebuilt.filter((r) => earlier.includes(r)).map((r) => r.slice(0, 10))).toEqual([
      '2022-12-31',
      '2022-12-31',
      '2023-12-31',
      '2023-12-31',
      '2024-12-31',
      '2024-12-31',
    ]);
    expect(await builtAt(townB.id)).toEqual(untouched);
    // the next views read the refreshed rows and build nothing: right, and warm
    const s = await sameBothWays(plain);
    await sameAsDomain(s);
    await sameBothWays(plain, '&level=fuke');
    expect(await builtAt()).toEqual(rebuilt);
    // nothing stale: the refresh has nothing to do
    expect(await refreshStructure(t.ctx)).toEqual({ groups: 0, left: 0 });
    // a post ended today reaches today, and not the levels offered (no post's level changed)
    const [held] = await t.ctx.db.select().from(tenures).where(eq(tenures.id, tenure.王三));
    const ended = await call(t, officer, 'POST', `/api/v1/tenures/${tenure.王三}/end`, {
      endDate: '2026-03-02',
      endReason: 'transfer',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await staleDays()).toEqual(['2026-03-02']);
    expect(await levelsStale()).toBe(false);
    expect((await sameBothWays(plain)).levels).toEqual(s.levels);
    await t.ctx.db
      .update(tenures)
      .set({ endDate: null, endReason: null, version: held.version + 2 })
      .where(eq(tenures.id, tenure.王三));
    expect(await levelsStale()).toBe(false);
    await refreshStructure(t.ctx);
    // an org deleted after a change reached its rows: they go, nothing is built for it
    const townC = await makeOrg(t.ctx, '丙镇', district.id);
    await sameBothWays(plain, `&orgId=${townC.id}`);
    expect(await storedDays(townC.id)).toHaveLength(5);
    await t.ctx.db.insert(tenures).values({
      cadreId: c.周七,
      orgId: townC.id,
      title: '挂职',
      level: 'fuke',
      startDate: '2026-01-01',
    });
    await t.ctx.db.update(orgs).set({ deletedAt: t.clock.now() }).where(eq(orgs.id, townC.id));
    expect(await staleDays(townC.id)).toEqual(['2026-03-02']);
    expect((await refreshStructure(t.ctx)).left).toBe(0);
    expect(await t.ctx.db.select().from(structureCubes).where(eq(structureCubes.orgId, townC.id))).toEqual(
      [],
    );
  });

  it('refreshes on the scheduler once the clock passes the job’s interval', async () => {
    const scheduler = new Scheduler(t.ctx, {
      jobs: { recurring: [structureRefreshJob()], oneOff: [] },
      log: () => {},
    });
    const saved = t.clock.current;
    try {
      await t.ctx.db.delete(structureCubes);
      await sameBothWays(plain);
      await scheduler.tick(); // this slot's run, with nothing stale
      const [row] = await t.ctx.db.select().from(tenures).where(eq(tenures.id, tenure.张一));
      const res = await call(t, officer, 'PUT', `/api/v1/tenures/${tenure.张一}`, {
        startDate: '2021-06-01',
        version: row.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await staleDays()).toHaveLength(5);
      await scheduler.tick(); // the same slot: already run
      expect(await staleDays()).toHaveLength(5);
      t.clock.advance(STRUCTURE_REFRESH_MS);
      expect(await scheduler.tick()).toBe(1);
      expect(await staleDays()).toEqual([]);
      expect(await storedDays()).toHaveLength(5);
      const built = await builtAt();
      await sameAsDomain(await sameBothWays(plain));
      expect(await builtAt()).toEqual(built);
    } finally {
      t.clock.current = saved;
    }
  });

  it('counts a new day ahead for what readers asked for in the last week, and then stops', async () => {
    const saved = t.clock.current;
    try {
      await t.ctx.db.delete(structureCubes);
      const viewed = await sameBothWays(plain, '&level=fuke');
      expect(viewed.on).toBe('2026-03-02');
      // past midnight in China (16:00 UTC): the refresh counts 2026-03-03 for the district's 副科
      t.clock.current = new Date('2026-03-02T16:30:00Z');
      await refreshStructure(t.ctx);
      expect(await storedDays(district.id, 'fuke')).toContain('2026-03-03');
      expect(await storedDays()).toEqual([]); // nobody asked for the district as a whole
      const built = await builtAt();
      const morning = await signIn(
        t,
        (await makeUser(t.ctx, { orgId: district.id, roles: ['org_officer'] })).username,
      );
      const next = await sameBothWays(morning, '&level=fuke');
      expect(next.on).toBe('2026-03-03');
      expect(await builtAt()).toEqual(built); // the morning's first view built nothing
      // a week and a day with no view that counted: no longer counted ahead
      t.clock.current = new Date('2026-03-10T16:30:00Z');
      await refreshStructure(t.ctx);
      expect(await storedDays(district.id, 'fuke')).not.toContain('2026-03-11');
    } finally {
      t.clock.current = saved;
    }
  });

  it('drops, not recounts, what a change reaches of an org nobody asked for in the last week', async () => {
    const saved = t.clock.current;
    try {
      await t.ctx.db.delete(structureCubes);
      await sameBothWays(plain);
      await sameBothWays(plain, `&orgId=${townB.id}`);
      t.clock.current = new Date('2026-03-12T02:00:00Z'); // ten days on, no view since
      const later = await signIn(
        t,
        (await makeUser(t.ctx, { orgId: district.id, roles: ['org_officer'] })).username,
      );
      await sameBothWays(later, `&orgId=${townB.id}`); // 乙镇 is read again today; the district is not
      await t.ctx.db.insert(tenures).values({
        cadreId: c.孙六,
        orgId: townB.id,
        title: '兼职',
        level: 'fuke',
        startDate: '2025-03-01',
      });
      expect(await staleDays()).toEqual(['2025-12-31', '2026-03-02']);
      expect(await staleDays(townB.id)).toEqual(['2025-12-31', '2026-03-12']);
      expect(await refreshStructure(t.ctx)).toEqual({ groups: 1, left: 0 });
      // the district's reached rows are gone, its others stay; 乙镇's are built again
      expect(await staleDays()).toEqual([]);
      expect(await storedDays()).toEqual(['2022-12-31', '2023-12-31', '2024-12-31']);
      expect(await levelsStale()).toBeUndefined();
      expect(await storedDays(townB.id)).toEqual([
        '2022-12-31',
        '2023-12-31',
        '2024-12-31',
        '2025-12-31',
        '2026-03-12',
      ]);
      // the district's next view counts what went, right
      await sameAsDomain(await sameBothWays(later));
    } finally {
      t.clock.current = saved;
    }
  });

  // one connection on the embedded database: no writer beside the job
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'leaves an org a writer holds stale for the next run',
    async () => {
      await t.ctx.db.delete(structureCubes);
      await sameBothWays(plain);
      const writer = new pg.Client({ connectionString: t.databaseUrl });
      await writer.connect();
      try {
        await writer.query('begin');
        await writer.query(`update tenures set start_date = start_date - 1 where id = $1`, [tenure.张一]);
        // the writer's own transaction marked the rows; uncommitted, the job does not see them yet
        expect(await refreshStructure(t.ctx)).toEqual({ groups: 0, left: 0 });
        await writer.query('commit');
        await writer.query('begin');
        await writer.query(`update tenures set start_date = start_date + 1 where id = $1`, [tenure.张一]);
        await writer.query('commit');
        // now held by another writer while the job runs: skipped, left stale
        await writer.query('begin');
        await writer.query(`select pg_advisory_xact_lock_shared(7432, $1::int)`, [district.id]);
        const held = await refreshStructure(t.ctx);
        expect(held.left).toBeGreaterThan(0);
        expect(await staleDays()).toHaveLength(5);
        await writer.query('commit');
        expect(await refreshStructure(t.ctx)).toEqual({ groups: held.left, left: 0 });
        expect(await staleDays()).toEqual([]);
      } finally {
        await writer.end();
      }
    },
  );

  it('stores nothing while a writer holds an org of the subtree, and still answers right', async () => {
    if (!t.databaseUrl) return; // one connection on the embedded database: no writer beside the read
    const writer = new pg.Client({ connectionString: t.databaseUrl });
    await writer.connect();
    try {
      await t.ctx.db.delete(structureCubes);
      await writer.query('begin');
      await writer.query(`update tenures set level = level where id = $1`, [tenure.钱五]);
      await writer.query(`update tenures set start_date = start_date - 1 where id = $1`, [tenure.钱五]);
      const s = await sameBothWays(plain);
      expect(s.total).toBeGreaterThan(0);
      expect(await storedDays()).toEqual([]);
      await writer.query('rollback');
      await sameBothWays(plain);
      expect(await storedDays()).toHaveLength(5);
    } finally {
      await writer.end();
    }
  });
});

// the stored rows are derived data: not backed up
it('keeps structure_cubes out of the backup', () => {
  expect(backupTables().map((b) => b.name)).not.toContain('structure_cubes');
});
