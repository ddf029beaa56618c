import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreCommand } from '../../src/cli/backup-commands.js';
import { backup } from '../../src/server/platform/backup/backup.js';
import { restore } from '../../src/server/platform/backup/restore.js';
import { openContext } from '../../src/server/platform/bootstrap.js';
import {
  FieldKeyError,
  KEY_CHECK_SETTING,
  keyCheckOf,
  shortFingerprint,
} from '../../src/server/platform/crypto/key-check.js';
import { type Database, openDatabase } from '../../src/server/platform/db/client.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { settings } from '../../src/server/platform/settings/schema.js';
import { users } from '../../src/server/platform/users/schema.js';
import { makeOrg, makeUser } from '../support/factories.js';
import { freshDatabase, testConfig } from '../support/test-app.js';

/**
 * The field key and the database belong together: a server given no key or another key for a
 * database with sealed data refuses to start (and generates no new key); a backup carries the
 * key's fingerprint and a restore without the matching key is refused.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-key-'));
/** An empty files folder for a restored system (these databases refer to no stored file). */
const filesDir = () => mkdtempSync(path.join(os.tmpdir(), 'jiandu-keyfiles-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function emptyDatabase(): Promise<{ database: Database; databaseUrl?: string }> {
  const fresh = await freshDatabase();
  const database = await openDatabase({ databaseUrl: fresh.databaseUrl, poolSize: 2 });
  cleanups.push(async () => {
    await database.close();
    await fresh.drop();
  });
  return { database, databaseUrl: fresh.databaseUrl };
}

const newKey = () => randomBytes(32).toString('hex');
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  expect(e).toBeInstanceOf(FieldKeyError);
  return (e as Error).message;
};

let source: Database;
let dataDir: string;
let key: string;

beforeAll(async () => {
  ({ database: source } = await emptyDatabase());
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-keydir-'));
  // no FIELD_KEY: the first start generates DATA_DIR/field.key
  const ctx = await openContext({ config: testConfig({ dataDir, fieldKey: undefined }), database: source });
  const org = await makeOrg(ctx, '密钥区', null, 'district');
  const user = await makeUser(ctx, { orgId: org.id, roles: ['sys_admin'] });
  await ctx.db
    .update(users)
    .set({ totpSecret: ctx.crypto.encrypt('JBSWY3DPEHPK3PXP') })
    .where(eq(users.id, user.id));
  key = readFileSync(path.join(dataDir, 'field.key'), 'utf8').trim();
});

describe('the field key at start', () => {
  it('generates a key (600) for a new database and records its check value, never the key', async () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dataDir, 'field.key')).mode & 0o777).toBe(0o600);
    const rows = await source.db.select().from(settings);
    expect(rows).toEqual([expect.objectContaining({ key: KEY_CHECK_SETTING, value: keyCheckOf(key) })]);
    expect(JSON.stringify(rows)).not.toContain(key);
    // the same key again: starts
    await openContext({ config: testConfig({ dataDir, fieldKey: undefined }), database: source });
    await openContext({ config: testConfig({ fieldKey: key }), database: source });
  });

  it('refuses another key, naming FIELD_KEY and both fingerprints', async () => {
    const other = newKey();
    const message = await refusal(openContext({ config: testConfig({ fieldKey: other }), database: source }));
    expect(message).toContain('字段加密密钥与数据库不符，拒绝启动');
    expect(message).toContain('FIELD_KEY');
    expect(message).toContain(shortFingerprint(keyCheckOf(key)));
    expect(message).toContain(shortFingerprint(keyCheckOf(other)));
    expect(message).toContain('does not match');
    expect(message).not.toContain(key);
    // a wrong key file in the data folder is refused the same way
    const wrongDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-keydir-'));
    writeFileSync(path.join(wrongDir, 'field.key'), `${other}\n`);
    const fromFile = await refusal(
      openContext({ config: testConfig({ dataDir: wrongDir, fieldKey: undefined }), database: source }),
    );
    expect(fromFile).toContain(path.join(wrongDir, 'field.key'));
  });

  it('refuses to start without a key and generates none', async () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-keydir-'));
    const message = await refusal(
      openContext({ config: testConfig({ dataDir: emptyDir, fieldKey: undefined }), database: source }),
    );
    expect(message).toContain('字段加密密钥缺失，拒绝启动');
    expect(message).toContain('FIELD_KEY');
    expect(message).toContain(path.join(emptyDir, 'field.key'));
    expect(message).toContain('No new key is generated');
    expect(existsSync(path.join(emptyDir, 'field.key'))).toBe(false);
  });

  it('checks a database from before the check value by opening one sealed value, then records it', async () => {
    const { database } = await emptyDatabase();
    const ctx = await openContext({ config: testConfig({ fieldKey: key }), database });
    const org = await makeOrg(ctx, '旧库区', null, 'district');
    const user = await makeUser(ctx, { orgId: org.id, roles: ['sys_admin'] });
    await ctx.db
      .update(users)
      .set({ totpSecret: ctx.crypto.encrypt('X') })
      .where(eq(users.id, user.id));
    await database.db.delete(settings);
    const message = await refusal(openContext({ config: testConfig({ fieldKey: newKey() }), database }));
    expect(message).toContain('旧版数据库');
    expect(await database.db.select().from(settings)).toEqual([]);
    await openContext({ config: testConfig({ fieldKey: key }), database });
    expect((await database.db.select().from(settings))[0]?.value).toBe(keyCheckOf(key));
  });
});

