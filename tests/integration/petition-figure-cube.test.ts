import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setStoredCounts } from '../../src/server/modules/petitions/figures/cube.js';
import { petitionFigureCubes } from '../../src/server/modules/petitions/figures/cube-schema.js';
import {
  petitionDocuments,
  petitionEvents,
  petitionSubjects,
  petitions,
} from '../../src/server/modules/petitions/schema.js';
import { CUBES_JOB, registerPetitionJobs } from '../../src/server/modules/petitions/workflow/jobs.js';
import { backupTables } from '../../src/server/platform/backup/tables.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { letter, registerDirect } from '../support/petition-workflow-world.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The stored petition counts (petition_figure_cubes): every figure, group and slice they give is
 * the one counted from the petitions, for every period shape and reader; a change to a petition,
 * an event or a document drops exactly the cubes it reaches, and the figures stay right after it.
 * The demo: today is 2026-03-02; 大兴镇 and 青山镇 under 新城区.
 */
let t: TestApp;
let org: { district: number; daxing: number; qingshan: number };
let secretary: Session;
let district: Session;
const KEYS = () =>
  allFigures()
    .filter((f) => f.module === 'petitions')
    .map((f) => f.key)
    .join(',');

beforeAll(async () => {
  t = await createDemoTestApp(); // the demo, loaded once per run (tests/support/demo-app.ts)
  const named = async (name: string) =>
    (
      await t.ctx.db
        .select()
        .from(orgs)
        .where(and(eq(orgs.name, name), isNull(orgs.deletedAt)))
    )[0].id;
  org = { district: await named('新城区'), daxing: await named('大兴镇'), qingshan: await named('青山镇') };
  const user = async (orgId: number, roles: string[], cadreId?: number) =>
    signIn(t, (await makeUser(t.ctx, { orgId, roles, dataScope: 'subtree', cadreId })).username);
  secretary = await user(org.daxing, ['party_secretary']);
  district = await user(org.district, ['district_discipline']);
}, DEMO_HOOK_TIMEOUT);
afterEach(() => setStoredCounts(true));
afterAll(async () => t.close());

/** Every petition figure of the query, by month and by child org: from the cubes, or from the petitions. */
async function figuresOf(who: Session, query: string, stored: boolean) {
  setStoredCounts(stored);
  const out: unknown[] = [];
  for (const by of ['month', 'org']) {
    const res = await call(t, who, 'GET', `/api/v1/figures?keys=${KEYS()}&${query}&breakdown=${by}`);
    expect(res.statusCode, res.body).toBe(200);
    out.push(res.json());
  }
  setStoredCounts(true);
  return out;
}

const cubesOf = async (asOf: string) =>
  t.ctx.db
    .select({ orgId: petitionFigureCubes.orgId })
    .from(petitionFigureCubes)
    .where(eq(petitionFigureCubes.asOf, asOf))
    .orderBy(asc(petitionFigureCubes.orgId));
const hasCube = async (orgId: number, asOf: string) => (await cubesOf(asOf)).some((c) => c.orgId === orgId);

/** Both ways, and the stored way did read cubes (every org of the subtree has its cube for the day). */
async function sameBothWays(who: Session, query: string, asOf: string | null) {
  const stored = await figuresOf(who, query, true);
  if (asOf) expect(await hasCube(org.daxing, asOf), `${query}: a cube for ${asOf}`).toBe(true);
  const live = await figuresOf(who, query, false);
  expect(stored).toEqual(live);
  return stored as { figures: { key: string; value: number | null }[] }[];
}
const figureValue = (got: { figures: { key: string; value: number | null }[] }[], key: string) =>
  got[0].figures.find((f) => f.key === key)!.value;

