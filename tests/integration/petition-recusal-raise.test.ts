import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { petitionEvents, petitions } from '../../src/server/modules/petitions/schema.js';
import { sweepOverduePetitions } from '../../src/server/modules/petitions/workflow/overdue-sweep.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { notifications, todos } from '../../src/server/platform/todos/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { act, letter, registerDirect, setNow } from '../support/petition-workflow-world.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

// 新城区 above 甲镇. 甲镇 has two discipline officers (A, B), a party secretary and an organisation
// officer; the district has a discipline officer reading its whole subtree and one reading only the
// district itself ('org' scope).
let t: TestApp;
let district: { id: number };
let town: { id: number };
let s: Record<'a' | 'b' | 'secretary' | 'orgOfficer' | 'district' | 'districtOrg', Session>;
let ids: Record<keyof typeof s, number>;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T01:00:00Z')) });
  district = await makeOrg(t.ctx, '新城区', null, 'district');
  town = await makeOrg(t.ctx, '甲镇', district.id);
  const make = async (orgId: number, role: string, dataScope = 'subtree') => {
    const u = await makeUser(t.ctx, { orgId, roles: [role], dataScope });
    return { id: u.id, s: await signIn(t, u.username) };
  };
  const all = {
    a: await make(town.id, 'discipline_officer'),
    b: await make(town.id, 'discipline_officer'),
    secretary: await make(town.id, 'party_secretary'),
    orgOfficer: await make(town.id, 'org_officer'),
    district: await make(district.id, 'district_discipline'),
    districtOrg: await make(district.id, 'district_discipline', 'org'),
  };
  s = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.s])) as typeof s;
  ids = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.id])) as typeof ids;
});
afterAll(async () => t.close());

const cadre = async (name: string) =>
  (await insertCadres(t.ctx.db, t.ctx, [{ orgId: town.id, name, status: 'active' }], 'manual'))[0];
const link = (cadreId: number, userIds: number[]) =>
  call(t, s.orgOfficer, 'PUT', `/api/v1/cadres/${cadreId}/family`, {
    members: userIds.map((userId, i) => ({ relation: '亲属', name: `亲属${i + 1}`, userId })),
  });
const todoTitles = async (who: Session) =>
  (await call(t, who, 'GET', '/api/v1/todos?pageSize=100')).json().items.map((i: any) => i.title);
const listIds = async (who: Session) =>
  (await call(t, who, 'GET', '/api/v1/petitions?pageSize=200')).json().items.map((x: any) => x.id);
const events = async (id: number) =>
  (await t.ctx.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, id))).map((e) => [
    e.action,
    e.note,
  ]);
const openTodos = (id: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'petition'), eq(todos.recordId, String(id)), eq(todos.status, 'open')));

