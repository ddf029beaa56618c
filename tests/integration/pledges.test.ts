import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { registerFollowTask } from '../../src/server/modules/pledges/portal/follow.js';
import { pledgeFollowers } from '../../src/server/modules/pledges/portal/schema.js';
import { pledgeItems, pledgeProgress, pledges } from '../../src/server/modules/pledges/schema.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { outbox } from '../../src/server/platform/todos/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { upload } from '../support/lrmx-helpers.js';
import { solved } from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// today is 2026-03-02 in China
let t: TestApp;
const s: Record<string, Session> = {};
let east: number;
let c: Record<string, number>;
let tn: Record<string, number>;
const api = (who: string, method: string, url: string, body?: unknown) => call(t, s[who], method, url, body);
const rows = async () => ({
  pledges: Number((await t.ctx.db.select({ n: count() }).from(pledges))[0].n),
  items: Number((await t.ctx.db.select({ n: count() }).from(pledgeItems))[0].n),
  progress: Number((await t.ctx.db.select({ n: count() }).from(pledgeProgress))[0].n),
});

const items = [
  { key: 'road', title: '村道硬化', target: '硬化村道 3 公里', dueOn: '2025-12-31' },
  { key: 'road1', parentKey: 'road', title: '一组村道', target: '1 公里', dueOn: '2025-06-30', weight: 1 },
  { key: 'road2', parentKey: 'road', title: '二组村道', target: '2 公里', dueOn: '2025-12-31', weight: 2 },
  { key: 'water', title: '自来水入户', target: '入户率 100%', dueOn: '2026-06-30' },
];
const pledgeBody = (tenureId: number, extra: object = {}) => ({
  tenureId,
  title: '2024—2026 年任期承诺',
  pledgedOn: '2024-03-01',
  items,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  const town = await makeOrg(t.ctx, '甲镇');
  const other = await makeOrg(t.ctx, '乙镇');
  east = (await makeOrg(t.ctx, '东村', town.id, 'village')).id;
  const far = (await makeOrg(t.ctx, '远村', other.id, 'village')).id;
  const names = ['东书记', '东主任', '远书记', '镇干部'];
  const ids = await insertCadres(
    t.ctx.db,
    t.ctx,
    names.map((name, i) => ({ orgId: [east, east, far, town.id][i], name, status: 'active' as const })),
    'manual',
  );
  c = Object.fromEntries(names.map((n, i) => [n, ids[i]]));
  const made = await t.ctx.db
    .insert(tenures)
    .values([
      { cadreId: c.东书记, orgId: east, title: '东村党支部书记', level: 'village', startDate: '2024-01-01' },
      { cadreId: c.东主任, orgId: east, title: '东村村委会主任', level: 'village', startDate: '2024-01-01' },
      { cadreId: c.远书记, orgId: far, title: '远村党支部书记', level: 'village', startDate: '2024-01-01' },
      {
        cadreId: c.镇干部,
        orgId: town.id,
        title: '党政办主任',
        level: 'middle_principal',
        startDate: '2024-01-01',
      },
    ])
    .returning({ id: tenures.id });
  tn = { 东书记: made[0].id, 东主任: made[1].id, 远书记: made[2].id, 镇干部: made[3].id };
  const user = async (key: string, orgId: number, roles: string[], extra: object = {}) => {
    const u = await makeUser(t.ctx, { orgId, roles, ...extra });
    s[key] = await signIn(t, u.username);
    return u;
  };
  await user('org', town.id, ['org_officer']);
  await user('head', town.id, ['township_head']);
  await user('otherTown', other.id, ['org_officer']);
  await user('cadre', east, ['cadre'], { cadreId: c.东书记, dataScope: 'self' });
  await user('peer', east, ['cadre'], { cadreId: c.东主任, dataScope: 'self' });
  const related = await user('related', town.id, ['org_officer']);
  await t.ctx.db.insert(recusals).values({ userId: related.id, cadreId: c.东书记, reason: 'family' });
});
afterAll(() => t?.close());

it('offers the current village tenures in scope, without the recused cadre', async () => {
  const posts = (res: { json: () => { items: { post: string }[] } }) => res.json().items.map((i) => i.post);
  expect(posts(await api('org', 'GET', '/api/v1/pledges/tenures'))).toEqual([
    '东村党支部书记',
    '东村村委会主任',
  ]);
  expect(posts(await api('related', 'GET', '/api/v1/pledges/tenures'))).toEqual(['东村村委会主任']);
});