describe('the stored counts', () => {
  it('give every figure, group and slice the petitions give: year, quarter, this year, a mid-year as-of date', async () => {
    const cases: [Session, string, string | null][] = [
      [secretary, `orgId=${org.daxing}&from=2025-01-01&to=2025-12-31`, '2025-12-31'],
      [district, `orgId=${org.district}&from=2025-01-01&to=2025-12-31`, '2025-12-31'],
      [district, `orgId=${org.district}&from=2025-04-01&to=2025-06-30`, '2025-06-30'],
      [secretary, `orgId=${org.daxing}&from=2026-01-01&to=2026-12-31`, '2026-03-02'],
      [district, `orgId=${org.district}&from=2025-01-01&to=2025-12-31&asOf=2025-08-15`, '2025-08-15'],
      // a period not of whole months is counted from the petitions; so is one older than the year before its end
      [district, `orgId=${org.district}&from=2025-03-10&to=2025-11-20`, null],
      [district, `orgId=${org.district}&from=2024-01-01&to=2026-02-28`, null],
    ];
    for (const [who, query, asOf] of cases) {
      const got = await sameBothWays(who, query, asOf);
      if (asOf === '2025-12-31') expect(figureValue(got, 'petitions.received')).toBeGreaterThan(0);
    }
    expect(await cubesOf('2025-11-20')).toEqual([]);
    expect(await cubesOf('2026-02-28')).toEqual([]);
  });

  it('lose exactly the cubes a change reaches, and the figures stay right after each change', async () => {
    const YEAR = `orgId=${org.district}&from=2025-01-01&to=2025-12-31`;
    const before = await sameBothWays(district, YEAR, '2025-12-31');
    const [p] = await t.ctx.db
      .select()
      .from(petitions)
      .where(
        and(
          eq(petitions.orgId, org.daxing),
          sql`${petitions.receivedOn} between '2025-03-01' and '2025-05-31'`,
        ),
      )
      .orderBy(asc(petitions.id))
      .limit(1);
    // a category corrected: every cube of the org from the day of receipt on goes, the other township's stays
    const other = (
      await t.ctx.db
        .select()
        .from(petitions)
        .where(sql`${petitions.category} is distinct from ${p.category}`)
        .limit(1)
    )[0];
    await t.ctx.db.update(petitions).set({ category: other.category }).where(eq(petitions.id, p.id));
    expect(await hasCube(org.daxing, '2025-12-31')).toBe(false);
    expect(await hasCube(org.daxing, '2025-06-30')).toBe(false);
    expect(await hasCube(org.qingshan, '2025-12-31')).toBe(true);
    const recategorised = await sameBothWays(district, YEAR, '2025-12-31');
    expect(recategorised).not.toEqual(before);

    // an opinion dated in the year, written later (the counter on the petition moves too)
    await t.ctx.db
      .insert(petitionDocuments)
      .values({ petitionId: p.id, kind: 'opinion', content: '补录的处理意见', occurredOn: '2025-09-01' });
    expect(await hasCube(org.daxing, '2025-12-31')).toBe(false);
    const withOpinion = await sameBothWays(district, YEAR, '2025-12-31');
    expect(figureValue(withOpinion, 'petitions.opinions')).toBe(
      figureValue(recategorised, 'petitions.opinions')! + 1,
    );

    // a step recorded later for 2025-07-01 on a case with later steps (the petition row stays): from that day on
    await sameBothWays(district, `orgId=${org.district}&from=2025-04-01&to=2025-06-30`, '2025-06-30');
    const [q] = await t.ctx.db
      .select()
      .from(petitions)
      .where(
        and(
          eq(petitions.orgId, org.daxing),
          sql`${petitions.receivedOn} < '2025-06-01' and ${petitions.lastStepOn} > '2025-07-01'`,
        ),
      )
      .limit(1);
    expect(q, 'the demo has a case of the first half with a step after July').toBeTruthy();
    await t.ctx.db.insert(petitionEvents).values({
      petitionId: q.id,
      action: 'report',
      fromStatus: 'investigating',
      toStatus: 'reported',
      occurredOn: '2025-07-01',
      dueOn: '2025-08-01',
      disposal: 'preliminary_check',
      extensionDays: 0,
    });
    expect(await hasCube(org.daxing, '2025-12-31')).toBe(false);
    expect(await hasCube(org.daxing, '2025-06-30')).toBe(true);
    await sameBothWays(district, YEAR, '2025-12-31');

    // an event removed: from its date on
    const [e] = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, p.id))
      .orderBy(sql`${petitionEvents.occurredOn} desc`)
      .limit(1);
    await t.ctx.db.delete(petitionEvents).where(eq(petitionEvents.id, e.id));
    expect(await hasCube(org.daxing, '2025-12-31')).toBe(e.occurredOn > '2025-12-31');
    await sameBothWays(district, YEAR, '2025-12-31');

    // a letter registered today: this year's cube as of today goes, last year's stays
    const THIS_YEAR = `orgId=${org.district}&from=2026-01-01&to=2026-12-31`;
    const earlier = await sameBothWays(district, THIS_YEAR, '2026-03-02');
    await registerDirect(t, letter(org.daxing));
    expect(await hasCube(org.daxing, '2026-03-02')).toBe(false);
    expect(await hasCube(org.daxing, '2025-12-31')).toBe(true);
    const later = await sameBothWays(district, THIS_YEAR, '2026-03-02');
    expect(figureValue(later, 'petitions.received')).toBe(figureValue(earlier, 'petitions.received')! + 1);
  });

  it('take off what a reader must recuse from, exactly as the petitions do', async () => {
    const [named] = await t.ctx.db
      .select({ cadreId: petitionSubjects.cadreId, n: sql<number>`count(*)::int` })
      .from(petitionSubjects)
      .innerJoin(petitions, eq(petitions.id, petitionSubjects.petitionId))
      .where(and(eq(petitions.orgId, org.daxing), sql`${petitionSubjects.cadreId} is not null`))
      .groupBy(petitionSubjects.cadreId)
      .orderBy(sql`count(*) desc`)
      .limit(1);
    const linked = await signIn(
      t,
      (
        await makeUser(t.ctx, {
          orgId: org.daxing,
          roles: ['party_secretary'],
          dataScope: 'subtree',
          cadreId: named.cadreId!,
        })
      ).username,
    );
    const YEAR = `orgId=${org.daxing}&from=2025-01-01&to=2026-02-28`;
    const his = await sameBothWays(linked, YEAR, '2026-02-28');
    const whole = await sameBothWays(secretary, YEAR, '2026-02-28');
    expect(figureValue(his, 'petitions.received')).toBeLessThan(figureValue(whole, 'petitions.received')!);
  });

  it('are derived data: not in a backup', () => {
    const names = backupTables().map((b) => b.name);
    expect(names).not.toContain('petition_figure_cubes');
    expect(names).not.toContain('petition_figure_cells');
    expect(names).toContain('petitions');
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'are not built for an org a writer is changing: the figures are counted from the petitions meanwhile',
    async () => {
      const QUARTER = `orgId=${org.district}&from=2025-07-01&to=2025-09-30`;
      const writer = new pg.Client({ connectionString: t.databaseUrl });
      await writer.connect();
      try {
        await writer.query('begin');
        await writer.query(
          'update petitions set title = title where id = (select min(id) from petitions where org_id = $1)',
          [org.daxing],
        );
        // the writer holds 大兴镇's lock shared: its cube waits, 青山镇's is built
        const during = await figuresOf(district, QUARTER, true);
        expect(await hasCube(org.daxing, '2025-09-30')).toBe(false);
        expect(await hasCube(org.qingshan, '2025-09-30')).toBe(true);
        expect(during).toEqual(await figuresOf(district, QUARTER, false));
        await writer.query('commit');
      } finally {
        await writer.end();
      }
      await sameBothWays(district, QUARTER, '2025-09-30');
    },
  );
});

