import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../src/cli/demo/petition-life.js';
import { econAudits } from '../../src/server/modules/audits/schema.js';
import { collectTimeline } from '../../src/server/modules/cadres/providers.js';
import { departureEvents, tenures } from '../../src/server/modules/cadres/schema.js';
import { endTenureIn } from '../../src/server/modules/cadres/tenures/end-tenure.js';
import { loadTenure } from '../../src/server/modules/cadres/tenures/load-tenure.js';
import { postCadre } from '../support/cadre-helpers.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let s: Session;
let officerName: string;
let town: { id: number };
let secretary: { id: number; version: number };
let deputy: { id: number };
let post: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  town = await makeOrg(t.ctx, '大兴镇');
  const u = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
  officerName = u.username;
  s = await signIn(t, u.username);
  secretary = await postCadre(t, s, { orgId: town.id, name: '周正', currentPosition: '原任职务' });
  deputy = await postCadre(t, s, { orgId: town.id, name: '吴副' });
  post = (
    await call(t, s, 'POST', '/api/v1/positions', {
      orgId: town.id,
      title: '党委书记',
      level: 'zhengke',
      isPrincipal: true,
    })
  ).json();
});
afterAll(async () => t.close());

const tenuresOf = async (id: number) => (await call(t, s, 'GET', `/api/v1/cadres/${id}/tenures`)).json();
const events = () => t.ctx.db.select().from(departureEvents);

describe('taking up a post', () => {
  it('sets the probation end from the rule, and keeps 现任职务 in step', async () => {
    const res = await call(t, s, 'POST', `/api/v1/cadres/${secretary.id}/tenures`, {
      positionId: post.id,
      startDate: '2025-04-10',
      probation: true,
      note: '提拔任职',
    });
    expect(res.statusCode).toBe(200);
    const [tenure] = await tenuresOf(secretary.id);
    expect(tenure).toMatchObject({
      title: '党委书记',
      level: 'zhengke',
      isPrincipal: true,
      probationEnd: '2026-04-10',
    });
    const detail = (await call(t, s, 'GET', `/api/v1/cadres/${secretary.id}`)).json();
    expect(detail.currentPosition).toBe('党委书记');
    expect(detail.version).toBe(secretary.version + 1);
  });

  it('reads the probation rule in force on the start date', async () => {
    const admin = await makeUser(t.ctx, { orgId: town.id, roles: ['sys_admin'], dataScope: 'all' });
    const a = await signIn(t, admin.username);
    const revised = await call(t, a, 'POST', '/api/v1/rules/appointment.probation/versions', {
      value: 6,
      effectiveFrom: '2026-04-01',
      source: '试行办法',
    });
    expect(revised.statusCode).toBe(200);
    const before = await postCadre(t, s, { orgId: town.id, name: '甲' });
    const after = await postCadre(t, s, { orgId: town.id, name: '乙' });
    const take = (id: number, startDate: string) =>
      call(t, s, 'POST', `/api/v1/cadres/${id}/tenures`, {
        orgId: town.id,
        title: '副镇长',
        level: 'fuke',
        startDate,
        probation: true,
      });
    expect((await take(before.id, '2026-03-31')).statusCode).toBe(200);
    expect((await take(after.id, '2026-04-01')).statusCode).toBe(200);
    expect((await tenuresOf(before.id))[0].probationEnd).toBe('2027-03-31');
    expect((await tenuresOf(after.id))[0].probationEnd).toBe('2026-10-01');
  });

  it('refuses a second principal in an occupied post, and the same cadre in it twice', async () => {
    const clash = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/tenures`, {
      positionId: post.id,
      startDate: '2025-09-01',
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().error.message).toBe('该职务已有在任正职，请先办理其离任');
    const missing = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/tenures`, {
      startDate: '2025-09-01',
    });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['level', 'orgId', 'title']);
  });
});

