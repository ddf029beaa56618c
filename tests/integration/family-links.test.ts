import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { notifications } from '../../src/server/platform/todos/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 新城区 above 甲镇 and 乙镇: 甲镇's organisation officer keeps the family list of 甲镇's cadre 吴某.
let t: TestApp;
let officer: Session;
let districtOfficer: Session;
let cadreId: number;
let u: Record<'townClerk' | 'districtDiscipline' | 'otherTown' | 'officer', number>;

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const town = await makeOrg(t.ctx, '甲镇', district.id);
  const other = await makeOrg(t.ctx, '乙镇', district.id);
  const o = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
  const d = await makeUser(t.ctx, { orgId: district.id, roles: ['district_org'] });
  officer = await signIn(t, o.username);
  districtOfficer = await signIn(t, d.username);
  u = {
    officer: o.id,
    townClerk: (await makeUser(t.ctx, { orgId: town.id, roles: ['audit_officer'] })).id,
    districtDiscipline: (await makeUser(t.ctx, { orgId: district.id, roles: ['district_discipline'] })).id,
    otherTown: (await makeUser(t.ctx, { orgId: other.id, roles: ['discipline_officer'] })).id,
  };
  [cadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: town.id, name: '吴某', status: 'active' }],
    'manual',
  );
});
afterAll(async () => t.close());

const put = (s: Session, userIds: (number | null)[]) =>
  call(t, s, 'PUT', `/api/v1/cadres/${cadreId}/family`, {
    members: userIds.map((userId, i) => ({ relation: '亲属', name: `亲属${i + 1}`, userId })),
  });
const recusedUsers = async () =>
  (await t.ctx.db.select().from(recusals).where(eq(recusals.cadreId, cadreId))).map((r) => r.userId).sort();
const inbox = async (userId: number) =>
  (await t.ctx.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => [
    n.title,
    n.body,
    n.link,
  ]);
const audits = (action: string, result = 'success') =>
  t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.result, result)));

describe('linking a user as a family member', () => {
  it('answers an out-of-scope user and an unknown id identically, links nobody, and audits the refusal', async () => {
    const answers = [];
    for (const id of [u.districtDiscipline, u.otherTown, 987654]) {
      const res = await put(officer, [null, id]);
      answers.push([res.statusCode, res.body]);
    }
    expect(answers[0][0]).toBe(400);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(JSON.parse(answers[0][1] as string).error).toEqual({
      code: 'bad_request',
      message: '关联的用户不存在或不在您的管理范围内',
      fields: { 'members.1.userId': '关联的用户不存在或不在您的管理范围内' },
    });
    expect(await recusedUsers()).toEqual([]);
    expect((await call(t, officer, 'GET', `/api/v1/cadres/${cadreId}/family`)).json()).toEqual([]);
    const denied = await audits('family.link_user', 'denied');
    expect(denied.map((a) => [a.userId, a.objectId])).toEqual([
      [u.officer, String(cadreId)],
      [u.officer, String(cadreId)],
      [u.officer, String(cadreId)],
    ]);
    expect(await inbox(u.districtDiscipline)).toEqual([]);
  });

  it('links a user in scope: recused, audited on its own, and told without any case content', async () => {
    const res = await put(officer, [u.townClerk]);
    expect(res.statusCode).toBe(200);
    expect(await recusedUsers()).toEqual([u.townClerk]);
    const [linked] = await audits('family.link_user');
    expect(linked).toMatchObject({ userId: u.officer, objectType: 'user', objectId: String(u.townClerk) });
    expect(linked.detail).toMatchObject({ cadreId, cadreName: '吴某', relation: '亲属' });
    expect(await inbox(u.townClerk)).toEqual([
      ['回避登记通知', '您已被登记为干部 吴某 的亲属，相关事项将对您回避。如有异议，请联系组织部门。', null],
    ]);
    // saving the same list again links nobody anew: no second record, no second notice
    expect((await put(officer, [u.townClerk])).statusCode).toBe(200);
    expect((await audits('family.link_user')).length).toBe(1);
    expect((await inbox(u.townClerk)).length).toBe(1);
  });

  it('keeps a link made by someone with a wider scope when the township officer edits the list', async () => {
    expect((await put(districtOfficer, [u.townClerk, u.districtDiscipline])).statusCode).toBe(200);
    expect(await recusedUsers()).toEqual([u.townClerk, u.districtDiscipline].sort());
    const edited = await call(t, officer, 'PUT', `/api/v1/cadres/${cadreId}/family`, {
      members: [
        { relation: '妻子', name: '亲属1', userId: u.townClerk },
        { relation: '兄弟', name: '亲属2', userId: u.districtDiscipline },
        { relation: '女儿', name: '吴小某' },
      ],
    });
    expect(edited.statusCode).toBe(200);
    expect(await recusedUsers()).toEqual([u.townClerk, u.districtDiscipline].sort());
  });

  it('audits an unlink and tells the person', async () => {
    expect((await put(officer, [u.districtDiscipline])).statusCode).toBe(200);
    expect(await recusedUsers()).toEqual([u.districtDiscipline]);
    const [unlinked] = await audits('family.unlink_user');
    expect(unlinked).toMatchObject({ userId: u.officer, objectType: 'user', objectId: String(u.townClerk) });
    expect((await inbox(u.townClerk)).map((n) => n[0])).toEqual(['回避登记通知', '回避登记解除通知']);
    const s = await signIn(
      t,
      (await t.ctx.db.query.users.findFirst({ where: (x, { eq }) => eq(x.id, u.townClerk) }))!.username,
    );
    const bell = (await call(t, s, 'GET', '/api/v1/notifications')).json();
    expect(bell.items.map((n: any) => n.title).sort()).toEqual(['回避登记通知', '回避登记解除通知'].sort());
  });
});