describe('the nightly build', () => {
  it('builds every org’s cubes of the new day and of last year’s end just after midnight, once per day, and prunes old days', async () => {
    registerPetitionJobs();
    const scheduler = new Scheduler(t.ctx, {
      log: () => {},
      jobs: { recurring: registeredJobs().recurring.filter((j) => j.name === CUBES_JOB), oneOff: [] },
    });
    const everyOrg = (await t.ctx.db.select({ id: orgs.id }).from(orgs).orderBy(asc(orgs.id))).map(
      (o) => o.id,
    );
    await t.ctx.db.delete(petitionFigureCubes);
    // an old day that ended no month goes; a month's end stays for five weeks after its build
    await t.ctx.db.insert(petitionFigureCubes).values([
      { orgId: org.daxing, asOf: '2026-02-10', figures: 'x' },
      { orgId: org.daxing, asOf: '2026-01-31', figures: 'x', builtAt: new Date('2026-02-20T00:00:00Z') },
      { orgId: org.daxing, asOf: '2025-10-31', figures: 'x', builtAt: new Date('2026-01-10T00:00:00Z') },
    ]);
    await scheduler.tick(); // today's slot began at 00:10 (China): it runs
    const ids = async (asOf: string) => (await cubesOf(asOf)).map((c) => c.orgId);
    expect(await ids('2026-03-02')).toEqual(everyOrg);
    expect(await ids('2025-12-31')).toEqual(everyOrg);
    expect(await ids('2026-02-10')).toEqual([]);
    expect(await ids('2026-01-31')).toEqual([org.daxing]);
    expect(await ids('2025-10-31')).toEqual([]);
    // the same day: already run, nothing rebuilt
    await t.ctx.db.delete(petitionFigureCubes).where(eq(petitionFigureCubes.asOf, '2026-03-02'));
    await scheduler.tick();
    expect(await ids('2026-03-02')).toEqual([]);
    // past the next midnight (00:10 China, 16:10 UTC): the new day's cubes
    t.clock.advance(24 * 3600_000);
    await scheduler.tick();
    expect(await ids('2026-03-03')).toEqual(everyOrg);
    // a day later the sessions have lapsed: sign in anew
    const nextDay = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: org.district, roles: ['district_discipline'], dataScope: 'subtree' }))
        .username,
    );
    await sameBothWays(nextDay, `orgId=${org.district}&from=2026-01-01&to=2026-12-31`, '2026-03-03');
  });
});
