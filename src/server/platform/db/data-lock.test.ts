import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, holderAlive, LOCK_FILE, lockDataDir, procStat } from './data-lock.js';

const kills: (() => void)[] = [];
afterAll(() => {
  for (const k of kills) k();
});

/**
 * A shell that starts a short `sleep` and becomes `sleep 30`: the finished child is never reaped, a
 * zombie. Should the shell reap the child before its `exec` (a loaded machine), try again.
 */
async function zombie(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const sh = spawn('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    kills.push(() => sh.kill('SIGKILL'));
    const pid = await new Promise<number>((resolve) =>
      sh.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
    );
    for (;;) {
      const state = procStat(pid)?.state;
      if (state === 'Z') return pid;
      if (state === undefined) break; // reaped before the exec
      await new Promise((r) => setTimeout(r, 20));
    }
    sh.kill('SIGKILL');
    if (attempt === 10) throw new Error('could not make a zombie');
  }
}

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'jiandu-lock-'));

describe('the data folder lock', () => {
  it('records pid and start time, mode 600, and refuses a live holder', () => {
    const d = dir();
    const release = lockDataDir(d);
    const file = path.join(d, LOCK_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid} ${procStat(process.pid)?.start}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(d).mode & 0o777).toBe(0o700);
    release();
    // a live process (the parent of this one) holding it, as an older version wrote it: the pid alone
    writeFileSync(file, String(process.ppid));
    expect(() => lockDataDir(d)).toThrow(DataDirBusyError);
  });

  it('takes over from a zombie, a dead process and a process that reuses the pid', async () => {
    const z = await zombie();
    expect(holderAlive({ pid: z, start: null })).toBe(false);
    const d = dir();
    writeFileSync(path.join(d, LOCK_FILE), `${z} ${procStat(z)?.start}`);
    lockDataDir(d)();
    // the pid of a live process, but not the start time the lock recorded: another process now
    expect(holderAlive({ pid: process.ppid, start: '1' })).toBe(false);
    expect(holderAlive({ pid: process.ppid, start: procStat(process.ppid)!.start })).toBe(true);
    expect(holderAlive({ pid: 2 ** 22 + 12345, start: null })).toBe(false);
  }, 120_000);
});
