/**
 * Disk-full figures (issue 16): the embedded database's DATA_DIR on a small tmpfs mount. A filler
 * file leaves little room, then writers register petitions until the disk is full. The server must
 * answer 503 with a Chinese message (not a 500, not a crash), keep everything it acknowledged, and
 * take writes again once the filler is deleted — and, after a restart, still hold every
 * acknowledged write with a clean audit chain.
 *
 *   npm run bench:disk-full   (root only: it mounts a tmpfs at /mnt/jd-full; DISK_MB=64, DISK_HEADROOM_MB=2)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';
import {
  log,
  makeBackend,
  makeWorld,
  ms,
  pause,
  petitionBody,
  type Session,
  send,
  signIn,
  startServer,
  stopServer,
  tail,
  verifyAudit,
} from './bad-days.js';

const MOUNT = process.env.DISK_MOUNT ?? '/mnt/jd-full';
const SIZE_MB = Number(process.env.DISK_MB ?? 64);
const HEADROOM_MB = Number(process.env.DISK_HEADROOM_MB ?? 2);
const WRITERS = Number(process.env.DISK_WRITERS ?? 10);
/** How long to keep writing once the disk is full. */
const FULL_FOR_MS = Number(process.env.DISK_FULL_FOR_MS ?? 15_000);

function skip(why: string): never {
  console.log(`disk-full bench skipped: ${why}`);
  process.exit(0);
}

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

function fill(file: string, bytes: number) {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 7);
  try {
    for (let left = bytes; left > 0; left -= chunk.length)
      writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  } finally {
    closeSync(fd);
  }
}

async function missing(base: string, s: Session, ids: number[]) {
  const lost: number[] = [];
  for (const id of ids) {
    const r = await send(base, s, 'GET', `/api/v1/petitions/${id}`);
    if (r?.status !== 200) lost.push(id);
  }
  return lost;
}

async function main() {
  if (process.getuid?.() !== 0) skip('needs root to mount a tmpfs (run as root; CI never runs benches)');
  mkdirSync(MOUNT, { recursive: true });
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', MOUNT], {
    encoding: 'utf8',
  });
  if (m.status !== 0) skip(`cannot mount a tmpfs at ${MOUNT}: ${m.stderr.trim()}`);
  const filler = path.join(MOUNT, 'filler');
  const rows: string[] = [];
  try {
    const b = await makeBackend('pglite', MOUNT);
    const world = await makeWorld(b);
    let server = await startServer(b);
    const s = await signIn(server.base, world.officer);
    const used = SIZE_MB * 1024 * 1024 - freeBytes(MOUNT);
    log(
      `disk-full: ${SIZE_MB} MB tmpfs, the migrated database and its server use ${(used / 1048576).toFixed(1)} MB`,
    );
    fill(filler, Math.max(0, freeBytes(MOUNT) - HEADROOM_MB * 1024 * 1024));
    log(`disk-full: filler leaves ${(freeBytes(MOUNT) / 1048576).toFixed(2)} MB`);

    const acked: number[] = [];
    const statuses = new Map<number, number>();
    const bodies = new Map<string, string>();
    let unanswered = 0;
    let firstFullAt = 0;
    let n = 0;
    const t0 = performance.now();
    const stop = () =>
      (firstFullAt > 0 && performance.now() - firstFullAt > FULL_FOR_MS) || performance.now() - t0 > 600_000;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, k) => {
        while (!stop()) {
          const r = await send(
            server.base,
            s,
            'POST',
            '/api/v1/petitions',
            petitionBody(world.townId, `满盘${k}-${n++}`),
            30_000,
          );
          if (!r) {
            unanswered++;
            if (server.child.exitCode !== null || server.child.signalCode !== null) return;
            continue;
          }
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status < 300) acked.push(r.json.id);
          else {
            if (!firstFullAt) firstFullAt = performance.now();
            bodies.set(`${r.status} ${r.json?.error?.message ?? r.text.slice(0, 120)}`, '');
          }
        }
      }),
    );
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    log(
      `disk-full: ${acked.length} acknowledged, answers ${JSON.stringify([...statuses])}, ${unanswered} unanswered, server ${alive ? 'alive' : 'DIED'}`,
    );
    for (const k of bodies.keys()) log(`  refusal: ${k}`);
    const fullCount = [...statuses].filter(([k]) => k >= 300).reduce((a, [, v]) => a + v, 0);
    const only503 = [...statuses.keys()].every((k) => k < 300 || k === 503);
    const chinese = [...bodies.keys()].every((k) => /存储空间不足/.test(k));
    const lostWhileFull = alive ? (await missing(server.base, s, acked)).length : Number.NaN;

    // space returns
    rmSync(filler);
    const t1 = performance.now();
    let recoveredMs = Number.NaN;
    let answersWhileRecovering = 0;
    if (alive) {
      for (let i = 0; i < 600; i++) {
        const r = await send(
          server.base,
          s,
          'POST',
          '/api/v1/petitions',
          petitionBody(world.townId, `恢复-${i}`),
          30_000,
        );
        answersWhileRecovering++;
        if (r && r.status < 300) {
          acked.push(r.json.id);
          recoveredMs = performance.now() - t1;
          break;
        }
        await pause(100);
      }
    }
    log(
      `disk-full: space returned; first acknowledged write after ${ms(recoveredMs)} (${answersWhileRecovering} tries)`,
    );
    if (!alive) log(tail(server.logFile, 40));
    else await stopServer(server);
    const verify = verifyAudit(b);
    server = await startServer(b);
    const lostAfterRestart = (await missing(server.base, s, acked)).length;
    await stopServer(server);
    log(
      `disk-full: after a restart ${lostAfterRestart} of ${acked.length} acknowledged writes missing; verify-audit ${verify.ok ? 'clean' : `FAILED ${verify.output}`}`,
    );
    rows.push(
      `| ${SIZE_MB} MB tmpfs, ${HEADROOM_MB} MB left, ${WRITERS} writers | ${acked.length} | ${fullCount} | ${only503 && chinese ? 'yes' : 'NO'} | ${alive ? 'yes' : 'NO'} | ${lostWhileFull} | ${ms(recoveredMs)} | ${lostAfterRestart} | ${verify.ok ? 'clean' : 'FAILED'} |`,
    );
  } finally {
    spawnSync('umount', [MOUNT]);
    if (existsSync(MOUNT)) rmSync(MOUNT, { recursive: true, force: true });
  }
  console.log(
    [
      '',
      '| run | acknowledged | refused while full | all refusals 503 `存储空间不足…` | server stayed up | lost (while full) | first write after space returned | lost after restart | verify-audit |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
process.exit(0);
