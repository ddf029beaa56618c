import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { type Database, type Db, openDatabase } from '../db/client.js';
import * as schema from '../db/schema.js';
import { backup } from './backup.js';
import type { FilesSummary, Manifest } from './format.js';
import { verifyBackupFile } from './verify-file.js';

/** What the server asks of the worker: a backup from a copy of the embedded database's files, or from PostgreSQL. */
export interface BackupTask {
  out: string;
  now: string;
  /** The server's DATA_DIR/files: the stored files the rows refer to are copied from here. */
  filesDir: string;
  /** The embedded database's files (PGlite's dumpDataDir), taken by the server in its exclusive section. */
  dump?: Blob;
  databaseUrl?: string;
}

export type BackupTaskResult =
  | { manifest: Manifest; files: FilesSummary; problem: string | null }
  | { error: string };

/** What the worker says while it works: steps done of the total (each table, the files, the verification). */
export interface BackupTaskProgress {
  progress: { done: number; total: number };
}

async function sourceOf(task: BackupTask): Promise<Database> {
  if (task.dump) {
    const client = await PGlite.create({ loadDataDir: task.dump, extensions: { btree_gin } });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return { db, kind: 'pglite', pglite: client, close: () => client.close() };
  }
  return openDatabase({ databaseUrl: task.databaseUrl, poolSize: 1 });
}

const tell = (message: BackupTaskProgress) => parentPort?.postMessage(message);

parentPort?.once('message', async (task: BackupTask) => {
  let result: BackupTaskResult;
  let steps = 0;
  try {
    const source = await sourceOf(task);
    let made: Awaited<ReturnType<typeof backup>>;
    try {
      made = await backup({
        database: source,
        out: task.out,
        filesDir: task.filesDir,
        now: new Date(task.now),
        // one more step than the backup's own: the verification
        onProgress: (done, total) => {
          steps = total + 1;
          tell({ progress: { done, total: steps } });
        },
      });
    } finally {
      await source.close();
    }
    result = { ...made, problem: await verifyBackupFile(task.out) };
    tell({ progress: { done: steps, total: steps } });
  } catch (e) {
    result = { error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(result);
});
