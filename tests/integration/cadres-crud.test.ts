import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cadres } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { badCheckDigit, idNumberFor, postCadre } from '../support/cadre-helpers.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let town: { id: number };
let officer: Session;
let reader: Session;
let readerId: number;
beforeAll(async () => {
  t = await createTestApp();
  town = await makeOrg(t.ctx, '大兴镇');
  const o = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
  const r = await makeUser(t.ctx, { orgId: town.id, roles: ['unit_head'] });
  readerId = r.id;
  officer = await signIn(t, o.username);
  reader = await signIn(t, r.username);
});
afterAll(async () => t.close());

const auditRows = (action: string, result = 'success') =>
  t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.result, result)));

describe('cadre record', () => {
  it('creates a cadre with birth and gender from the ID number, stores the number encrypted, and audits it', async () => {
    const id = idNumberFor('1985-06-15', 123);
    const c = await postCadre(t, officer, {
      orgId: town.id,
      name: '张三',
      idNumber: id,
      education: 'bachelor',
    });
    expect(c).toMatchObject({ name: '张三', gender: '男', birthDate: '1985-06-15', namePinyin: 'zhangsan' });
    expect(c.idNumberMasked).toBe(`110101********${id.slice(-4)}`);
    expect(JSON.stringify(c)).not.toContain(id);
    const [row] = await t.ctx.db.select().from(cadres).where(eq(cadres.id, c.id));
    expect(row.idNumberEnc).not.toContain(id);
    expect((await auditRows('cadre.create')).some((a) => a.objectId === String(c.id))).toBe(true);
  });

  it('refuses an ID number already registered (409) and a bad check digit (400 naming the field)', async () => {
    const id = idNumberFor('1979-01-02', 222);
    await postCadre(t, officer, { orgId: town.id, name: '李四', idNumber: id });
    const dup = await call(t, officer, 'POST', '/api/v1/cadres', {
      orgId: town.id,
      name: '李四二',
      idNumber: id.toLowerCase(),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('该身份证号码已登记');
    const bad = await call(t, officer, 'POST', '/api/v1/cadres', {
      orgId: town.id,
      name: '王五',
      idNumber: badCheckDigit(idNumberFor('1980-02-03')),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('身份证号码：身份证号码校验位不正确');
    expect(bad.json().error.fields.idNumber).toBe('身份证号码校验位不正确');
  });

  it('edits with the version, keeps the ID number when omitted, and answers 409 to a stale version', async () => {
    const id = idNumberFor('1990-09-09', 345);
    const c = await postCadre(t, officer, { orgId: town.id, name: '赵六', idNumber: id });
    const edit = {
      orgId: town.id,
      name: '赵六',
      gender: '男',
      birthDate: '1990-09-09',
      ethnicity: '汉族',
      version: c.version,
    };
    const saved = await call(t, officer, 'PUT', `/api/v1/cadres/${c.id}`, edit);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      ethnicity: '汉族',
      version: c.version + 1,
      idNumberMasked: c.idNumberMasked,
    });
    const stale = await call(t, officer, 'PUT', `/api/v1/cadres/${c.id}`, { ...edit, ethnicity: '回族' });
    expect(stale.statusCode).toBe(409);
    const other = await postCadre(t, officer, { orgId: town.id, name: '钱七' });
    const taken = await call(t, officer, 'PUT', `/api/v1/cadres/${other.id}`, {
      orgId: town.id,
      name: '钱七',
      idNumber: id,
      version: other.version,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('该身份证号码已登记');
  });

  it('soft-deletes a cadre without a post, refuses one holding a post, and audits the delete', async () => {
    const c = await postCadre(t, officer, { orgId: town.id, name: '孙八' });
    const held = await call(t, officer, 'POST', `/api/v1/cadres/${c.id}/tenures`, {
      orgId: town.id,
      title: '党政办主任',
      level: 'middle_principal',
      startDate: '2024-01-01',
    });
    expect(held.statusCode).toBe(200);
    const refused = await call(t, officer, 'DELETE', `/api/v1/cadres/${c.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('在任职务');
    await call(t, officer, 'POST', `/api/v1/tenures/${held.json().id}/end`, {
      endDate: '2025-01-01',
      endReason: 'transfer',
    });
    expect((await call(t, officer, 'DELETE', `/api/v1/cadres/${c.id}`)).statusCode).toBe(200);
    expect((await call(t, officer, 'GET', `/api/v1/cadres/${c.id}`)).statusCode).toBe(404);
    expect((await auditRows('cadre.delete')).length).toBe(1);
    expect((await auditRows('cadre.delete', 'failure')).length).toBe(1);
    const list = await call(t, officer, 'GET', '/api/v1/cadres?q=孙八');
    expect(list.json().total).toBe(0);
  });

  it('audits each viewing of a record', async () => {
    const c = await postCadre(t, officer, { orgId: town.id, name: '周九' });
    expect((await call(t, reader, 'GET', `/api/v1/cadres/${c.id}`)).statusCode).toBe(200);
    // the viewing is recorded once the response has gone out
    await vi.waitFor(async () => {
      const views = await t.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'cadre.view'), eq(auditLog.userId, readerId)));
      expect(views.map((v) => v.objectId)).toEqual([String(c.id)]);
    });
  });
});

describe('full ID number', () => {
  it('needs the permission and a reason, and each reveal is audited with its reason', async () => {
    const id = idNumberFor('1975-12-31', 468);
    const c = await postCadre(t, officer, { orgId: town.id, name: '吴十', idNumber: id });
    const denied = await call(t, reader, 'POST', `/api/v1/cadres/${c.id}/reveal-id`, { reason: '核对信息' });
    expect(denied.statusCode).toBe(403);
    const noReason = await call(t, officer, 'POST', `/api/v1/cadres/${c.id}/reveal-id`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('事由');
    const shown = await call(t, officer, 'POST', `/api/v1/cadres/${c.id}/reveal-id`, {
      reason: '办理社保核对',
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().idNumber).toBe(id);
    const refusals = await auditRows('access.denied', 'denied');
    expect(refusals.some((a) => a.userId === readerId)).toBe(true);
    const [rec] = await auditRows('cadre.reveal_id');
    expect(rec.objectId).toBe(String(c.id));
    expect(JSON.stringify(rec.detail)).toContain('办理社保核对');
    expect(JSON.stringify(rec.detail)).not.toContain(id);
  });
});

describe('photo', () => {
  const upload = (id: number, bytes: Buffer, name = 'photo.jpg') => {
    const boundary = '----jiandu-test';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/cadres/${id}/photo`,
      payload: body,
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
  };

  it('accepts a JPEG or PNG by its content, refuses other files and files over 2 MB, and serves it with its type', async () => {
    const c = await postCadre(t, officer, { orgId: town.id, name: '郑十一' });
    expect((await call(t, reader, 'GET', `/api/v1/cadres/${c.id}/photo`)).statusCode).toBe(404);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100, 1),
    ]);
    expect((await upload(c.id, png)).statusCode).toBe(200);
    const got = await call(t, reader, 'GET', `/api/v1/cadres/${c.id}/photo`);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    expect((await call(t, reader, 'GET', `/api/v1/cadres/${c.id}`)).json().hasPhoto).toBe(true);
    const gif = await upload(c.id, Buffer.from('GIF89a........'));
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.message).toBe('照片只能是 JPG 或 PNG 图片');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024 + 10)]);
    const tooBig = await upload(c.id, big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toBe('照片不能超过 2 MB');
  });
});

