import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../src/cli/backup-commands.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { RENAME_DUPLICATE_ORG_NAMES_SQL } from '../../src/server/platform/orgs/name-taken.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { call, makeOrg, makeUser, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ORG_INDEX_SQL =
  'CREATE UNIQUE INDEX "orgs_parent_name_uq" ON "orgs" USING btree (coalesce("parent_id", 0),"name") WHERE "orgs"."deleted_at" is null';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('org tree', () => {
  it('creates orgs under the right parents, refuses a wrong placement with a Chinese message, and detects stale edits', async () => {
    const district = await makeOrg(t.ctx, '新城区', null, 'district');
    const admin = await makeUser(t.ctx, { orgId: district.id, roles: ['sys_admin'], dataScope: 'all' });
    const s = await signIn(t, admin.username);
    const town = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '大兴镇',
      kind: 'township',
      parentId: district.id,
    });
    expect(town.statusCode).toBe(200);
    expect(town.json().path).toBe(`${district.path}${town.json().id}/`);
    const bad = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '一组',
      kind: 'group',
      parentId: town.json().id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('下不能设立');
    const empty = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '',
      kind: 'village',
      parentId: town.json().id,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.name).toBe('请输入组织名称');
    expect(empty.json().error.message).toBe('名称：请输入组织名称');
    const longParam = await call(t, s, 'GET', `/api/v1/orgs/${'9'.repeat(300)}`);
    expect(longParam.statusCode).toBe(400);
    const v1 = { name: '大兴镇人民政府', sort: 1, version: 1 };
    expect((await call(t, s, 'PUT', `/api/v1/orgs/${town.json().id}`, v1)).statusCode).toBe(200);
    const stale = await call(t, s, 'PUT', `/api/v1/orgs/${town.json().id}`, { ...v1, name: '旧名' });
    expect(stale.statusCode).toBe(409);
  });

  it("gives a township-A user 404 for township B's org and logs the attempt", async () => {
    const a = await makeOrg(t.ctx, '甲镇');
    const b = await makeOrg(t.ctx, '乙镇');
    const officer = await makeUser(t.ctx, { orgId: a.id, roles: ['org_officer'], dataScope: 'subtree' });
    const s = await signIn(t, officer.username);
    expect((await call(t, s, 'GET', `/api/v1/orgs/${a.id}`)).statusCode).toBe(200);
    const res = await call(t, s, 'GET', `/api/v1/orgs/${b.id}`);
    expect(res.statusCode).toBe(404);
    const denied = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, officer.id), eq(auditLog.result, 'denied')));
    expect(denied.length).toBe(1);
    const list = await call(t, s, 'GET', '/api/v1/orgs?pageSize=100');
    expect(list.json().items.map((o: { name: string }) => o.name)).toEqual(['甲镇']);
  });
});

