import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../src/cli/backup-commands.js';
import { buildApp } from '../../src/server/app.js';
import { petitionAttachments } from '../../src/server/modules/petitions/schema.js';
import { OFFICER_UPLOADS } from '../../src/server/modules/petitions/workflow/attachments.js';
import { backup } from '../../src/server/platform/backup/backup.js';
import { restore } from '../../src/server/platform/backup/restore.js';
import { verifyBackupFile } from '../../src/server/platform/backup/verify-file.js';
import { openContext } from '../../src/server/platform/bootstrap.js';
import { type Database, openDatabase } from '../../src/server/platform/db/client.js';
import { checkFile, keepFile } from '../../src/server/platform/files/store.js';
import { backupNow } from '../support/backup-now.js';
import { call, makeUser, signIn } from '../support/factories.js';
import { upload } from '../support/lrmx-helpers.js';
import {
  type PetitionWorld,
  petitionWorkflowWorld,
  postPetition,
} from '../support/petition-workflow-world.js';
import { anonymousReport, docx, jpeg, submitReport } from '../support/portal-helpers.js';
import { embeddedSuite, runCli } from '../support/run-cli.js';
import { createTestApp, FakeClock, freshDatabase, type TestApp, testConfig } from '../support/test-app.js';

/**
 * A backup carries the stored files its rows refer to (officers' attachments, the portal's), and
 * a restore puts them back: into an empty database and an empty data folder, after which every
 * attachment downloads again byte for byte. A file damaged in the backup, missing from it, or
 * missing from the data folder when the backup was made is named with the row that refers to it.
 * A backup from before files were carried still restores, and says it has none.
 */
let t: TestApp;
let w: PetitionWorld;
const dir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-backup-files-'));
const file = (name: string) => path.join(dir, name);
const cleanups: (() => Promise<void>)[] = [];
const key = () => ({ key: t.ctx.config.fieldKey!, from: 'FIELD_KEY' });
const srcFiles = () => path.join(t.ctx.config.dataDir, 'files');
/** What each upload's name holds. */
const uploaded = new Map<string, Buffer>();
const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(700 * 1024)]); // several chunk lines
const letter = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  w = await petitionWorkflowWorld(t);
  const body = (title: string) => ({
    orgId: w.town.id,
    channel: 'letter',
    receivedOn: '2026-02-27',
    realName: false,
    title,
    content: '村干部办事拖拉，作风漂浮。',
    category: 'work_style',
  });
  const first = await postPetition(t, w.s.officer, body('反映干部作风问题'));
  const second = await postPetition(t, w.s.officer, body('反映惠农补贴发放问题'));
  const attach = async (id: number, name: string, bytes: Buffer) => {
    const res = await upload(t, w.s.officer, `/api/v1/petitions/${id}/attachments`, { name, bytes });
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    uploaded.set(name, bytes);
  };
  await attach(first.id, '来信扫描件.pdf', letter);
  await attach(first.id, '通话录音整理.pdf', big);
  await attach(first.id, '现场照片.jpg', jpeg('officer photo'));
  // the same letter on the second case: one stored file, two rows
  await attach(second.id, '来信扫描件（复印）.pdf', letter);
  // a zip carries the time it was made: the very bytes sent are the ones expected back
  const word = docx();
  const portal = await submitReport(t, anonymousReport(w.town.id), [
    { name: '证据照片.jpg', bytes: jpeg('portal photo') },
    { name: '情况说明.docx', bytes: word },
  ]);
  if (portal.statusCode !== 200) throw new Error(`portal: ${portal.statusCode} ${portal.body}`);
  uploaded.set('证据照片.jpg', jpeg('portal photo'));
  uploaded.set('情况说明.docx', word);
  // a stored file no row refers to (an upload whose row was never written) is not carried
  await keepFile(t.ctx, checkFile(jpeg('orphan'), 'orphan.jpg', OFFICER_UPLOADS));
}, 120_000);
afterAll(async () => {
  for (const c of cleanups) await c();
  await t.close();
});

