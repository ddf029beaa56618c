import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { idNumberFor, postCadre } from '../support/cadre-helpers.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let town: { id: number };
let officer: Session;
let subject: { id: number };
const subjectId = idNumberFor('1978-04-05', 311);

beforeAll(async () => {
  t = await createTestApp();
  town = await makeOrg(t.ctx, '大兴镇');
  const o = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
  officer = await signIn(t, o.username);
  subject = await postCadre(t, officer, { orgId: town.id, name: '陈建国', idNumber: subjectId });
  await postCadre(t, officer, { orgId: town.id, name: '林芳' });
  const tenure = await call(t, officer, 'POST', `/api/v1/cadres/${subject.id}/tenures`, {
    orgId: town.id,
    title: '镇长',
    level: 'zhengke',
    isPrincipal: true,
    startDate: '2023-02-01',
  });
  expect(tenure.statusCode).toBe(200);
  await call(t, officer, 'PUT', `/api/v1/cadres/${subject.id}/family`, {
    members: [{ relation: '妻子', name: '刘梅', workUnit: '大兴镇中心小学教师' }],
  });
});
afterAll(async () => t.close());

const rosterNames = async (s: Session) =>
  (await call(t, s, 'GET', '/api/v1/cadres?pageSize=100')).json().items.map((c: any) => c.name);

describe('data scope', () => {
  it('gives a user of another township 404 for the cadre, its posts and family, and logs a denial', async () => {
    const west = await makeOrg(t.ctx, '西坝镇');
    const u = await makeUser(t.ctx, { orgId: west.id, roles: ['org_officer'] });
    const s = await signIn(t, u.username);
    for (const path of ['', '/tenures', '/family', '/photo']) {
      expect((await call(t, s, 'GET', `/api/v1/cadres/${subject.id}${path}`)).statusCode).toBe(404);
    }
    const edit = await call(t, s, 'PUT', `/api/v1/cadres/${subject.id}`, {
      orgId: town.id,
      name: 'x',
      version: 1,
    });
    expect(edit.statusCode).toBe(404);
    const reveal = await call(t, s, 'POST', `/api/v1/cadres/${subject.id}/reveal-id`, { reason: '核对身份' });
    expect(reveal.statusCode).toBe(404);
    const denied = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, u.id), eq(auditLog.result, 'denied')));
    expect(denied.map((d) => d.action)).toContain('cadre.view');
    expect(denied.length).toBe(6);
    expect(await rosterNames(s)).toEqual([]);
    const create = await call(t, s, 'POST', '/api/v1/cadres', { orgId: town.id, name: '外镇' });
    expect(create.statusCode).toBe(404);
  });
});

describe('recusal', () => {
  it('hides the cadre from a user linked as a family member, in the list and by id, until unlinked', async () => {
    const relative = await makeUser(t.ctx, { orgId: town.id, roles: ['unit_head'] });
    const s = await signIn(t, relative.username);
    expect(await rosterNames(s)).toContain('陈建国');
    const linked = await call(t, officer, 'PUT', `/api/v1/cadres/${subject.id}/family`, {
      members: [
        { relation: '妻子', name: '刘梅' },
        { relation: '儿子', name: '陈晓', userId: relative.id },
      ],
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()[1].userLabel).toContain(relative.username);
    expect(await rosterNames(s)).toEqual(['林芳']);
    expect((await call(t, s, 'GET', `/api/v1/cadres/${subject.id}`)).statusCode).toBe(404);
    expect((await call(t, s, 'GET', `/api/v1/cadres/${subject.id}/tenures`)).statusCode).toBe(404);
    const positions = (await call(t, s, 'GET', '/api/v1/positions')).json();
    expect(JSON.stringify(positions)).not.toContain('陈建国');

    // a recusal registered for another reason outlives the family list
    const declared = await makeUser(t.ctx, { orgId: town.id, roles: ['unit_head'] });
    await t.ctx.db.insert(recusals).values({ userId: declared.id, cadreId: subject.id, reason: 'declared' });
    await call(t, officer, 'PUT', `/api/v1/cadres/${subject.id}/family`, {
      members: [{ relation: '妻子', name: '刘梅' }],
    });
    expect(await rosterNames(s)).toContain('陈建国');
    const left = await t.ctx.db.select().from(recusals).where(eq(recusals.cadreId, subject.id));
    expect(left.map((r) => [r.userId, r.reason])).toEqual([[declared.id, 'declared']]);
  });

  it('refuses a link to a user that does not exist', async () => {
    const res = await call(t, officer, 'PUT', `/api/v1/cadres/${subject.id}/family`, {
      members: [{ relation: '女儿', name: '陈某', userId: 999999 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('关联的用户不存在或不在您的管理范围内');
  });
});

describe('own profile', () => {
  it('gives the cadre 404 on their own record but their basic data at /me/cadre, nothing restricted', async () => {
    const self = await makeUser(t.ctx, { orgId: town.id, roles: ['unit_head'], cadreId: subject.id });
    const s = await signIn(t, self.username);
    expect((await call(t, s, 'GET', `/api/v1/cadres/${subject.id}`)).statusCode).toBe(404);
    expect(await rosterNames(s)).toEqual(['林芳']);
    const me = await call(t, s, 'GET', '/api/v1/me/cadre');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      name: '陈建国',
      gender: '男',
      birthDate: '1978-04-05',
      orgName: '大兴镇',
      current: { title: '镇长', level: 'zhengke' },
      tenures: [{ orgName: '大兴镇', title: '镇长', startDate: '2023-02-01', endDate: null }],
    });
    expect(me.body).not.toContain(subjectId);
    expect(me.body).not.toContain('刘梅');
    expect(Object.keys(me.json())).not.toContain('family');

    // a plain cadre account (no roster permission) still sees its own profile
    const plain = await makeUser(t.ctx, { orgId: town.id, roles: ['cadre'], cadreId: subject.id });
    const p = await signIn(t, plain.username);
    expect((await call(t, p, 'GET', '/api/v1/me/cadre')).statusCode).toBe(200);
    expect((await call(t, p, 'GET', '/api/v1/cadres')).statusCode).toBe(403);
  });

  it('answers 404 with a clear message when the account is not linked to a cadre', async () => {
    const res = await call(t, officer, 'GET', '/api/v1/me/cadre');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('未关联干部');
  });
});
