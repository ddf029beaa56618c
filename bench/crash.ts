/**
 * Crash figures (issue 16): the real server on the embedded database and on PostgreSQL, 100
 * concurrent writers registering petitions, `kill -9` at a random moment, restart. Each trial
 * counts the acknowledged writes (2xx with an id) and checks that every one is present after the
 * restart, that `jiandu verify-audit` is clean, and how long the restart takes (spawn → /api/health).
 * On PostgreSQL it also terminates the database's backends mid-transaction during writes: the
 * server must answer (no hang), lose no acknowledged write, and take writes again.
 *
 *   npm run bench:crash            (CRASH_TRIALS=20, CRASH_WRITERS=100, CRASH_ONLY=pglite|postgres)
 */
import {
  adminQuery,
  type Backend,
  exited,
  lastFailure,
  log,
  makeBackend,
  makeWorld,
  ms,
  pause,
  petitionBody,
  type Server,
  type Session,
  send,
  signIn,
  startServer,
  stats,
  stopServer,
  tail,
  verifyAudit,
} from './bad-days.js';

const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const WRITERS = Number(process.env.CRASH_WRITERS ?? 100);
const ONLY = process.env.CRASH_ONLY;
const TERMINATE_ROUNDS = Number(process.env.CRASH_TERMINATE_ROUNDS ?? 5);
/** A request without an answer in this long counts as unanswered (a loaded 2-core machine is slow, not hung). */
const TIMEOUT_MS = Number(process.env.CRASH_TIMEOUT_MS ?? 120_000);
/** CRASH_MINUTES: no new trial starts after this many minutes (the table says how many ran). */
const DEADLINE = Date.now() + Number(process.env.CRASH_MINUTES ?? 1e6) * 60_000;

interface Writes {
  acked: number[];
  statuses: Map<number, number>;
  unanswered: number;
  fiveHundreds: string[];
}

/** WRITERS loops registering petitions until `stop()` says so or a request gets no answer. */
function writers(
  base: string,
  s: Session,
  townId: number,
  tag: string,
  stop: () => boolean,
  timeoutMs: number,
) {
  const w: Writes = { acked: [], statuses: new Map(), unanswered: 0, fiveHundreds: [] };
  let n = 0;
  const one = async (k: number) => {
    while (!stop()) {
      const r = await send(
        base,
        s,
        'POST',
        '/api/v1/petitions',
        petitionBody(townId, `${tag}-${k}-${n++}`),
        timeoutMs,
      );
      if (!r) {
        w.unanswered++;
        return;
      }
      w.statuses.set(r.status, (w.statuses.get(r.status) ?? 0) + 1);
      if (r.status >= 200 && r.status < 300) w.acked.push(r.json.id);
      else if (r.status >= 500) w.fiveHundreds.push(`${r.status} ${r.text.slice(0, 200)}`);
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, k) => one(k)));
  return { w, done };
}

/** How many of the acknowledged petitions the server does not find. */
async function missing(base: string, s: Session, ids: number[]): Promise<number[]> {
  const lost: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (i < ids.length) {
        const id = ids[i++];
        const r = await send(base, s, 'GET', `/api/v1/petitions/${id}`);
        if (r?.status !== 200) lost.push(id);
      }
    }),
  );
  return lost;
}

interface Trial {
  acked: number;
  lost: number;
  fiveHundreds: number;
  restartMs: number;
  verify: boolean;
  verifyMs: number;
  killAtMs: number;
}

async function killTrials(b: Backend, s: Session, townId: number, first: Server): Promise<Trial[]> {
  let server = first;
  log(`${b.name}: first start ${ms(server.startMs)}`);
  const trials: Trial[] = [];
  for (let t = 1; t <= TRIALS && Date.now() < DEADLINE; t++) {
    let killed = false;
    const t0 = performance.now();
    const { w, done } = writers(server.base, s, townId, `崩溃${t}`, () => killed, TIMEOUT_MS);
    // a random moment once writes are being acknowledged (a loaded machine takes seconds for the first)
    while (!w.acked.length && performance.now() - t0 < 2 * TIMEOUT_MS) await pause(20);
    await pause(Math.random() * 3_000);
    const killAtMs = performance.now() - t0;
    server.child.kill('SIGKILL');
    killed = true;
    await exited(server.child);
    await done;
    let verify: { ok: boolean; output: string };
    let verifyMs = 0;
    if (b.name === 'pglite') {
      // the embedded database has one owner: verify-audit opens the killed database first, then the server restarts
      const v0 = performance.now();
      verify = verifyAudit(b);
      verifyMs = performance.now() - v0;
      server = await startServer(b);
    } else {
      server = await startServer(b);
      verify = verifyAudit(b);
    }
    const restartMs = server.startMs;
    const lost = await missing(server.base, s, w.acked);
    const trial = {
      acked: w.acked.length,
      lost: lost.length,
      fiveHundreds: w.fiveHundreds.length,
      restartMs,
      verify: verify.ok,
      verifyMs,
      killAtMs,
    };
    trials.push(trial);
    log(
      `${b.name} trial ${t}: killed at ${ms(killAtMs)}, ${trial.acked} acknowledged, ${trial.lost} lost, ${trial.fiveHundreds} 5xx, restart ${ms(restartMs)}, verify-audit (${ms(verifyMs)}) ${verify.ok ? 'clean' : `FAILED: ${verify.output}`}`,
    );
    log(
      `  answers ${JSON.stringify([...w.statuses])}, ${w.unanswered} unanswered (last: ${lastFailure.message})`,
    );
    if (w.fiveHundreds.length) log(`  5xx: ${w.fiveHundreds.slice(0, 3).join(' | ')}`);
  }
  await stopServer(server);
  return trials;
}

