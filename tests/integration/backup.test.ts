import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../src/cli/backup-commands.js';
import { createAdminCommand } from '../../src/cli/create-admin.js';
import { appendAudit } from '../../src/server/platform/audit/append.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { backup } from '../../src/server/platform/backup/backup.js';
import { restore } from '../../src/server/platform/backup/restore.js';
import { backupTables } from '../../src/server/platform/backup/tables.js';
import { type Database, openDatabase } from '../../src/server/platform/db/client.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import { freshDatabase, type TestApp } from '../support/test-app.js';

let t: TestApp;
const dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-backup-'));
const file = (name: string) => path.join(dir, name);
const cleanups: (() => Promise<void>)[] = [];
/** The source's stored files, and a new empty files folder for each restored system. */
const srcFiles = () => path.join(t.ctx.config.dataDir, 'files');
const newFiles = () => mkdtempSync(path.join(os.tmpdir(), 'jiandu-backup-files-'));
/** The key the restored systems run with: the source's own. */
const key = () => ({ key: t.ctx.config.fieldKey!, from: 'FIELD_KEY' });

beforeAll(async () => {
  t = await createDemoTestApp(); // the demo, loaded once per run (tests/support/demo-app.ts)
  await createAdminCommand(t.ctx, { username: 'root', org: '新城区', password: 'Bk!2026-admin' });
  // Enough audit records to cross many fetch and insert batches, with nested, non-ASCII detail.
  for (let i = 0; i < 60; i++)
    await appendAudit(t.ctx.db, {
      at: new Date(Date.UTC(2026, 2, 2, 1, 0, i, 7)),
      action: 'demo.view',
      ip: '::1',
      detail: { n: i, 说明: '查看“档案”', nested: { list: [1, 'a', null], empty: {} } },
    });
}, DEMO_HOOK_TIMEOUT); // the demo (two townships' petitions through the workflow) takes a while on a busy machine
afterAll(async () => {
  for (const c of cleanups) await c();
  await t.close();
});

/** A new, empty database of the given kind (PostgreSQL only when TEST_DATABASE_URL is set). */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    cleanups.push(() => database.close());
    return database;
  }
  const fresh = await freshDatabase();
  const database = await openDatabase({ databaseUrl: fresh.databaseUrl, poolSize: 2 });
  cleanups.push(async () => {
    await database.close();
    await fresh.drop();
  });
  return database;
}

/** Every row of every table as PostgreSQL prints it: timestamps to the microsecond, jsonb, all of it. */
async function dump(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of backupTables()) {
    const order = sql.raw(table.key.map((k) => `"${k}"`).join(', '));
    const rows = rowsOf<{ r: string }>(
      await database.db.execute(
        sql`select row_to_json(x)::text as r from ${sql.identifier(table.name)} x order by ${order}`,
      ),
    );
    out[table.name] = rows.map((r) => r.r);
  }
  return out;
}

const targets: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

