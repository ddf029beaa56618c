import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../access/actor.js';
import { recordAnchor } from '../audit/anchors.js';
import { appendAudit } from '../audit/append.js';
import type { AppContext } from '../context.js';
import { shortFingerprint } from '../crypto/key-check.js';
import { ensurePrivateDir } from '../db/private-files.js';
import { filesRoot } from '../files/store.js';
import { conflict, notFound } from '../http/errors.js';
import { projectRoot } from '../paths.js';
import type { BackupTask, BackupTaskProgress, BackupTaskResult } from './backup-worker.js';
import type { FilesSummary, Manifest } from './format.js';

/**
 * Backups of the running system into DATA_DIR/backups: the nightly job, the administrator's
 * "立即备份" and `jiandu backup` while the server holds the embedded database all come here.
 * On the embedded database the rows are read from a copy of its files taken in PGlite's exclusive
 * section, so requests wait only while the files are copied; on PostgreSQL from one REPEATABLE
 * READ transaction on a connection of its own. Both run in a worker thread, which also verifies
 * the file by restoring it into a scratch in-memory database (the restore's own check). The
 * result is described in a sidecar `<name>.json` and its audit head recorded as an anchor.
 */
export type BackupKind = 'scheduled' | 'manual' | 'cli';

export interface BackupRecord {
  name: string;
  createdAt: string;
  kind: BackupKind;
  size: number;
  rows: number;
  /** Stored files carried whole, and their bytes; null in records of backups made before files were carried. */
  files: number | null;
  fileBytes: number | null;
  auditLastId: number | null;
  /** Restored into a scratch database and found whole. */
  verified: boolean;
  /** Why the verification failed, in Chinese. */
  problem: string | null;
  /** The field key's fingerprint recorded in the backup (never the key). */
  keyFingerprint: string | null;
}

export const backupsDir = (ctx: Pick<AppContext, 'config'>) => path.join(ctx.config.dataDir, 'backups');
const NAME = /^jiandu-\d{8}T\d{6}Z-(scheduled|manual|cli)\.jsonl\.gz$/;
export const isBackupName = (name: string) => NAME.test(name);

const compactTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

let running = false;

/**
 * The one backup this process makes at a time: taken before anything is awaited, so of two
 * requests at once one is refused (409, in Chinese). Returns the function that gives it back.
 */
export function claimBackupSlot(): () => void {
  if (running) throw conflict('正在进行另一次备份，请等它完成后再试');
  running = true;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running = false;
  };
}