interface TerminateRound {
  acked: number;
  lost: number;
  errors: Map<number, number>;
  unanswered: number;
  terminated: number;
  recoveredMs: number;
  verify: boolean;
}

/** PostgreSQL: terminate the database's backends every 300 ms while 100 writers write, for 5 s a round. */
async function terminateRounds(b: Backend, s: Session, townId: number): Promise<TerminateRound[]> {
  const server = await startServer(b);
  const rounds: TerminateRound[] = [];
  for (let r = 1; r <= TERMINATE_ROUNDS; r++) {
    let stop = false;
    const { w, done } = writers(server.base, s, townId, `断连${r}`, () => stop, TIMEOUT_MS);
    let terminated = 0;
    const killer = (async () => {
      await pause(300);
      while (!stop) {
        const res = await adminQuery(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [b.dbName],
        );
        terminated += res.rowCount ?? 0;
        await pause(300);
      }
    })();
    await pause(5_000);
    stop = true;
    await Promise.all([done, killer]);
    // recovery: the first write that succeeds after the last termination
    const t0 = performance.now();
    let recoveredMs = Number.NaN;
    for (let i = 0; i < 100; i++) {
      const a = await send(
        server.base,
        s,
        'POST',
        '/api/v1/petitions',
        petitionBody(townId, `恢复${r}-${i}`),
        20_000,
      );
      if (a && a.status < 300) {
        w.acked.push(a.json.id);
        recoveredMs = performance.now() - t0;
        break;
      }
      await pause(100);
    }
    const lost = await missing(server.base, s, w.acked);
    const verify = verifyAudit(b);
    const errors = new Map([...w.statuses].filter(([k]) => k >= 300));
    rounds.push({
      acked: w.acked.length,
      lost: lost.length,
      errors,
      unanswered: w.unanswered,
      terminated,
      recoveredMs,
      verify: verify.ok,
    });
    log(
      `postgres terminate round ${r}: ${terminated} backends terminated, ${w.acked.length} acknowledged, ${lost.length} lost, errors ${JSON.stringify([...errors])}, ${w.unanswered} unanswered, recovered in ${ms(recoveredMs)}, verify-audit ${verify.ok ? 'clean' : `FAILED: ${verify.output}`}`,
    );
    if (w.fiveHundreds.length) log(`  answers ≥500: ${[...new Set(w.fiveHundreds)].slice(0, 3).join(' | ')}`);
  }
  log(`server log tail:\n${tail(server.logFile, 5)}`);
  await stopServer(server);
  return rounds;
}

function trialTable(name: string, trials: Trial[]) {
  const sum = (f: (t: Trial) => number) => trials.reduce((a, t) => a + f(t), 0);
  const r = stats(trials.map((t) => t.restartMs));
  return `| ${name} | ${trials.length} | ${sum((t) => t.acked)} | ${sum((t) => t.lost)} | ${sum((t) => t.fiveHundreds)} | ${trials.filter((t) => t.verify).length}/${trials.length} | ${ms(r.median)} | ${ms(r.p95)} | ${ms(r.max)} |`;
}

async function main() {
  const lines: string[] = [
    `Crash trials: ${WRITERS} concurrent writers (POST /api/v1/petitions), kill -9 at a random moment 0–3 s after the first acknowledged write, restart.`,
    '',
    '| database | trials | acknowledged writes | lost | 5xx before the kill | verify-audit clean | restart median | restart p95 | restart max |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  let terminate: TerminateRound[] = [];
  for (const name of ['pglite', 'postgres'] as const) {
    if (ONLY && ONLY !== name) continue;
    const b = await makeBackend(name);
    try {
      const world = await makeWorld(b);
      // signed in once: the session lives in the database, across every restart
      const first = await startServer(b);
      const s = await signIn(first.base, world.officer);
      const trials = await killTrials(b, s, world.townId, first);
      lines.push(trialTable(name === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL', trials));
      if (name === 'postgres') terminate = await terminateRounds(b, s, world.townId);
    } finally {
      await b.drop();
    }
  }
  if (terminate.length) {
    lines.push(
      '',
      `PostgreSQL backends terminated (pg_terminate_backend every 300 ms for 5 s, ${WRITERS} writers), ${terminate.length} rounds:`,
      '',
      `| round | backends terminated | acknowledged | lost | refusals (status × count) | unanswered (${TIMEOUT_MS / 1000} s) | first write after | verify-audit |`,
      '|---|---|---|---|---|---|---|---|',
      ...terminate.map(
        (r, i) =>
          `| ${i + 1} | ${r.terminated} | ${r.acked} | ${r.lost} | ${[...r.errors].map(([k, v]) => `${k}×${v}`).join(', ') || '—'} | ${r.unanswered} | ${ms(r.recoveredMs)} | ${r.verify ? 'clean' : 'FAILED'} |`,
      ),
    );
  }
  console.log(`\n${lines.join('\n')}\n`);
}

await main();
process.exit(0);