describe('承诺 → 践诺 → 述诺 → 评诺', () => {
  let id: number;
  let item: Record<string, number>;

  it('registers a pledge for a village tenure with its item tree', async () => {
    const res = await api('org', 'POST', '/api/v1/pledges', pledgeBody(tn.东书记));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({ cadre: '东书记', village: '东村', post: '东村党支部书记', progress: 0 });
    item = Object.fromEntries(p.items.map((i: { title: string; id: number }) => [i.title, i.id]));
    const road1 = p.items.find((i: { title: string }) => i.title === '一组村道');
    expect(road1.parentId).toBe(item.村道硬化);
  });

  it('the cadre enters their own progress; a parent rolls up from its children, weighted', async () => {
    let res = await api('cadre', 'POST', `/api/v1/me/pledges/${id}/progress`, {
      itemId: item.一组村道,
      reportedOn: '2025-06-20',
      percent: 100,
      evidence: '验收单',
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await api('org', 'POST', `/api/v1/pledges/${id}/progress`, {
      itemId: item.二组村道,
      reportedOn: '2025-09-01',
      percent: 40,
      evidence: '施工照片',
    });
    const p = res.json();
    const progress = (title: string) => p.items.find((i: { title: string }) => i.title === title).progress;
    expect(progress('村道硬化')).toBe(60); // (1×100 + 2×40) / 3
    expect(p.progress).toBe(30); // (60 + 0) / 2: the top-level items carry no weights
    // 兑现率 today: the leaf items due by 2026-03-02 are 一组 (done) and 二组 (40%)
    expect(p).toMatchObject({ due: 2, fulfilled: 1, rate: 50 });
    // as of 2025-06-30 only 一组 is due, and done
    const then = (await api('org', 'GET', `/api/v1/pledges/${id}?asOf=2025-06-30`)).json();
    expect(then).toMatchObject({ due: 1, fulfilled: 1, rate: 100 });
    const list = (await api('head', 'GET', '/api/v1/pledges')).json();
    expect(list.villages).toEqual([
      { orgId: east, village: '东村', pledges: 1, due: 2, fulfilled: 1, rate: 50 },
    ]);
  });

  it("the village's public pledge board shows each pledge's progress and 兑现率, without an account", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/portal/pledges/villages/${east}` });
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board).toMatchObject({ village: { id: east, name: '东村' }, due: 2, fulfilled: 1, rate: 50 });
    expect(board.pledges).toHaveLength(1);
    expect(board.pledges[0]).toMatchObject({
      id,
      cadre: '东书记',
      post: '东村党支部书记',
      progress: 30,
      rate: 50,
    });
    const road2 = board.pledges[0].items.find((i: { title: string }) => i.title === '二组村道');
    expect(road2).toMatchObject({ progress: 40, target: '2 公里', lastReportedOn: '2025-09-01' });
    // the evidence and who entered it stay inside
    expect(res.body).not.toContain('施工照片');
    const town = await t.app.inject({ method: 'GET', url: '/api/v1/portal/pledges/villages/999999' });
    expect(town.statusCode).toBe(404);
  });

  it('a parent item takes no progress of its own; another cadre cannot enter progress on this pledge', async () => {
    const before = await rows();
    let res = await api('org', 'POST', `/api/v1/pledges/${id}/progress`, {
      itemId: item.村道硬化,
      reportedOn: '2025-09-01',
      percent: 50,
      evidence: '—',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.itemId).toBeTruthy();
    res = await api('peer', 'POST', `/api/v1/me/pledges/${id}/progress`, {
      itemId: item.一组村道,
      reportedOn: '2025-09-01',
      percent: 50,
      evidence: '—',
    });
    expect(res.statusCode).toBe(404);
    expect(await rows()).toEqual(before);
  });

  it('述诺 then 评诺: a failure share at the threshold (30%) proposes an admonition talk', async () => {
    let p = (await api('org', 'GET', `/api/v1/pledges/${id}`)).json();
    // no appraisal before the report
    let res = await api('org', 'PUT', `/api/v1/pledges/${id}/appraisal`, {
      satisfied: 5,
      basic: 2,
      unsatisfied: 3,
      appraisedOn: '2026-01-10',
      version: p.version,
    });
    expect(res.statusCode).toBe(422);
    res = await api('org', 'PUT', `/api/v1/pledges/${id}/report`, {
      report: '一年来，村道硬化完成一组……',
      reportedOn: '2026-01-05',
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    p = res.json();
    res = await api('org', 'PUT', `/api/v1/pledges/${id}/appraisal`, {
      satisfied: 5,
      basic: 2,
      unsatisfied: 3,
      appraisedOn: '2026-01-10',
      version: p.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    p = res.json();
    expect(p.appraisal).toMatchObject({ failureShare: 30, threshold: 30, failed: true });
    expect(p.admonitionId).toBeTruthy();
    const [a] = await t.ctx.db.select().from(admonitions).where(eq(admonitions.id, p.admonitionId));
    expect(a).toMatchObject({
      cadreId: c.东书记,
      sourceKind: '民主测评',
      sourceRefType: 'pledge',
      sourceRefId: id,
      openedOn: '2026-01-10',
      status: 'pending_talk',
    });
  });

  it('a share below the threshold proposes nothing', async () => {
    const made = (
      await api('org', 'POST', '/api/v1/pledges', pledgeBody(tn.东主任, { title: '主任承诺' }))
    ).json();
    const r = (
      await api('org', 'PUT', `/api/v1/pledges/${made.id}/report`, {
        report: '述诺',
        reportedOn: '2026-01-05',
        version: made.version,
      })
    ).json();
    const before = Number((await t.ctx.db.select({ n: count() }).from(admonitions))[0].n);
    const res = await api('org', 'PUT', `/api/v1/pledges/${made.id}/appraisal`, {
      satisfied: 6,
      basic: 2,
      unsatisfied: 2,
      appraisedOn: '2026-01-10',
      version: r.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ admonitionId: null, appraisal: { failureShare: 20, failed: false } });
    expect(Number((await t.ctx.db.select({ n: count() }).from(admonitions))[0].n)).toBe(before);
  });
});

describe('figures: pledges made, fulfilled and 兑现率 per village; the drill-down equals the number', () => {
  const q = 'from=2024-01-01&to=2026-12-31&asOf=2026-03-02';
  it('counts as the pledge pages do, by village', async () => {
    const res = await api('org', 'GET', `/api/v1/figures?module=pledges&breakdown=org&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = Object.fromEntries(
      res.json().figures.map((x: { key: string }) => [x.key, x] as const),
    ) as Record<string, { value: number; slices: { key: string; value: number }[] | null }>;
    // two pledges in 东村; each has 一组 and 二组 due by today; only 东书记's 一组 is at 100%
    expect(f['pledges.made'].value).toBe(2);
    expect(f['pledges.items_due'].value).toBe(4);
    expect(f['pledges.items_fulfilled'].value).toBe(1);
    expect(f['pledges.rate'].value).toBe(25);
    const eastSlice = (k: string) => f[k].slices?.find((x) => x.key === String(east))?.value;
    expect(eastSlice('pledges.items_due')).toBe(4);
    expect(eastSlice('pledges.items_fulfilled')).toBe(1);
    for (const key of ['pledges.made', 'pledges.items_due', 'pledges.items_fulfilled']) {
      const rec = (await api('org', 'GET', `/api/v1/figures/${key}/records?${q}&pageSize=50`)).json();
      expect(rec.total, key).toBe(f[key].value);
      expect(rec.items.length, key).toBe(f[key].value);
      const slice = (
        await api('org', 'GET', `/api/v1/figures/${key}/records?${q}&breakdown=org&slice=${east}&pageSize=50`)
      ).json();
      expect(slice.total, key).toBe(eastSlice(key));
    }
    // as of 2025-06-30 only 一组 of each pledge was due; 东书记's was done
    const then = (
      await api('org', 'GET', '/api/v1/figures?module=pledges&from=2024-01-01&to=2026-12-31&asOf=2025-06-30')
    ).json();
    const v = Object.fromEntries(then.figures.map((x: { key: string; value: number }) => [x.key, x.value]));
    expect(v).toMatchObject({ 'pledges.items_due': 2, 'pledges.items_fulfilled': 1, 'pledges.rate': 50 });
  });

  it("the cadre's relative counts none of the cadre's pledge", async () => {
    const res = await api('related', 'GET', `/api/v1/figures?module=pledges&${q}`);
    const v = Object.fromEntries(
      res.json().figures.map((x: { key: string; value: number }) => [x.key, x.value]),
    );
    expect(v).toMatchObject({ 'pledges.made': 1, 'pledges.items_due': 2, 'pledges.items_fulfilled': 0 });
  });
});

describe('佐证材料 files on a progress entry', () => {
  // a 1×1 PNG
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  it('the cadre attaches a photo to their entry; the officer downloads it; the relative and a peer cannot', async () => {
    const [p] = await t.ctx.db.select().from(pledges).where(eq(pledges.cadreId, c.东书记));
    const [entry] = await t.ctx.db
      .select()
      .from(pledgeProgress)
      .where(eq(pledgeProgress.pledgeId, p.id))
      .limit(1);
    const url = `/api/v1/pledges/${p.id}/progress/${entry.id}/attachments`;
    const own = `/api/v1/me/pledges/${p.id}/progress/${entry.id}/attachments`;
    // the cadre may not use the officers' route, nor a peer the cadre's
    expect((await upload(t, s.cadre, url, { name: '照片.png', bytes: png })).statusCode).toBe(403);
    expect((await upload(t, s.peer, own, { name: '照片.png', bytes: png })).statusCode).toBe(404);
    expect((await upload(t, s.related, url, { name: '照片.png', bytes: png })).statusCode).toBe(404);
    const bad = await upload(t, s.cadre, own, { name: '照片.png', bytes: Buffer.from('not a picture') });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    const res = await upload(t, s.cadre, own, { name: '照片.png', bytes: png });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await api('org', 'GET', `/api/v1/pledges/${p.id}`)).json();
    const files = detail.entries.find((e: { id: number }) => e.id === entry.id).files;
    expect(files).toEqual([{ id: res.json().id, fileName: '照片.png' }]);
    const got = await api('org', 'GET', `/api/v1/pledges/${p.id}/attachments/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(Buffer.from(got.rawPayload).equals(png)).toBe(true);
    expect(
      (await api('related', 'GET', `/api/v1/pledges/${p.id}/attachments/${res.json().id}`)).statusCode,
    ).toBe(404);
  });
});

describe('承诺践诺台帐', () => {
  it('lists every item of the pledges in scope with its progress and whether it is fulfilled, without the recused cadre', async () => {
    const sheet = async (who: string) => {
      const res = await api(who, 'GET', '/api/v1/pledges/ledger.xlsx?asOf=2026-03-02');
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const rows: string[][] = [];
      ws.eachRow((r, n) => {
        if (n > 2) rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      return { title: String(ws.getRow(1).getCell(1).value), rows };
    };
    const all = await sheet('org');
    expect(all.title).toContain('应兑现 4 项，已兑现 1 项，兑现率 25%');
    expect(all.rows).toHaveLength(8);
    const road1 = all.rows.find((r) => r[2] === '东书记' && r[4].includes('一组村道'))!;
    expect(road1.slice(8, 11)).toEqual(['100%', '2025-06-20 100%：验收单', '已兑现']);
    const road = all.rows.find((r) => r[2] === '东书记' && r[4] === '村道硬化')!;
    expect(road[10]).toBe('（汇总）');
    expect(road[11]).toContain('不满意 30%');
    const related = await sheet('related');
    expect(related.rows.map((r) => r[2])).not.toContain('东书记');
  });
});

describe('bad input: a Chinese 4xx naming the field, nothing written', () => {
  const refused = async (who: string, url: string, body: unknown, field: string, status = 400) => {
    const before = await rows();
    const res = await api(who, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
    expect(await rows()).toEqual(before);
  };

  it('an item without a target or a due date', async () => {
    const noTarget = items.map((i, n) => (n === 2 ? { ...i, target: '' } : i));
    await refused('org', '/api/v1/pledges', pledgeBody(tn.东书记, { items: noTarget }), 'items.2.target');
    const noDue = items.map((i, n) => (n === 3 ? { ...i, dueOn: null } : i));
    await refused('org', '/api/v1/pledges', pledgeBody(tn.东书记, { items: noDue }), 'items.3.dueOn');
  });

  it('a percentage over 100', async () => {
    const [p] = await t.ctx.db.select().from(pledges).where(eq(pledges.cadreId, c.东书记));
    const [leaf] = await t.ctx.db.select().from(pledgeItems).where(eq(pledgeItems.title, '一组村道'));
    await refused(
      'cadre',
      `/api/v1/me/pledges/${p.id}/progress`,
      { itemId: leaf.id, reportedOn: '2025-10-01', percent: 120, evidence: '照片' },
      'percent',
    );
  });

  it("another township's cadre, and a post outside a village", async () => {
    await refused('org', '/api/v1/pledges', pledgeBody(tn.远书记), 'tenureId', 404);
    await refused('org', '/api/v1/pledges', pledgeBody(tn.镇干部), 'tenureId');
  });
});

describe('scope and recusal', () => {
  it("another township's officer and the cadre's relative see and touch nothing of the pledge", async () => {
    const [p] = await t.ctx.db.select().from(pledges).where(eq(pledges.cadreId, c.东书记));
    for (const who of ['otherTown', 'related']) {
      expect((await api(who, 'GET', `/api/v1/pledges/${p.id}`)).statusCode).toBe(404);
      const list = (await api(who, 'GET', '/api/v1/pledges')).json();
      expect(list.items.map((i: { cadreId: number }) => i.cadreId)).not.toContain(c.东书记);
      const before = await rows();
      const [leaf] = await t.ctx.db.select().from(pledgeItems).where(eq(pledgeItems.pledgeId, p.id)).limit(1);
      const res = await api(who, 'POST', `/api/v1/pledges/${p.id}/progress`, {
        itemId: leaf.id,
        reportedOn: '2025-10-01',
        percent: 10,
        evidence: '—',
      });
      expect(res.statusCode).toBe(404);
      expect(await rows()).toEqual(before);
    }
    // the relative may not pledge for the cadre either
    const res = await api('related', 'POST', '/api/v1/pledges', pledgeBody(tn.东书记));
    expect(res.statusCode).toBe(404);
  });

  it('the cadre sees their own pledge and no one else’s', async () => {
    const mine = (await api('cadre', 'GET', '/api/v1/me/pledges')).json();
    expect(mine.items).toHaveLength(1);
    const [other] = await t.ctx.db.select().from(pledges).where(eq(pledges.cadreId, c.东主任));
    expect((await api('cadre', 'GET', `/api/v1/pledges/${other.id}`)).statusCode).toBe(404);
    expect((await api('cadre', 'GET', '/api/v1/pledges')).statusCode).toBe(403);
  });
});

describe('following a pledge from the portal', () => {
  const post = (url: string, payload: object, ip = '10.6.0.1') =>
    t.app.inject({ method: 'POST', url: `/api/v1/portal/pledges${url}`, payload, remoteAddress: ip });

  it('a follow code opens the pledge again; a phone gets an SMS at the next progress entry; unfollowing stops it', async () => {
    const [p] = await t.ctx.db.select().from(pledges).where(eq(pledges.cadreId, c.东书记));
    const badPhone = await post(`/${p.id}/follow`, {
      phone: '12345',
      challenge: await solved(t, '10.6.0.1'),
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields).toHaveProperty('phone');
    const res = await post(`/${p.id}/follow`, {
      phone: '13900001111',
      challenge: await solved(t, '10.6.0.1'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { followCode } = res.json();
    expect(res.json().sms).toBe(true);
    // the phone is sealed at rest
    const raw = JSON.stringify(await t.ctx.db.select().from(pledgeFollowers));
    expect(raw).not.toContain('13900001111');

    const seen = await post('/followed', { code: followCode.toLowerCase() }, '10.6.0.2');
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      village: { name: '东村' },
      sms: true,
      pledge: { id: p.id, cadre: '东书记' },
    });
    expect((await post('/followed', { code: '0000-0000-0000-0000' }, '10.6.0.2')).statusCode).toBe(404);

    registerFollowTask();
    // the one-off tasks only (another test file in this worker may have registered every recurring job)
    const scheduler = new Scheduler(t.ctx, {
      log: () => {},
      jobs: { recurring: [], oneOff: registeredJobs().oneOff },
    });
    const water = (await t.ctx.db.select().from(pledgeItems).where(eq(pledgeItems.pledgeId, p.id))).find(
      (i) => i.title === '自来水入户',
    )!;
    const progress = (percent: number) =>
      api('org', 'POST', `/api/v1/pledges/${p.id}/progress`, {
        itemId: water.id,
        reportedOn: '2026-03-01',
        percent,
        evidence: '入户登记表',
      });
    expect((await progress(50)).statusCode).toBe(200);
    await scheduler.tick();
    const sms = await t.ctx.db.select().from(outbox).where(eq(outbox.channel, 'sms'));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ recipient: '13900001111', body: expect.stringContaining('东书记') });

    expect((await post('/unfollow', { code: followCode }, '10.6.0.2')).statusCode).toBe(200);
    expect((await progress(60)).statusCode).toBe(200);
    await scheduler.tick();
    expect(await t.ctx.db.select().from(outbox).where(eq(outbox.channel, 'sms'))).toHaveLength(1);
  });
});
