import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './private-files.js';

/** The embedded database belongs to one process at a time; this pid file says which. */
export class DataDirBusyError extends Error {
  constructor(public readonly pid: number) {
    super(
      `数据目录正被另一个进程（PID ${pid}）使用：内置数据库同一时间只能由一个进程打开。请先停止正在运行的服务（jiandu serve / npm start），再执行此命令。`,
    );
  }
}

export const LOCK_FILE = 'jiandu.pid';

/** What the kernel says about a process: its state letter, flags and start time (clock ticks since boot). */
interface ProcStat {
  state: string;
  flags: number;
  start: string;
}

/** PF_EXITING: the process is being torn down (after SIGKILL); it runs no more code of its own. */
const PF_EXITING = 0x4;

/** `/proc/<pid>/stat`, or null when there is no such process (or no /proc: not Linux). */
export function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], flags: Number(fields[6]), start: fields[19] };
}

const hasProc = () => procStat(process.pid) !== null;

/** What the lock file holds: `<pid> <start time>` (an older version wrote the pid alone). */
export interface LockHolder {
  pid: number;
  start: string | null;
}

export function parseLock(text: string): LockHolder {
  const [pid, start] = text.trim().split(/\s+/);
  return { pid: Number(pid), start: start || null };
}

/**
 * Is the holder of a lock still a live process? On Linux the answer comes from /proc: a process
 * that is gone, a zombie or dying (killed, not yet reaped), or a different process that reuses
 * the pid (another start time) holds nothing. Elsewhere a signal-0 probe is the best we have.
 */
export function holderAlive(holder: LockHolder): boolean {
  if (!holder.pid) return false;
  if (hasProc()) {
    const stat = procStat(holder.pid);
    if (!stat) return false;
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
    if (stat.flags & PF_EXITING) return false;
    return holder.start === null || holder.start === stat.start;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the data folder now, if a live process does. */
export function dataDirHolder(dataDir: string): LockHolder | null {
  try {
    const holder = parseLock(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'));
    return holder.pid !== process.pid && holderAlive(holder) ? holder : null;
  } catch {
    return null;
  }
}

/** Takes the data folder for this process, or throws DataDirBusyError. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  const mine = `${process.pid} ${procStat(process.pid)?.start ?? ''}`.trim();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (parseLock(readFileSync(file, 'utf8')).pid === process.pid) rmSync(file);
        } catch {}
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockHolder;
      try {
        holder = parseLock(readFileSync(file, 'utf8'));
      } catch {
        continue; // released meanwhile: try again
      }
      if (holder.pid && holder.pid !== process.pid && holderAlive(holder))
        throw new DataDirBusyError(holder.pid);
      rmSync(file, { force: true }); // left by a process that died
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