describe('org names are unique under their parent', () => {
  it('refuses a second live org of the same name under one parent (and at the top), on create and on rename, with a Chinese 409', async () => {
    const district = await makeOrg(t.ctx, '重名区', null, 'district');
    const admin = await makeUser(t.ctx, { orgId: district.id, roles: ['sys_admin'], dataScope: 'all' });
    const s = await signIn(t, admin.username);
    const create = (name: string, parentId: number | null, kind = 'township') =>
      call(t, s, 'POST', '/api/v1/orgs', { name, kind, parentId });
    const first = await create('东风镇', district.id);
    expect(first.statusCode).toBe(200);
    const twin = await create('东风镇', district.id);
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error).toMatchObject({
      code: 'org_name_taken',
      message: '同一上级下已有名为「东风镇」的组织，请换一个名称',
      fields: { name: '同一上级下已有同名组织' },
    });
    // the same name under another parent is another org
    const other = await create('东风镇', first.json().id, 'village');
    expect(other.statusCode).toBe(200);
    // top level: the parent is "none"
    expect((await create('重名区', null, 'district')).statusCode).toBe(409);
    // a rename onto a sibling's name
    const west = await create('西风镇', district.id);
    const rename = await call(t, s, 'PUT', `/api/v1/orgs/${west.json().id}`, {
      name: '东风镇',
      version: west.json().version,
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('org_name_taken');
    // keeping one's own name while changing the code is no clash
    const keep = await call(t, s, 'PUT', `/api/v1/orgs/${west.json().id}`, {
      name: '西风镇',
      code: 'XF',
      version: west.json().version,
    });
    expect(keep.statusCode).toBe(200);
    // a deleted org frees its name
    expect((await call(t, s, 'DELETE', `/api/v1/orgs/${other.json().id}`)).statusCode).toBe(200);
    expect((await create('东风镇', first.json().id, 'village')).statusCode).toBe(200);
  });

  it('the migration renames existing duplicates deterministically instead of failing: the oldest keeps the name', async () => {
    const dir = path.resolve('migrations');
    const file = readdirSync(dir).find((f) => f.endsWith('_login_throttling_org_names.sql'));
    const statements = readFileSync(path.join(dir, String(file)), 'utf8').split('--> statement-breakpoint');
    const rename = statements.find((x) => x.includes('DO $$')) as string;
    const index = statements.find((x) => x.includes('CREATE UNIQUE INDEX "orgs_parent_name_uq"')) as string;
    // restore runs the same rename for backups made before the index
    expect(rename).toContain(RENAME_DUPLICATE_ORG_NAMES_SQL);
    // a database from before the index, holding duplicates
    await t.ctx.db.execute(sql`drop index orgs_parent_name_uq`);
    const district = await makeOrg(t.ctx, '旧库区', null, 'district');
    const ids: number[] = [];
    for (const name of ['红旗村', '红旗村', '红旗村', '红旗村（2）'])
      ids.push((await makeOrg(t.ctx, name, district.id, 'village')).id);
    const gone = await makeOrg(t.ctx, '红旗村', district.id, 'village');
    await t.ctx.db.update(orgs).set({ deletedAt: t.clock.now() }).where(eq(orgs.id, gone.id));
    const topA = await makeOrg(t.ctx, '旧库区', null, 'district');
    await t.ctx.db.execute(sql.raw(rename));
    await t.ctx.db.execute(sql.raw(index));
    const nameOf = async (id: number) => (await t.ctx.db.select().from(orgs).where(eq(orgs.id, id)))[0];
    expect(await Promise.all(ids.map(async (id) => (await nameOf(id)).name))).toEqual([
      '红旗村',
      '红旗村（3）',
      '红旗村（4）',
      '红旗村（2）',
    ]);
    expect((await nameOf(ids[1])).version).toBe(2);
    expect((await nameOf(gone.id)).name).toBe('红旗村'); // deleted orgs keep their names
    expect((await nameOf(district.id)).name).toBe('旧库区');
    expect((await nameOf(topA.id)).name).toBe('旧库区（2）');
  });

  it('a backup made before the index, holding duplicates, restores with the same renames', async () => {
    // the previous test left this database with duplicates renamed; make a new pair without the index
    await t.ctx.db.execute(sql`drop index orgs_parent_name_uq`);
    const top = await makeOrg(t.ctx, '备份区', null, 'district');
    const a = await makeOrg(t.ctx, '石桥村', top.id, 'village');
    const b = await makeOrg(t.ctx, '石桥村', top.id, 'village');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jiandu-orgs-')), 'b.jsonl.gz');
    await backupCommand(t.ctx.database, file, { dataDir: t.ctx.config.dataDir });
    await t.ctx.db.execute(sql`delete from orgs where id = ${b.id}`);
    await t.ctx.db.execute(sql.raw(ORG_INDEX_SQL));
    const target = await openDatabase({});
    try {
      const restored = await restoreCommand(target, file, {
        filesDir: path.join(path.dirname(file), 'files'),
        fieldKey: { key: t.ctx.config.fieldKey!, from: 'FIELD_KEY' },
      });
      expect(restored.ok, restored.lines.join('\n')).toBe(true);
      const names = await target.db
        .select({ id: orgs.id, name: orgs.name })
        .from(orgs)
        .where(eq(orgs.parentId, top.id));
      expect(names.sort((x, y) => x.id - y.id)).toEqual([
        { id: a.id, name: '石桥村' },
        { id: b.id, name: '石桥村（2）' },
      ]);
      const twin = target.db.insert(orgs).values({ name: '石桥村', kind: 'village', parentId: top.id });
      await expect(twin).rejects.toThrow();
    } finally {
      await target.close();
    }
  });
});