describe('positions', () => {
  it('creates, edits with the version, lists by org with holders, and refuses deleting an occupied post', async () => {
    const dept = await makeOrg(t.ctx, '党政办', town.id, 'department');
    const made = await call(t, officer, 'POST', '/api/v1/positions', {
      orgId: dept.id,
      title: '主任',
      level: 'middle_principal',
      isPrincipal: true,
    });
    expect(made.statusCode).toBe(200);
    const p = made.json();
    const badLevel = await call(t, officer, 'POST', '/api/v1/positions', {
      orgId: dept.id,
      title: 'x',
      level: 'nope',
    });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().error.fields.level).toBe('职务层次不正确');
    const edited = await call(t, officer, 'PUT', `/api/v1/positions/${p.id}`, { ...p, title: '办公室主任' });
    expect(edited.json().title).toBe('办公室主任');
    expect(
      (await call(t, officer, 'PUT', `/api/v1/positions/${p.id}`, { ...p, title: '旧' })).statusCode,
    ).toBe(409);
    const c = await postCadre(t, officer, { orgId: dept.id, name: '冯十二' });
    await call(t, officer, 'POST', `/api/v1/cadres/${c.id}/tenures`, {
      positionId: p.id,
      startDate: '2025-05-01',
    });
    const list = await call(t, reader, 'GET', `/api/v1/positions?orgId=${town.id}`);
    expect(list.json().items.find((x: any) => x.id === p.id).holders).toEqual([
      { cadreId: c.id, name: '冯十二' },
    ]);
    const refused = await call(t, officer, 'DELETE', `/api/v1/positions/${p.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('该职务有人在任，不能删除');
    expect(
      (await call(t, reader, 'POST', '/api/v1/positions', { orgId: dept.id, title: 'x', level: 'fuke' }))
        .statusCode,
    ).toBe(403);
  });
});