export interface BackupRequest {
  kind: BackupKind;
  actor?: Actor | null;
  ip?: string | null;
  /** Steps done of the total while the worker backs up and verifies (for a page's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Makes, verifies and anchors one backup. One at a time per process: a second call meanwhile is a
 * 409 — unless the caller already holds the slot (`release`, from claimBackupSlot), which this gives back.
 */
export async function makeBackup(
  ctx: AppContext,
  opts: BackupRequest,
  release: () => void = claimBackupSlot(),
): Promise<BackupRecord> {
  try {
    return await createBackup(ctx, opts);
  } finally {
    release();
  }
}

async function createBackup(ctx: AppContext, opts: BackupRequest): Promise<BackupRecord> {
  const dir = backupsDir(ctx);
  ensurePrivateDir(dir);
  const now = ctx.clock.now();
  let name = `jiandu-${compactTime(now)}-${opts.kind}.jsonl.gz`;
  if (existsSync(path.join(dir, name)))
    name = `jiandu-${compactTime(new Date(now.getTime() + 1000))}-${opts.kind}.jsonl.gz`;
  const file = path.join(dir, name);
  const actor = opts.actor ?? null;
  if (actor) actor.audited = true;
  const audit = (result: 'success' | 'failure', detail: Record<string, unknown>) =>
    appendAudit(ctx.db, {
      at: ctx.clock.now(),
      userId: actor?.userId ?? null,
      username: actor?.username ?? null,
      orgId: actor?.orgId ?? null,
      ip: actor?.ip ?? opts.ip ?? null,
      action: 'backup.create',
      objectType: 'backup',
      objectId: name,
      result,
      detail: { kind: opts.kind, ...detail },
    });
  let made: { manifest: Manifest; files: FilesSummary; problem: string | null };
  try {
    made = await backupInWorker(ctx, file, now, opts.onProgress);
  } catch (e) {
    await audit('failure', { error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  const { manifest, files, problem } = made;
  const record: BackupRecord = {
    name,
    createdAt: now.toISOString(),
    kind: opts.kind,
    size: statSync(file).size,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    files: files.count,
    fileBytes: files.bytes,
    auditLastId: manifest.audit.lastId,
    verified: problem === null,
    problem,
    keyFingerprint: manifest.fieldKey ? shortFingerprint(manifest.fieldKey.check) : null,
  };
  writeFileSync(`${file}.json`, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  await recordAnchor({
    db: ctx.db,
    dataDir: ctx.config.dataDir,
    at: now,
    source: 'backup',
    head: manifest.audit,
  });
  await audit(record.verified ? 'success' : 'failure', {
    rows: record.rows,
    files: files.count,
    size: record.size,
    verified: record.verified,
    // referenced files the data folder lacked or held damaged when they were copied
    ...(files.problemCount ? { fileProblems: files.problemCount, problem } : {}),
  });
  return record;
}

/**
 * The backup itself and its verification, in a worker thread: reading and restoring run PGlite's
 * WebAssembly, which would otherwise hold this thread (and every request) for seconds. On the
 * embedded database the server only copies its files, in PGlite's exclusive section (the moment's
 * committed state, no transaction open); the worker reads that copy.
 */
async function backupInWorker(
  ctx: AppContext,
  file: string,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<{ manifest: Manifest; files: FilesSummary; problem: string | null }> {
  const task: BackupTask = { out: file, now: now.toISOString(), filesDir: filesRoot(ctx) };
  const pg = ctx.database.pglite;
  if (ctx.database.kind === 'pglite' && pg) {
    // a Blob crosses to the worker without a copy
    task.dump = await pg._runExclusiveTransaction(() => pg.dumpDataDir('none'));
  } else {
    task.databaseUrl = ctx.config.databaseUrl;
  }
  const worker = new Worker(path.join(projectRoot, 'src/server/platform/backup/worker-entry.mjs'));
  try {
    const result = await new Promise<BackupTaskResult>((resolve, reject) => {
      worker.on('message', (m: BackupTaskResult | BackupTaskProgress) => {
        if ('progress' in m) onProgress?.(m.progress.done, m.progress.total);
        else resolve(m);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`备份进程意外退出（${code}）`)));
      worker.postMessage(task);
    });
    if ('error' in result) throw new Error(result.error);
    return result;
  } finally {
    await worker.terminate();
  }
}

/** The backups in DATA_DIR/backups, newest first. */
export function listBackups(ctx: Pick<AppContext, 'config'>): BackupRecord[] {
  const dir = backupsDir(ctx);
  if (!existsSync(dir)) return [];
  const out: BackupRecord[] = [];
  for (const name of readdirSync(dir)) {
    if (!isBackupName(name)) continue;
    out.push(describe(dir, name));
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function describe(dir: string, name: string): BackupRecord {
  const file = path.join(dir, name);
  try {
    const record = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as BackupRecord;
    // a record from before backups carried the stored files
    return { ...record, files: record.files ?? null, fileBytes: record.fileBytes ?? null };
  } catch {
    // made by hand or by an older version: what the file itself says
    const m = /^jiandu-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-(\w+)\./.exec(name)!;
    return {
      name,
      createdAt: new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`).toISOString(),
      kind: m[7] as BackupKind,
      size: statSync(file).size,
      rows: 0,
      files: null,
      fileBytes: null,
      auditLastId: null,
      verified: false,
      problem: '没有校验记录',
      keyFingerprint: null,
    };
  }
}

/** The path of a backup by its name; 404 for anything else (no path in a name). */
export function backupFile(ctx: Pick<AppContext, 'config'>, name: string): string {
  const file = path.join(backupsDir(ctx), name);
  if (!isBackupName(name) || !existsSync(file)) throw notFound('备份文件不存在');
  return file;
}

/**
 * Retention: backups older than `keepDays` are deleted, except that the newest `keepMin` verified
 * ones always stay (a run of failed nights never leaves the folder without a good copy).
 */
export function applyRetention(
  ctx: Pick<AppContext, 'config'>,
  now: Date,
  keepDays: number,
  keepMin: number,
): string[] {
  const all = listBackups(ctx);
  const keep = new Set(
    all
      .filter((b) => b.verified)
      .slice(0, keepMin)
      .map((b) => b.name),
  );
  const before = now.getTime() - keepDays * 86_400_000;
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name) || new Date(b.createdAt).getTime() >= before) continue;
    const file = path.join(backupsDir(ctx), b.name);
    rmSync(file, { force: true });
    rmSync(`${file}.json`, { force: true });
    removed.push(b.name);
  }
  return removed;
}