const attachments = () => t.ctx.db.select().from(petitionAttachments).orderBy(asc(petitionAttachments.id));
const lines = (name: string) =>
  gunzipSync(readFileSync(file(name)))
    .toString('utf8')
    .trimEnd()
    .split('\n');
const write = (name: string, ls: string[]) => writeFileSync(file(name), gzipSync(`${ls.join('\n')}\n`));

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
const newDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'jiandu-restored-'));

/** The restored system as a server: the same key, its own (restored) data folder. */
async function serve(database: Database, dataDir: string): Promise<TestApp> {
  const clock = new FakeClock();
  const config = testConfig({ dataDir, fieldKey: t.ctx.config.fieldKey });
  const ctx = await openContext({ config, clock, database });
  const app = await buildApp(ctx);
  await app.ready();
  const served = { app, ctx, clock, close: () => app.close() };
  cleanups.unshift(() => served.close());
  return served;
}

const targets: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

describe('a backup carries the stored files', () => {
  it('holds every referenced file once, in chunks, with its size and digest; not the orphan', async () => {
    const rows = await attachments();
    expect(rows).toHaveLength(6);
    const keys = [...new Set(rows.map((r) => r.storageKey))].sort();
    expect(keys).toHaveLength(5);
    const made = await backup({ database: t.ctx.database, out: file('a.jsonl.gz'), filesDir: srcFiles() });
    expect(made.manifest.version).toBe(2);
    expect(made.manifest.files?.columns).toContain('petition_attachments.storage_key');
    expect(made.files).toMatchObject({ count: 5, problemCount: 0, problems: [] });
    const sizes = new Map(rows.map((r) => [r.storageKey, r.size]));
    expect(made.files.bytes).toBe(keys.reduce((n, k) => n + sizes.get(k)!, 0));

    const all = lines('a.jsonl.gz');
    const ends = all.filter((l) => /^\{"f":"[^"]+","size"/.test(l)).map((l) => JSON.parse(l));
    expect(ends.map((e) => e.f)).toEqual(keys);
    for (const e of ends) expect(e).toEqual({ f: e.f, size: sizes.get(e.f), sha256: e.f.slice(3) });
    const bigKey = rows.find((r) => r.fileName === '通话录音整理.pdf')!.storageKey;
    const chunks = all.filter((l) => l.startsWith(`{"f":"${bigKey}","d":`));
    expect(chunks.length).toBe(4); // 700 KiB in lines of 192 KiB
    expect(Buffer.concat(chunks.map((l) => Buffer.from(JSON.parse(l).d, 'base64'))).equals(big)).toBe(true);
    expect(JSON.parse(all.at(-1)!)).toEqual({ end: made.files });
    // rows first, then files: every row line comes before the first file line
    const firstFile = all.findIndex((l) => l.startsWith('{"f":'));
    expect(all.slice(firstFile).some((l) => l.startsWith('{"t":'))).toBe(false);
  });

  for (const kind of targets)
    it(`restores into an empty ${kind} database and an empty DATA_DIR: every attachment downloads again, byte-identical`, async () => {
      const dataDir = newDataDir();
      const filesDir = path.join(dataDir, 'files');
      const database = await emptyDatabase(kind);
      const r = await restoreCommand(database, file('a.jsonl.gz'), { filesDir, fieldKey: key() });
      expect(r.ok, r.lines.join('\n')).toBe(true);
      expect(r.lines.join('\n')).toContain('✓ 上传的文件：恢复 5 个');
      expect(r.lines.join('\n')).toContain('6 条记录引用的文件都在且摘要一致');
      expect(r.lines.at(-1)).toBe('校验通过：恢复的数据与备份一致。');

      // private like the rest of the data folder, and nothing left half-written
      expect(statSync(filesDir).mode & 0o777).toBe(0o700);
      for (const a of await attachments()) {
        expect(statSync(path.dirname(path.join(filesDir, a.storageKey))).mode & 0o777).toBe(0o700);
        expect(statSync(path.join(filesDir, a.storageKey)).mode & 0o777).toBe(0o600);
      }

      const restored = await serve(database, dataDir);
      const reader = await makeUser(restored.ctx, { orgId: w.town.id, roles: ['discipline_officer'] });
      const s = await signIn(restored, reader.username);
      for (const a of await attachments()) {
        const res = await call(restored, s, 'GET', `/api/v1/petitions/${a.petitionId}/attachments/${a.id}`);
        expect(res.statusCode, a.fileName).toBe(200);
        expect(res.rawPayload.equals(uploaded.get(a.fileName)!), a.fileName).toBe(true);
      }
    }, 120_000);
});

describe('a backup whose files are not whole fails verification, naming the file and the row', () => {
  it('a tampered file (its chunk changed, or its chunk and declared digest both) is named and never put in place', async () => {
    const rows = await attachments();
    const photo = rows.find((r) => r.fileName === '现场照片.jpg')!;
    const docxRow = rows.find((r) => r.fileName === '情况说明.docx')!;
    const flip = (l: string) => {
      const line = JSON.parse(l);
      const bytes = Buffer.from(line.d, 'base64');
      bytes[bytes.length - 1] ^= 0xff;
      return { line: JSON.stringify({ f: line.f, d: bytes.toString('base64') }), bytes };
    };
    const tampered = lines('a.jsonl.gz').map((l) => {
      if (l.startsWith(`{"f":"${photo.storageKey}","d":`)) return flip(l).line;
      if (l.startsWith(`{"f":"${docxRow.storageKey}","d":`)) return flip(l).line;
      // the docx's end line is made to match the changed bytes: the key still names the true digest
      if (l.startsWith(`{"f":"${docxRow.storageKey}","size"`)) {
        const changed = flip(
          lines('a.jsonl.gz').find((x) => x.startsWith(`{"f":"${docxRow.storageKey}","d":`))!,
        );
        const sha256 = createHash('sha256').update(changed.bytes).digest('hex');
        return JSON.stringify({ f: docxRow.storageKey, size: changed.bytes.length, sha256 });
      }
      return l;
    });
    write('tampered.jsonl.gz', tampered);

    const dataDir = newDataDir();
    const filesDir = path.join(dataDir, 'files');
    const r = await restoreCommand(await emptyDatabase(targets.at(-1)!), file('tampered.jsonl.gz'), {
      filesDir,
      fieldKey: key(),
    });
    const text = r.lines.join('\n');
    expect(r.ok).toBe(false);
    expect(text).toContain(
      `✗ petition_attachments #${photo.id}（现场照片.jpg） 引用的文件 ${photo.storageKey} 已损坏（内容与摘要不符）`,
    );
    expect(text).toContain(
      `✗ petition_attachments #${docxRow.id}（情况说明.docx） 引用的文件 ${docxRow.storageKey} 已损坏（内容与摘要不符）`,
    );
    expect(r.lines.at(-1)).toContain('校验失败');
    expect(existsSync(path.join(filesDir, photo.storageKey))).toBe(false);
    expect(existsSync(path.join(filesDir, docxRow.storageKey))).toBe(false);
    expect(existsSync(path.join(filesDir, rows[0].storageKey))).toBe(true); // the whole ones are there

    // the live backups' verification (files checked as they stream by) finds the same
    expect(await verifyBackupFile(file('tampered.jsonl.gz'))).toMatch(
      new RegExp(`^petition_attachments #${photo.id} 引用的文件 ${photo.storageKey} 已损坏.*共 2 处文件问题`),
    );
  }, 120_000);

  it('a file left out of the backup, or its end cut off, is named too', async () => {
    const photo = (await attachments()).find((r) => r.fileName === '证据照片.jpg')!;
    const without = lines('a.jsonl.gz').filter((l) => !l.startsWith(`{"f":"${photo.storageKey}"`));
    write('without.jsonl.gz', without);
    const r = await restoreCommand(await emptyDatabase('pglite'), file('without.jsonl.gz'), {
      filesDir: path.join(newDataDir(), 'files'),
      fieldKey: key(),
    });
    expect(r.ok).toBe(false);
    expect(r.lines.join('\n')).toContain(
      `✗ petition_attachments #${photo.id}（证据照片.jpg） 引用的文件 ${photo.storageKey} 缺失（备份中没有这个文件）`,
    );

    write('cut.jsonl.gz', lines('a.jsonl.gz').slice(0, -1));
    const cut = await restoreCommand(await emptyDatabase('pglite'), file('cut.jsonl.gz'), {
      filesDir: path.join(newDataDir(), 'files'),
      fieldKey: key(),
    });
    expect(cut.ok).toBe(false);
    expect(cut.lines.join('\n')).toContain('✗ 备份文件不完整：缺少结尾标记');
  }, 120_000);

  it('refuses a file name that is not a storage key (no path leaves the files folder)', async () => {
    const evil = [...lines('a.jsonl.gz')];
    evil.splice(-1, 0, JSON.stringify({ f: '../../field.key', d: Buffer.from('x').toString('base64') }));
    write('evil.jsonl.gz', evil);
    await expect(
      restore({
        database: await emptyDatabase('pglite'),
        from: file('evil.jsonl.gz'),
        filesDir: path.join(newDataDir(), 'files'),
        fieldKey: key(),
      }),
    ).rejects.toThrow('有一个文件的名称不是存储键');
  }, 60_000);
});

describe('a file missing from the data folder when the backup is made', () => {
  it('is reported by the backup, noted in it, and named with its row by the restore', async () => {
    const letterRows = (await attachments()).filter((r) => r.fileName.startsWith('来信扫描件'));
    const stored = path.join(srcFiles(), letterRows[0].storageKey);
    renameSync(stored, `${stored}.away`);
    try {
      const made = await backupCommand(t.ctx.database, file('absent.jsonl.gz'), {
        dataDir: t.ctx.config.dataDir,
      });
      expect(made.ok).toBe(false);
      const text = made.lines.join('\n');
      expect(text).toContain('上传的文件 4 个');
      expect(text).toContain('✗ 有 1 个被记录引用的文件未能完整备份');
      expect(text).toContain(`${letterRows[0].storageKey}：数据目录中没有这个文件`);
    } finally {
      renameSync(`${stored}.away`, stored);
    }
    const r = await restoreCommand(await emptyDatabase('pglite'), file('absent.jsonl.gz'), {
      filesDir: path.join(newDataDir(), 'files'),
      fieldKey: key(),
    });
    expect(r.ok).toBe(false);
    // both rows that share the file are named
    for (const row of letterRows)
      expect(r.lines.join('\n')).toContain(
        `✗ petition_attachments #${row.id}（${row.fileName}） 引用的文件 ${row.storageKey} 缺失（备份时数据目录中已没有这个文件）`,
      );
  }, 120_000);
});

describe('a backup from before files were carried (format 1)', () => {
  it('restores as before, and says it holds no files and how many rows refer to them', async () => {
    const old = lines('a.jsonl.gz')
      .filter((l) => !l.startsWith('{"f":') && !l.startsWith('{"end":'))
      .map((l, i) => {
        if (i > 0) return l;
        const manifest = JSON.parse(l);
        delete manifest.files;
        return JSON.stringify({ ...manifest, version: 1 });
      });
    write('v1.jsonl.gz', old);
    const filesDir = path.join(newDataDir(), 'files');
    const r = await restoreCommand(await emptyDatabase(targets.at(-1)!), file('v1.jsonl.gz'), {
      filesDir,
      fieldKey: key(),
    });
    expect(r.ok, r.lines.join('\n')).toBe(true);
    expect(r.lines.join('\n')).toContain(
      '! 此备份不含上传的文件（旧版本的备份）：6 条记录引用的附件须另从原系统的 DATA_DIR/files 复制',
    );
    expect(r.lines.at(-1)).toBe('校验通过：恢复的数据与备份一致。');
    expect(existsSync(filesDir)).toBe(false);
  }, 60_000);
});

describe('backups of the running system carry the files', () => {
  it('a verified live backup holds them; a damaged or vanished source file makes it fail, named', async () => {
    const sys = await makeUser(t.ctx, { orgId: w.district.id, roles: ['sys_admin'], dataScope: 'all' });
    const admin = await signIn(t, sys.username);
    const ok = (await backupNow(t, admin)).result!;
    expect(ok).toMatchObject({ verified: true, problem: null, files: 5 });
    expect(ok.fileBytes).toBeGreaterThan(big.length);
    const list = await call(t, admin, 'GET', '/api/v1/backups');
    expect(list.json().items[0]).toMatchObject({ name: ok.name, files: 5 });

    // the live copy restores its files like any other
    const dataDir = newDataDir();
    const live = path.join(t.ctx.config.dataDir, 'backups', ok.name);
    const { check } = await restore({
      database: await emptyDatabase('pglite'),
      from: live,
      filesDir: path.join(dataDir, 'files'),
      fieldKey: key(),
    });
    expect(check.files).toMatchObject({ ok: true, files: 5, references: 6 });

    // a file damaged on disk (files are written once, so this is the disk's doing)
    const photo = (await attachments()).find((r) => r.fileName === '现场照片.jpg')!;
    const stored = path.join(srcFiles(), photo.storageKey);
    const good = readFileSync(stored);
    writeFileSync(stored, Buffer.concat([good, Buffer.from('x')]));
    t.clock.advance(60_000);
    const damagedJob = await backupNow(t, admin);
    writeFileSync(stored, good);
    const damaged = damagedJob.result!;
    expect(damaged).toMatchObject({ verified: false, files: 4 });
    expect(damagedJob.message).toBe(`备份完成，但校验未通过：${damaged.problem}`);
    // what the system administrator sees names the row and the key, not the attachment's name (三员分立)
    expect(damaged.problem).toBe(
      `petition_attachments #${photo.id} 引用的文件 ${photo.storageKey} 已损坏（内容与摘要不符）`,
    );

    // a file gone from the folder after the snapshot: the backup completes and says so
    renameSync(stored, `${stored}.away`);
    t.clock.advance(60_000);
    const gone = (await backupNow(t, admin)).result!;
    renameSync(`${stored}.away`, stored);
    expect(gone).toMatchObject({ verified: false, files: 4 });
    expect(gone.problem).toBe(
      `petition_attachments #${photo.id} 引用的文件 ${photo.storageKey} 缺失（备份时数据目录中已没有这个文件）`,
    );
  }, 480_000);
});

describe.runIf(embeddedSuite)('the jiandu commands', () => {
  it('`backup` takes DATA_DIR/files along and `restore` puts them into the new DATA_DIR/files', async () => {
    const from = mkdtempSync(path.join(os.tmpdir(), 'jiandu-clisrc-'));
    const created = await runCli(['create-admin', '--username', 'root', '--org', '新城区'], {
      dataDir: from,
      stdin: 'Cli!2026-admin\n',
    });
    expect(created.code).toBe(0);
    // an attachment row and its stored file, as an upload leaves them
    const stored = await keepFile(
      { config: { dataDir: from } as TestApp['ctx']['config'], clock: t.clock },
      checkFile(big, '录音整理.pdf', OFFICER_UPLOADS),
    );
    const source = await openDatabase({ dataDir: from });
    await source.db.insert(petitionAttachments).values({
      petitionId: 1,
      fileName: stored.fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
    });
    await source.close();

    const out = path.join(from, 'b.jsonl.gz');
    const made = await runCli(['backup', '--out', out], { dataDir: from });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('上传的文件 1 个（0.7 MB）');

    const to = mkdtempSync(path.join(os.tmpdir(), 'jiandu-clidst-'));
    copyFileSync(path.join(from, 'field.key'), path.join(to, 'field.key'));
    const restored = await runCli(['restore', '--from', out], { dataDir: to });
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`✓ 上传的文件：恢复 1 个（0.7 MB）到 ${path.join(to, 'files')}`);
    const copy = path.join(to, 'files', stored.storageKey);
    expect(readFileSync(copy).equals(big)).toBe(true);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(to, 'files')).mode & 0o777).toBe(0o700);
  }, 240_000);
});
