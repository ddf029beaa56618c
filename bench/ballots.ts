/**
 * 民主测评 at scale: 2,000 ballots cast concurrently on one evaluation through the portal route —
 * none lost, no double vote, p95 under 100 ms; then every code again, all refused. Run with
 * `npx tsx bench/ballots.ts` (embedded database) or with TEST_DATABASE_URL set (PostgreSQL);
 * BALLOTS and BALLOT_CLIENTS change the count and the concurrency (default 2,000 and 50).
 * The server runs as deployed: the default pool of 10 connections (POOL_SIZE), and warm — a meeting
 * votes on a server that has been answering for a while — so WARM_UP ballots (default 500) are cast
 * first on a second evaluation of the same meeting, reported on their own row and not in the target.
 */
import { count, eq } from 'drizzle-orm';
import { evaluationBallots, evaluationCodes } from '../src/server/modules/assessments/schema.js';
import { createIssuedEvaluation } from './ballots-setup.js';
import { fmt, load } from './load.js';

const N = Number(process.env.BALLOTS ?? 2000);
/** Ballots in flight at once (BALLOT_CLIENTS): the phones of a meeting voting together. */
const CLIENTS = Number(process.env.BALLOT_CLIENTS ?? 50);
const WARM_UP = Number(process.env.WARM_UP ?? 500);
const POOL_SIZE = Number(process.env.POOL_SIZE ?? 10);
const { t, codes, warmCodes, subject } = await createIssuedEvaluation(N, {
  warmUp: WARM_UP,
  poolSize: POOL_SIZE,
});
const answers = { [subject]: { de: '好', neng: '较好', qin: '好', ji: '一般', lian: '好', overall: '较好' } };
const cast = (i: number, code: string) =>
  t.app
    .inject({
      method: 'POST',
      url: '/api/v1/portal/ballots',
      payload: { code, answers },
      // one phone each: the per-address limit is not what is measured here
      remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    })
    .then((r) => r.statusCode === 200);
const warm = await load(
  'warm-up (another evaluation, not counted)',
  { concurrency: CLIENTS, requests: WARM_UP, maxSeconds: 600 },
  (i) => cast(3 * N + i, warmCodes[i]),
);
const first = await load('ballots cast', { concurrency: CLIENTS, requests: N, maxSeconds: 600 }, (i) =>
  cast(i, codes[i]),
);
const again = await load('same codes again', { concurrency: CLIENTS, requests: N, maxSeconds: 600 }, (i) =>
  cast(N + i, codes[i]).then((ok) => !ok),
);
const [{ n: ballots }] = await t.ctx.db.select({ n: count() }).from(evaluationBallots);
const [{ n: used }] = await t.ctx.db
  .select({ n: count() })
  .from(evaluationCodes)
  .where(eq(evaluationCodes.used, true));
console.log('| scenario | requests | errors | rps | p50 ms | p95 ms | p99 ms |');
if (WARM_UP) console.log(fmt(warm));
console.log(fmt(first));
console.log(fmt(again));
console.log(
  `ballots stored ${ballots}, codes used ${used} (expected ${N + WARM_UP} each, ${WARM_UP} of the warm-up); ` +
    `pool ${POOL_SIZE}, ${CLIENTS} clients; p95 < 100 ms: ${first.p95 < 100}`,
);
await t.close();
if (
  Number(ballots) !== N + WARM_UP ||
  Number(used) !== N + WARM_UP ||
  warm.errors ||
  first.errors ||
  again.errors
)
  process.exit(1);