describe('backup and restore', () => {
  it('copies every row exactly, in small batches, and the restored copy verifies', async () => {
    const source = await dump(t.ctx.database);
    const { manifest } = await backup({
      database: t.ctx.database,
      out: file('a.jsonl.gz'),
      filesDir: srcFiles(),
      batchSize: 7,
    });
    expect(manifest.tables.find((x) => x.name === 'audit_log')?.rows).toBe(source.audit_log.length);
    expect(manifest.audit.lastHash).toBe((await verifyAuditChain(t.ctx.db)).lastHash);

    let from = file('a.jsonl.gz');
    for (const [i, kind] of targets.entries()) {
      const target = await emptyDatabase(kind);
      const { check } = await restore({
        database: target,
        from,
        filesDir: newFiles(),
        batchSize: 5,
        fieldKey: key(),
      });
      expect(check.ok, kind).toBe(true);
      expect(check.tables.every((x) => x.actual === x.expected)).toBe(true);
      expect(await dump(target)).toEqual(source);
      // Round trip through this target too: PGlite → PostgreSQL as well as the source's own kind.
      from = file(`b${i}.jsonl.gz`);
      await backup({ database: target, out: from, filesDir: srcFiles() });
      await expectUsable(target, source);
    }
  });

  it('prints the verification and refuses a database that already holds data', async () => {
    const out = await backupCommand(t.ctx.database, file('c.jsonl.gz'), { dataDir: t.ctx.config.dataDir });
    expect(out.ok).toBe(true);
    expect(out.lines[0]).toContain('备份完成');
    const target = await emptyDatabase(targets[targets.length - 1]);
    const ok = await restoreCommand(target, file('c.jsonl.gz'), { filesDir: newFiles(), fieldKey: key() });
    expect(ok.ok).toBe(true);
    expect(ok.lines.at(-1)).toBe('校验通过：恢复的数据与备份一致。');
    await expect(
      restore({ database: target, from: file('c.jsonl.gz'), filesDir: newFiles(), fieldKey: key() }),
    ).rejects.toThrow('目标数据库不是空的');
    await expect(
      restore({ database: t.ctx.database, from: file('c.jsonl.gz'), filesDir: newFiles(), fieldKey: key() }),
    ).rejects.toThrow('恢复只能写入空数据库');
  });

  it('fails verification when an audit row of the file was edited, or a row is missing', async () => {
    await backup({ database: t.ctx.database, out: file('d.jsonl.gz'), filesDir: srcFiles() });
    const lines = gunzipSync(readFileSync(file('d.jsonl.gz')))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const at = lines.findIndex((l) => l.includes('"demo.view"'));
    const line = JSON.parse(lines[at]);
    line.r.action = 'demo.edit';
    const tampered = [...lines];
    tampered[at] = JSON.stringify(line);
    writeFileSync(file('tampered.jsonl.gz'), gzipSync(`${tampered.join('\n')}\n`));

    const result = await restoreCommand(await emptyDatabase(targets[0]), file('tampered.jsonl.gz'), {
      filesDir: newFiles(),
      fieldKey: key(),
    });
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain(`审计日志在 ID ${line.r.id} 处断裂`);
    expect(result.lines.at(-1)).toContain('校验失败');

    const missing = lines.filter((_, i) => i !== lines.findIndex((l) => l.startsWith('{"t":"orgs"')));
    writeFileSync(file('missing.jsonl.gz'), gzipSync(missing.join('\n')));
    const short = await restoreCommand(await emptyDatabase(targets[0]), file('missing.jsonl.gz'), {
      filesDir: newFiles(),
      fieldKey: key(),
    });
    expect(short.ok).toBe(false);
    expect(short.lines.join('\n')).toMatch(/✗ orgs：备份 \d+ 行/);
  });

  it("counts each petition's reports, opinions and last step again, and gives events their state, for a backup made before they existed", async () => {
    await backup({ database: t.ctx.database, out: file('e.jsonl.gz'), filesDir: srcFiles() });
    const newer: Record<string, Set<string>> = {
      petitions: new Set(['report_count', 'opinion_count', 'last_step_on']),
      petition_events: new Set(['due_on', 'disposal', 'extension_days']),
    };
    const lines = gunzipSync(readFileSync(file('e.jsonl.gz')))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l, i) => {
        if (i === 0) {
          const manifest = JSON.parse(l);
          for (const table of manifest.tables)
            table.columns = table.columns.filter((c: string) => !newer[table.name]?.has(c));
          return JSON.stringify(manifest);
        }
        const { t: table, r: row } = JSON.parse(l);
        if (!newer[table]) return l;
        for (const c of newer[table]) delete row[c];
        return JSON.stringify({ t: table, r: row });
      });
    writeFileSync(file('older.jsonl.gz'), gzipSync(`${lines.join('\n')}\n`));
    const target = await emptyDatabase(targets[0]);
    const { check } = await restore({
      database: target,
      from: file('older.jsonl.gz'),
      filesDir: newFiles(),
      fieldKey: key(),
    });
    expect(check.ok).toBe(true);
    const counts = `select count(*) filter (where kind = 'report')::int as reports,
      count(*) filter (where kind = 'opinion')::int as opinions from petition_documents`;
    const sums =
      'select sum(report_count)::int as reports, sum(opinion_count)::int as opinions from petitions';
    const [documents] = rowsOf(await target.db.execute(sql.raw(counts)));
    expect(documents.reports).toBeGreaterThan(0);
    expect(rowsOf(await target.db.execute(sql.raw(sums)))[0]).toEqual(documents);
    expect(rowsOf(await t.ctx.database.db.execute(sql.raw(sums)))[0]).toEqual(documents);
    const steps = 'select id::text as id, last_step_on::text as on from petitions order by petitions.id';
    const restored = rowsOf(await target.db.execute(sql.raw(steps)));
    expect(restored.every((r) => r.on !== null)).toBe(true);
    expect(restored).toEqual(rowsOf(await t.ctx.database.db.execute(sql.raw(steps))));
    const stateless = 'select count(*)::int as n from petition_events where extension_days is null';
    expect(rowsOf(await target.db.execute(sql.raw(stateless)))[0].n).toBe(0);
  });

  it('refuses a file that is not a backup, with a clear message', async () => {
    const database = await emptyDatabase('pglite');
    writeFileSync(file('junk.gz'), gzipSync('{"hello":1}\n'));
    await expect(
      restore({ database, from: file('junk.gz'), filesDir: newFiles(), fieldKey: key() }),
    ).rejects.toThrow('这不是监督 Jiandu 的备份文件');
    writeFileSync(file('broken.gz'), readFileSync(file('a.jsonl.gz')).subarray(0, 200));
    await expect(
      restore({ database, from: file('broken.gz'), filesDir: newFiles(), fieldKey: key() }),
    ).rejects.toThrow('备份文件已损坏');
    await expect(
      restore({ database, from: file('none.gz'), filesDir: newFiles(), fieldKey: key() }),
    ).rejects.toThrow('找不到备份文件');
  });
});

/** After a restore the database takes new writes: sequences continue, the audit log is append-only again. */
async function expectUsable(target: Database, source: Record<string, string[]>) {
  await appendAudit(target.db, { at: new Date(), action: 'after.restore' });
  const chain = await verifyAuditChain(target.db);
  expect(chain.firstBreak).toBeNull();
  expect(chain.checked).toBe(source.audit_log.length + 1);
  const [org] = rowsOf<{ id: number }>(
    await target.db.execute(sql`insert into orgs (name, kind) values ('新组织', 'township') returning id`),
  );
  expect(Number(org.id)).toBe(source.orgs.length + 1);
  await expect(target.db.execute(sql`update audit_log set action = 'x' where id = 1`)).rejects.toThrow();
}