describe('the field key in backups', () => {
  const file = (name: string) => path.join(dir, name);

  it("records the key's fingerprint in the manifest, never the key", async () => {
    const { manifest } = await backup({
      database: source,
      out: file('k.jsonl.gz'),
      filesDir: path.join(dir, 'files'),
    });
    expect(manifest.fieldKey).toEqual({ check: keyCheckOf(key) });
    expect(gunzipSync(readFileSync(file('k.jsonl.gz'))).toString('utf8')).not.toContain(key);
  });

  it('refuses a restore without the key or with another, before writing anything', async () => {
    const { database } = await emptyDatabase();
    const none = restore({ database, from: file('k.jsonl.gz'), filesDir: filesDir(), fieldKey: null });
    await expect(none).rejects.toThrow(/没有找到密钥.*FIELD_KEY.*field\.key.*--ignore-key-mismatch/s);
    const other = { key: newKey(), from: 'FIELD_KEY' };
    const wrong = restore({ database, from: file('k.jsonl.gz'), filesDir: filesDir(), fieldKey: other });
    await expect(wrong).rejects.toThrow(shortFingerprint(keyCheckOf(other.key)));
    await expect(wrong).rejects.toThrow('字段加密密钥与备份不符');
    const [{ r }] = rowsOf<{ r: string | null }>(
      await database.db.execute(sql`select to_regclass('users')::text as r`),
    );
    expect(r).toBeNull(); // not even migrated
  });

  it('restores with the right key, and says so', async () => {
    const { database } = await emptyDatabase();
    const result = await restoreCommand(database, file('k.jsonl.gz'), {
      filesDir: filesDir(),
      fieldKey: { key, from: 'FIELD_KEY' },
    });
    expect(result.ok).toBe(true);
    expect(result.lines.join('\n')).toContain(
      `✓ 字段加密密钥与数据一致（指纹 ${shortFingerprint(keyCheckOf(key))}）`,
    );
    expect(result.lines.at(-1)).toBe('校验通过：恢复的数据与备份一致。');
  });

  it('restores without the key only when told to, says the server will refuse, and it does', async () => {
    const { database } = await emptyDatabase();
    const result = await restoreCommand(database, file('k.jsonl.gz'), {
      filesDir: filesDir(),
      fieldKey: null,
      ignoreKeyMismatch: true,
    });
    expect(result.ok).toBe(true);
    expect(result.lines.join('\n')).toContain('✗ 没有字段加密密钥');
    expect(result.lines.at(-1)).toContain('服务将拒绝启动');
    expect(result.lines.at(-1)).not.toContain('校验通过');
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-keydir-'));
    await refusal(openContext({ config: testConfig({ dataDir: emptyDir, fieldKey: undefined }), database }));
    expect(existsSync(path.join(emptyDir, 'field.key'))).toBe(false);
    await openContext({ config: testConfig({ fieldKey: key }), database });
  });

  it('fails the check of an older backup (no fingerprint) whose sealed data the key cannot open', async () => {
    const lines = gunzipSync(readFileSync(file('k.jsonl.gz')))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const manifest = JSON.parse(lines[0]);
    delete manifest.fieldKey;
    manifest.tables = manifest.tables.map((t: { name: string; rows: number }) =>
      t.name === 'settings' ? { ...t, rows: 0 } : t,
    );
    const older = [
      JSON.stringify(manifest),
      ...lines.slice(1).filter((l) => !l.startsWith('{"t":"settings"')),
    ];
    writeFileSync(file('older.jsonl.gz'), gzipSync(`${older.join('\n')}\n`));
    const { database } = await emptyDatabase();
    const result = await restoreCommand(database, file('older.jsonl.gz'), {
      filesDir: filesDir(),
      fieldKey: { key: newKey(), from: 'FIELD_KEY' },
    });
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('✗ 字段加密密钥与数据不符');
    expect(result.lines.at(-1)).toContain('服务将拒绝启动');
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