describe('a petition every township discipline officer must recuse from', () => {
  it('goes up to the district at registration: its to-do, its list, its steps, and the record says so', async () => {
    const x = await cadre('钱某');
    expect((await link(x, [ids.a, ids.b])).statusCode).toBe(200);
    const p = await registerDirect(t, letter(town.id, { subjects: [{ cadreId: x }], title: '反映钱某问题' }));
    const [row] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, p.id));
    expect(row.recusalOrgId).toBe(district.id);
    expect(await events(p.id)).toEqual([
      ['register', null],
      ['recusal_raise', '因回避上移至 新城区 办理'],
    ]);
    const title = `受理信访件 ${p.code}（截止 2026-03-17）`;
    const [todo] = await openTodos(p.id);
    expect(todo).toMatchObject({ title, orgId: district.id, assigneeRole: 'district_discipline' });
    for (const who of [s.a, s.b]) {
      expect(await todoTitles(who)).not.toContain(title);
      expect(await listIds(who)).not.toContain(p.id);
    }
    for (const who of [s.district, s.districtOrg]) {
      expect(await todoTitles(who)).toContain(title);
      expect(await listIds(who)).toContain(p.id);
    }
    const detail = (await call(t, s.districtOrg, 'GET', `/api/v1/petitions/${p.id}`)).json();
    expect(detail).toMatchObject({ recusalOrgId: district.id, recusalOrgName: '新城区' });
    expect(detail.actions).toContain('accept');
    expect(detail.events.map((e: any) => e.note)).toContain('因回避上移至 新城区 办理');

    const accepted = await act(t, s.districtOrg, p.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    const [next] = await openTodos(p.id);
    expect(next).toMatchObject({ orgId: district.id, assigneeRole: 'district_discipline' });
    expect(next.title).toMatch(/^确定信访件处置方式/);
    expect(await todoTitles(s.a)).not.toContain(next.title);
    expect((await events(p.id)).filter(([a]) => a === 'recusal_raise').length).toBe(1);
  });

  it('goes up when a re-link recuses the last township officer who could handle it', async () => {
    await setNow(t, '2026-03-02T01:00:00Z');
    const y = await cadre('孙某');
    await link(y, [ids.b]);
    const p = await registerDirect(t, letter(town.id, { subjects: [{ cadreId: y }], title: '反映孙某问题' }));
    const title = `受理信访件 ${p.code}（截止 2026-03-17）`;
    expect(await todoTitles(s.a)).toContain(title);
    expect(await listIds(s.districtOrg)).not.toContain(p.id);
    expect((await events(p.id)).map(([a]) => a)).toEqual(['register']);

    expect((await link(y, [ids.b, ids.a])).statusCode).toBe(200);
    expect((await events(p.id)).at(-1)).toEqual(['recusal_raise', '因回避上移至 新城区 办理']);
    expect(await todoTitles(s.a)).not.toContain(title);
    expect(await todoTitles(s.district)).toContain(title);
    expect(await listIds(s.districtOrg)).toContain(p.id);
    const raised = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'petition.recusal_raise'), eq(auditLog.objectId, String(p.id))));
    expect(raised.length).toBe(1);

    // A is told of the link — naming the cadre, never the case
    const told = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, ids.a));
    expect(told.filter((n) => n.title === '回避登记通知').map((n) => n.body)).toContain(
      '您已被登记为干部 孙某 的亲属，相关事项将对您回避。如有异议，请联系组织部门。',
    );
    expect(JSON.stringify(told)).not.toContain(p.code);
    expect(JSON.stringify(told)).not.toContain('反映孙某问题');

    // the district acts on it; unlinking A does not bring it back down
    expect((await act(t, s.district, p.id, 'accept')).statusCode).toBe(200);
    await link(y, [ids.b]);
    const [row] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, p.id));
    expect(row.recusalOrgId).toBe(district.id);
  });

  it('presses the district, not the township, when a raised case runs late', async () => {
    await setNow(t, '2026-03-02T01:00:00Z');
    const z = await cadre('李某');
    await link(z, [ids.a, ids.b]);
    const p = await registerDirect(t, letter(town.id, { subjects: [{ cadreId: z }], title: '反映李某问题' }));
    await setNow(t, '2026-03-18T01:00:00Z');
    await sweepOverduePetitions(t.ctx);
    const press = (await openTodos(p.id)).find((x) => x.title.startsWith('督办'))!;
    expect(press).toMatchObject({ orgId: district.id, assigneeRole: 'district_discipline' });
    expect(await todoTitles(s.secretary)).not.toContain(press.title);
    expect(await todoTitles(s.district)).toContain(press.title);
    expect((await events(p.id)).find(([a]) => a === 'overdue')?.[1]).toBe(
      '受理告知期限已于 2026-03-17 届满，已提请新城区督办',
    );
  });

  it('stays in the township while one officer there may handle it', async () => {
    await setNow(t, '2026-03-02T01:00:00Z');
    const v = await cadre('周某');
    await link(v, [ids.a]);
    const p = await registerDirect(t, letter(town.id, { subjects: [{ cadreId: v }], title: '反映周某问题' }));
    const [row] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, p.id));
    expect(row.recusalOrgId).toBeNull();
    expect(await listIds(s.b)).toContain(p.id);
    expect(await listIds(s.districtOrg)).not.toContain(p.id);
    const [todo] = await openTodos(p.id);
    expect(todo).toMatchObject({ orgId: town.id, assigneeRole: 'discipline_officer' });
  });
});

describe('an intake officer related to the cadre named', () => {
  it('registers the case and gets its number, not a 404 and not the record', async () => {
    const [cadreId] = await insertCadres(
      t.ctx.db,
      t.ctx,
      [{ orgId: town.id, name: '周登记', status: 'active' }],
      'manual',
    );
    await t.ctx.db.insert(recusals).values({ userId: ids.a, cadreId, reason: 'family' });
    const res = await call(t, s.a, 'POST', '/api/v1/petitions', {
      orgId: town.id,
      channel: 'visit',
      visitors: 1,
      receivedOn: '2026-03-02',
      realName: false,
      title: '反映周登记违规问题',
      content: '具体情况见来访记录。',
      subjects: [{ cadreId }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recused: true, code: expect.stringMatching(/XF2026-\d{4}$/) });
    expect(res.body).not.toContain('违规问题');
    const other = await call(t, s.b, 'GET', `/api/v1/petitions/${res.json().id}`);
    expect(other.json().title).toBe('反映周登记违规问题');
    expect((await call(t, s.a, 'GET', `/api/v1/petitions/${res.json().id}`)).statusCode).toBe(404);
  });
});
