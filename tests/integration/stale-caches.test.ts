import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerJobs } from '../../src/server/jobs.js';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { rules } from '../../src/server/platform/rules/schema.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import {
  act,
  type PetitionWorld,
  petitionWorkflowWorld,
  postPetition,
} from '../support/petition-workflow-world.js';
import { anonymousReport, portalPost, solved } from '../support/portal-helpers.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

/**
 * The freeze of issue 8: the rules and calendar caches reloaded through the outer handle when stale,
 * from inside the transactions of register, transitions, extension, the ledger import and the portal;
 * on the embedded database (one connection) that waited for ever. Here every cache is let go stale
 * before each step — by the context's clock and by the process's own Date, so the test also catches a
 * cache that still reads the wall clock — and the refresh at the start of a request (or a scheduler
 * tick) is held back, so the handlers and jobs themselves meet stale caches inside their transactions.
 * Every request must answer within seconds. The last test lets the refresh run and sees it work.
 */
let t: TestApp;
let w: PetitionWorld;
let orgOfficer: Session;
let holdRefresh: { mockRestore(): void };

const longestRefreshMs = () => Math.max(...t.ctx.caches.caches.map((c) => c.refreshMs));

/** Moves both clocks past every cache's refresh interval, keeping the sessions alive. */
async function everyCacheStale() {
  t.clock.advance(longestRefreshMs() + 1_000);
  vi.setSystemTime(t.clock.now());
  const now = t.clock.now();
  await t.ctx.db.update(sessions).set({ createdAt: now, lastSeenAt: now }).where(isNull(sessions.endedAt));
  expect(t.ctx.caches.caches.every((c) => c.isStale())).toBe(true);
}

/**
 * A request that has not answered in 30 s is the freeze (which never answers): fail instead of
 * hanging. Generous, so that a loaded machine running the whole suite is not taken for a freeze.
 */
