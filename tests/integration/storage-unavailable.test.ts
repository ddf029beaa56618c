import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/server/platform/db/client.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A full disk or a cut database connection is nobody's input error: the write leaves as a 503 with
 * a Chinese message and a Retry-After (the bench `bench/disk-full.ts` fills a real tmpfs; here the
 * database's own errors, as the drivers raise them, are thrown at the commit of a real write), and
 * the write is not kept. Anything else is still a 500.
 */
let t: TestApp;
let s: Session;
let districtId: number;
beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '满盘区', null, 'district');
  districtId = district.id;
  const admin = await makeUser(t.ctx, { orgId: district.id, roles: ['sys_admin'], dataScope: 'all' });
  s = await signIn(t, admin.username);
});
afterAll(async () => t.close());

/** The next transaction does its work, then fails as the database would at its commit. */
function failNextCommit(error: Error) {
  const original = t.ctx.db.transaction.bind(t.ctx.db);
  vi.spyOn(t.ctx.db, 'transaction').mockImplementationOnce(((fn: Parameters<Db['transaction']>[0]) =>
    original(async (tx) => {
      await fn(tx);
      throw error;
    })) as Db['transaction']);
}
/** drizzle's wrapper around a driver error */
const failedQuery = (cause: Error) => new Error('Failed query: commit', { cause });
const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

const createTown = (name: string) =>
  call(t, s, 'POST', '/api/v1/orgs', { name, kind: 'township', parentId: districtId });
const kept = async (name: string) =>
  (await t.ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, name))).length;

describe('storage unavailable', () => {
  it('a full disk: 503 存储空间不足 with Retry-After, and nothing kept', async () => {
    failNextCommit(
      failedQuery(driverError('53100', 'could not extend file "base/16384/16950": No space left on device')),
    );
    const res = await createTown('满盘镇');
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({
      code: 'storage_full',
      message: expect.stringMatching(/^存储空间不足/),
    });
    expect(res.headers['retry-after']).toBe('30');
    expect(await kept('满盘镇')).toBe(0);
    // space returns: the same write goes through
    expect((await createTown('满盘镇')).statusCode).toBe(200);
    expect(await kept('满盘镇')).toBe(1);
  });

  it('a terminated backend or a dropped connection: 503 数据库暂时无法连接', async () => {
    failNextCommit(failedQuery(driverError('57P01', 'terminating connection due to administrator command')));
    const cut = await createTown('断连镇');
    expect(cut.statusCode).toBe(503);
    expect(cut.json().error.code).toBe('database_unavailable');
    expect(cut.json().error.message).toMatch(/^数据库暂时无法连接/);
    failNextCommit(new Error('Connection terminated unexpectedly'));
    expect((await createTown('断连镇')).statusCode).toBe(503);
    expect(await kept('断连镇')).toBe(0);
  });

  it('any other failure is still a 500', async () => {
    failNextCommit(new TypeError("Cannot read properties of undefined (reading 'id')"));
    const res = await createTown('故障镇');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
  });
});
