import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { seedDictionaries } from '../../src/server/platform/dictionaries/seed.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrg(t.ctx, '字典镇');
  admin = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: org.id, roles: ['sys_admin'], dataScope: 'all' })).username,
  );
  officer = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: org.id, roles: ['discipline_officer'] })).username,
  );
});
afterAll(async () => t.close());

const items = async (type: string) =>
  (await call(t, admin, 'GET', `/api/v1/dicts/${type}/items`)).json() as any[];

describe('dictionaries', () => {
  it('lists the types with their counts and a type’s options for selects', async () => {
    const types = (await call(t, officer, 'GET', '/api/v1/dicts')).json();
    expect(types.find((d: any) => d.code === 'petition_channel')).toMatchObject({
      name: '信访渠道',
      builtin: true,
      itemCount: 7,
      enabledCount: 7,
    });
    const options = (await call(t, officer, 'GET', '/api/v1/dicts/petition_channel')).json();
    expect(options.slice(0, 2)).toEqual([
      { code: 'letter', label: '来信', enabled: true },
      { code: 'visit', label: '来访', enabled: true },
    ]);
    const missing = await call(t, officer, 'GET', '/api/v1/dicts/no_such_type');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('字典类型不存在');
  });

  it('creates an item with a code unique in its type, edits it with a version, and answers 409 to a stale edit', async () => {
    const created = await call(t, admin, 'POST', '/api/v1/dicts/petition_channel/items', {
      code: 'hotline_12345',
      label: '12345 热线',
      sort: 70,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      code: 'hotline_12345',
      version: 1,
      enabled: true,
      builtin: false,
    });
    const dup = await call(t, admin, 'POST', '/api/v1/dicts/petition_channel/items', {
      code: 'letter',
      label: '信件',
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.fields.code).toBe('该字典中已有此编码');
    const sameCodeElsewhere = await call(t, admin, 'POST', '/api/v1/dicts/disposal/items', {
      code: 'hotline_12345',
      label: '热线',
    });
    expect(sameCodeElsewhere.statusCode).toBe(200);
    const badCode = await call(t, admin, 'POST', '/api/v1/dicts/disposal/items', {
      code: 'Bad Code',
      label: 'x',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields.code).toContain('小写字母');

    const id = created.json().id;
    const url = `/api/v1/dicts/petition_channel/items/${id}`;
    const edited = await call(t, admin, 'PUT', url, { label: '12345 政务服务热线', version: 1 });
    expect(edited.json()).toMatchObject({ label: '12345 政务服务热线', sort: 70, version: 2 });
    const stale = await call(t, admin, 'PUT', url, { label: '旧名', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('已被他人修改');
    const wrongType = await call(t, admin, 'PUT', `/api/v1/dicts/disposal/items/${id}`, {
      label: 'x',
      version: 2,
    });
    expect(wrongType.statusCode).toBe(404);
  });

  it('disables and re-enables items; disabled ones leave the select but stay for labelling old records', async () => {
    const letter = (await items('petition_channel')).find((i) => i.code === 'letter');
    const url = `/api/v1/dicts/petition_channel/items/${letter.id}/enabled`;
    const off = await call(t, admin, 'PUT', url, { enabled: false, version: letter.version });
    expect(off.json()).toMatchObject({ enabled: false, builtin: true });
    const options = (await call(t, officer, 'GET', '/api/v1/dicts/petition_channel')).json();
    expect(options.map((o: any) => o.code)).not.toContain('letter');
    const all = (await call(t, officer, 'GET', '/api/v1/dicts/petition_channel?includeDisabled=true')).json();
    expect(all.find((o: any) => o.code === 'letter')).toEqual({
      code: 'letter',
      label: '来信',
      enabled: false,
    });
    const [rec] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dict.item_disable'), eq(auditLog.objectId, String(letter.id))));
    expect(rec).toBeDefined();
    await call(t, admin, 'PUT', url, { enabled: true, version: letter.version + 1 });
    expect((await items('petition_channel')).find((i) => i.code === 'letter').enabled).toBe(true);
  });

  it('deletes an added item but refuses to delete a built-in one', async () => {
    const list = await items('petition_channel');
    const builtin = list.find((i) => i.code === 'visit');
    const res = await call(t, admin, 'DELETE', `/api/v1/dicts/petition_channel/items/${builtin.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('内置字典项不能删除');
    const added = list.find((i) => i.code === 'hotline_12345');
    expect(
      (await call(t, admin, 'DELETE', `/api/v1/dicts/petition_channel/items/${added.id}`)).statusCode,
    ).toBe(200);
    expect((await items('petition_channel')).map((i) => i.code)).not.toContain('hotline_12345');
  });

  it('keeps an administrator’s relabelling when the defaults are seeded again', async () => {
    const visit = (await items('petition_channel')).find((i) => i.code === 'visit');
    await call(t, admin, 'PUT', `/api/v1/dicts/petition_channel/items/${visit.id}`, {
      label: '来访（接待）',
      version: visit.version,
    });
    await seedDictionaries(t.ctx.db);
    expect((await items('petition_channel')).find((i) => i.code === 'visit').label).toBe('来访（接待）');
  });

  it('refuses changes from a role that may only read dictionaries', async () => {
    const res = await call(t, officer, 'POST', '/api/v1/dicts/petition_channel/items', {
      code: 'x',
      label: 'x',
    });
    expect(res.statusCode).toBe(403);
  });
});