async function answered<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within 30 s`)), 30_000);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function step(what: string, run: () => Promise<{ statusCode: number; body: string }>) {
  await everyCacheStale();
  const res = await answered(what, run());
  expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
  return res as Awaited<ReturnType<typeof call>>;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T01:00:00Z')) });
  vi.setSystemTime(t.clock.now());
  registerJobs(); // every job of the server: reminders, escalations, the petitions' overdue sweep
  w = await petitionWorkflowWorld(t);
  orgOfficer = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: w.town.id, roles: ['org_officer'] })).username,
  );
  holdRefresh = vi.spyOn(t.ctx.caches, 'refreshStale').mockResolvedValue(undefined);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

const body = () => ({
  orgId: w.town.id,
  channel: 'letter',
  receivedOn: '2026-03-02',
  realName: true,
  reporter: { name: '孙志强', phone: '13812345678' },
  title: '反映村干部优亲厚友问题',
  content: '低保评定中优亲厚友。',
  category: 'village_affairs',
  subjects: [],
});

describe('every transaction-bearing step with every cache stale', () => {
  it('a case from the portal and from the office runs to its end, each step answered', async () => {
    const challenge = await solved(t); // solved before the caches go stale: the submission is the first request after
    const portal = await step('portal submission', async () =>
      portalPost(t, '/api/v1/portal/submissions', { ...anonymousReport(w.town.id), challenge }),
    );
    expect(portal.json().receiptCode).toEqual(expect.any(String));

    const registered = await step('register', async () =>
      call(t, w.s.officer, 'POST', '/api/v1/petitions', body()),
    );
    const id = registered.json().id as number;
    const steps: [string, Session, string, Record<string, unknown>][] = [
      ['accept', w.s.officer, 'accept', {}],
      [
        'investigate',
        w.s.officer,
        'investigate',
        { disposal: 'preliminary_check', investigatorUserId: w.ids.investigator },
      ],
      ['report', w.s.investigator, 'report', { report: '经初步核实，反映问题部分属实。' }],
    ];
    for (const [what, s, action, extra] of steps) await step(what, () => act(t, s, id, action, extra));
    const version = async () => (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${id}`)).json().version;
    await step('opinion', async () =>
      call(t, w.s.officer, 'POST', `/api/v1/petitions/${id}/opinions`, {
        version: await version(),
        content: '建议对其进行谈话提醒。',
      }),
    );
    for (const [what, s, action, extra] of [
      ['submit', w.s.officer, 'submit', {}],
      ['approve', w.s.secretary, 'approve', {}],
      ['reply', w.s.officer, 'reply', { reply: '经核查，已责令整改。' }],
      ['conclude', w.s.officer, 'conclude', {}],
    ] as const)
      await step(what, () => act(t, s, id, action, extra));

    const other = await postPetition(t, w.s.officer, body());
    await step('accept another', () => act(t, w.s.officer, other.id, 'accept'));
    await step('extension', async () =>
      call(t, w.s.officer, 'POST', `/api/v1/petitions/${other.id}/extension`, {
        version: (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${other.id}`)).json().version,
        days: 10,
        reason: '案情复杂，需进一步核实',
      }),
    );
  }, 300_000);

  it('the ledger import, the scheduler, a cadre appointment and the administrators’ edits answer too', async () => {
    const ledger = await step('ledger export', () =>
      call(t, w.s.officer, 'GET', '/api/v1/petitions/ledger.xlsx'),
    );
    const importer = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: w.other.id, roles: ['discipline_officer'] })).username,
    );
    await everyCacheStale();
    const started = await answered(
      'ledger import',
      upload(
        t,
        importer,
        `/api/v1/petitions/ledger/import?orgId=${w.other.id}`,
        ledger.rawPayload,
        '台帐.xlsx',
      ),
    );
    expect(started.statusCode, started.body).toBe(200);
    for (;;) {
      const job = (
        await call(t, importer, 'GET', `/api/v1/petitions/ledger/imports/${started.json().id}`)
      ).json();
      if (job.status === 'running') {
        await new Promise((r) => setTimeout(r, 25));
        continue;
      }
      expect(job, job.message).toMatchObject({ status: 'succeeded' });
      break;
    }

    await everyCacheStale();
    const ran = await answered('scheduler tick', new Scheduler(t.ctx, { log: () => {} }).tick());
    expect(ran).toBeGreaterThan(0);

    const cadre = await step('cadre', () =>
      call(t, orgOfficer, 'POST', '/api/v1/cadres', { orgId: w.town.id, name: '陈新任', status: 'active' }),
    );
    await step('tenure (reads the probation rule inside its transaction)', () =>
      call(t, orgOfficer, 'POST', `/api/v1/cadres/${cadre.json().id}/tenures`, {
        orgId: w.town.id,
        title: '党政办主任',
        level: 'middle_principal',
        startDate: '2026-03-02',
        probation: true,
      }),
    );

    const admin = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: w.district.id, roles: ['sys_admin'], dataScope: 'all' })).username,
    );
    await step('rule edit', () =>
      call(t, admin, 'POST', '/api/v1/rules/petition.handling/versions', {
        value: 60,
        effectiveFrom: '2026-04-01',
        source: '信访工作条例',
      }),
    );
    await step('calendar edit', () =>
      call(t, admin, 'PUT', '/api/v1/calendar/2026-04-06', { kind: 'holiday', name: '清明节' }),
    );
  }, 300_000);

  it('an edit made by another instance arrives after the interval, read outside the transaction', async () => {
    holdRefresh.mockRestore();
    await everyCacheStale();
    const before = await postPetition(t, w.s.officer, body());
    expect(before.dueOn).toBe(dueAfter(15));
    // another instance adds a version of the acceptance period straight into the table
    await t.ctx.db.insert(rules).values({
      key: 'petition.acceptance',
      version: 99,
      name: '信访事项受理告知期限',
      value: 7,
      unit: 'days',
      source: '测试：另一实例',
      effectiveFrom: '2026-01-01',
    });
    expect((await postPetition(t, w.s.officer, body())).dueOn).toBe(dueAfter(15)); // not yet: within the interval
    await everyCacheStale();
    const after = await postPetition(t, w.s.officer, body());
    expect(after.dueOn).toBe(dueAfter(7));
  }, 120_000);
});

/** The acceptance due date of a letter received 2026-03-02 under an N-day rule. */
function dueAfter(days: number): string {
  const d = new Date(Date.UTC(2026, 2, 2 + days));
  return d.toISOString().slice(0, 10);
}