describe('leaving a post', () => {
  it('never ends a post before it began, whichever module ends it (endTenureIn), and writes nothing', async () => {
    const made = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/tenures`, {
      orgId: town.id,
      title: '党政办主任',
      level: 'middle_principal',
      isPrincipal: true,
      startDate: '2025-03-01',
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        const actor = await demoActor(tx, officerName);
        const tenure = await loadTenure(tx, actor, id);
        await endTenureIn(tx, t.ctx, actor, tenure, { endDate: '2025-02-28', endReason: 'transfer' });
      }),
    ).rejects.toMatchObject({ message: '离任日期不能早于任职日期' });
    const [row] = await t.ctx.db.select().from(tenures).where(eq(tenures.id, id));
    expect(row.endDate).toBeNull();
    expect(await t.ctx.db.select().from(departureEvents).where(eq(departureEvents.tenureId, id))).toEqual([]);
    expect(await t.ctx.db.select().from(econAudits).where(eq(econAudits.tenureId, id))).toEqual([]);
  });

  it('records a departure event when a principal leaves, and none for a deputy', async () => {
    const dep = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/tenures`, {
      orgId: town.id,
      title: '副镇长',
      level: 'fuke',
      startDate: '2024-01-15',
    });
    const early = await call(t, s, 'POST', `/api/v1/tenures/${dep.json().id}/end`, {
      endDate: '2024-01-14',
      endReason: 'transfer',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.endDate).toBe('离任日期不能早于任职日期');
    const badReason = await call(t, s, 'POST', `/api/v1/tenures/${dep.json().id}/end`, {
      endDate: '2025-01-14',
      endReason: 'vanished',
    });
    expect(badReason.statusCode).toBe(400);
    expect(
      (
        await call(t, s, 'POST', `/api/v1/tenures/${dep.json().id}/end`, {
          endDate: '2025-12-31',
          endReason: 'transfer',
        })
      ).statusCode,
    ).toBe(200);
    expect(await events()).toEqual([]);

    const [principal] = await tenuresOf(secretary.id);
    const left = await call(t, s, 'POST', `/api/v1/tenures/${principal.id}/end`, {
      endDate: '2026-02-28',
      endReason: 'removal',
    });
    expect(left.statusCode).toBe(200);
    const [event] = await events();
    expect(event).toMatchObject({
      cadreId: secretary.id,
      tenureId: principal.id,
      orgId: town.id,
      leftOn: '2026-02-28',
      reason: 'removal',
    });
    // the audits module turns it into a draft departure audit in the same transaction
    expect(event.consumedAt).not.toBeNull();
    const [draft] = await t.ctx.db.select().from(econAudits).where(eq(econAudits.departureEventId, event.id));
    expect(draft).toMatchObject({ status: 'draft', periodFrom: '2025-04-10', periodTo: '2026-02-28' });
    const again = await call(t, s, 'POST', `/api/v1/tenures/${principal.id}/end`, {
      endDate: '2026-03-01',
      endReason: 'removal',
    });
    expect(again.statusCode).toBe(422);
    expect((await call(t, s, 'GET', `/api/v1/cadres/${secretary.id}`)).json().currentPosition).toBeNull();

    // the post is free again from the day it was left
    const next = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/tenures`, {
      positionId: post.id,
      startDate: '2026-02-28',
    });
    expect(next.statusCode).toBe(200);
  });

  it('corrects dates with the version; the departure event and its draft departure audit follow; overlaps are refused', async () => {
    const [ended] = (await tenuresOf(secretary.id)).filter((x: any) => x.endDate);
    const body = {
      startDate: ended.startDate,
      endDate: '2026-02-20',
      probationEnd: ended.probationEnd,
      note: '更正',
      version: ended.version,
    };
    expect((await call(t, s, 'PUT', `/api/v1/tenures/${ended.id}`, body)).statusCode).toBe(200);
    const [event] = await t.ctx.db
      .select()
      .from(departureEvents)
      .where(eq(departureEvents.tenureId, ended.id));
    expect(event.leftOn).toBe('2026-02-20');
    const [draft] = await t.ctx.db.select().from(econAudits).where(eq(econAudits.tenureId, ended.id));
    expect(draft.periodTo).toBe('2026-02-20');
    expect((await call(t, s, 'PUT', `/api/v1/tenures/${ended.id}`, body)).statusCode).toBe(409);
    const overlap = await call(t, s, 'PUT', `/api/v1/tenures/${ended.id}`, {
      ...body,
      endDate: '2026-03-01',
      version: ended.version + 1,
    });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().error.message).toContain('日期不能重叠');
    const reopen = await call(t, s, 'PUT', `/api/v1/tenures/${ended.id}`, {
      ...body,
      endDate: null,
      version: ended.version + 1,
    });
    expect(reopen.statusCode).toBe(400);
  });

  it('lists 任职 and 离任 on the supervision-file timeline, newest first', async () => {
    const actor = { permissions: new Set<string>() } as any;
    const entries = await collectTimeline(t.ctx.db, actor, secretary.id);
    const mine = entries.filter((e) => e.kind === 'tenure');
    expect(mine.map((e) => [e.date, e.title])).toEqual([
      ['2026-02-20', '离任：大兴镇党委书记'],
      ['2025-04-10', '任职：大兴镇党委书记'],
    ]);
    expect(mine[0].detail).toBe('离任原因：免职');
    expect(mine[1].detail).toContain('试用期至 2026-04-10');
  });
});

describe('concurrent posts', () => {
  it('adds, lists and removes a post held alongside', async () => {
    const village = await makeOrg(t.ctx, '东村', town.id, 'village');
    const add = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/concurrent-posts`, {
      orgId: village.id,
      title: '第一书记',
      startDate: '2025-03-01',
    });
    expect(add.statusCode).toBe(200);
    const list = (await call(t, s, 'GET', `/api/v1/cadres/${deputy.id}/concurrent-posts`)).json();
    expect(list).toMatchObject([
      { orgName: '东村', title: '第一书记', startDate: '2025-03-01', endDate: null },
    ]);
    const bad = await call(t, s, 'POST', `/api/v1/cadres/${deputy.id}/concurrent-posts`, {
      orgId: village.id,
      title: 'x',
      startDate: '2025-03-01',
      endDate: '2025-02-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await call(t, s, 'DELETE', `/api/v1/cadres/${deputy.id}/concurrent-posts/${list[0].id}`)).statusCode,
    ).toBe(200);
    expect((await call(t, s, 'GET', `/api/v1/cadres/${deputy.id}/concurrent-posts`)).json()).toEqual([]);
    expect(
      (await call(t, s, 'DELETE', `/api/v1/cadres/${secretary.id}/concurrent-posts/${list[0].id}`))
        .statusCode,
    ).toBe(404);
  });
});
