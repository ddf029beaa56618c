import { setTimeout as sleep } from 'node:timers/promises';
import { call, type Session } from './factories.js';
import type { TestApp } from './test-app.js';

export interface BackupJobSeen {
  id: number;
  status: string;
  processed: number;
  total: number;
  message: string | null;
  /** The backup's record once the job succeeded. */
  result: { name: string; verified: boolean; problem: string | null; [k: string]: unknown } | null;
}

/** Polls a "立即备份" job the way the page does, until it is no longer running. */
export async function backupJobSettled(t: TestApp, s: Session, id: number): Promise<BackupJobSeen> {
  const until = Date.now() + 400_000;
  for (;;) {
    const res = await call(t, s, 'GET', `/api/v1/backups/jobs/${id}`);
    if (res.statusCode !== 200) throw new Error(`backup job ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as BackupJobSeen;
    if (job.status !== 'running') return job;
    if (Date.now() > until) throw new Error(`backup job ${id} still running`);
    await sleep(200);
  }
}

/** "立即备份" through the web: the request answers the job at once (202); this waits for its result. */
export async function backupNow(t: TestApp, s: Session): Promise<BackupJobSeen> {
  const res = await call(t, s, 'POST', '/api/v1/backups');
  if (res.statusCode !== 202) throw new Error(`backup refused: ${res.statusCode} ${res.body}`);
  return backupJobSettled(t, s, res.json().id);
}
