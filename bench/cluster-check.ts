/**
 * Checks a running local cluster (scripts/cluster-up) from the outside, through nginx and each
 * instance: sessions across instances, uploads visible from every instance, the portal limit
 * counted across instances, each job slot run once, metrics protected — then a rolling restart
 * (scripts/cluster-restart) while closed-loop clients keep hitting nginx: no request may fail.
 *
 *   scripts/cluster-up && npx tsx bench/cluster-check.ts [--clients 8] [--no-restart]
 *
 * Prints a markdown summary (copied into bench/results-cluster.md).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { petitionAttachments, petitions } from '../src/server/modules/petitions/schema.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { totpCode } from '../src/server/platform/auth/totp.js';
import { openContext } from '../src/server/platform/bootstrap.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { orgs } from '../src/server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../src/server/platform/users/schema.js';
import { solveChallenge } from '../src/web/portal/pow/solve.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DIR = process.env.CLUSTER_DIR ?? '/tmp/jiandu-cluster';
const DB = process.env.CLUSTER_DB ?? 'jiandu_cluster';
const PG = process.env.PG_HOSTPORT ?? '127.0.0.1:5432';
const BASE = Number(process.env.CLUSTER_BASE_PORT ?? 3101);
const COUNT = Number(process.env.CLUSTER_INSTANCES ?? 3);
const NGINX = `http://127.0.0.1:${process.env.CLUSTER_NGINX_PORT ?? 8080}`;
const instances = Array.from({ length: COUNT }, (_, i) => `http://127.0.0.1:${BASE + i}`);
const CLIENTS = Number(arg('clients', '8'));
const PASSWORD = 'Cluster!2026-check';

const results: [string, string][] = [];
let plainUser = '';
const check = (name: string, ok: boolean, detail = '') => {
  results.push([name, `${ok ? 'ok' : 'FAILED'}${detail ? ` — ${detail}` : ''}`]);
  if (!ok) process.exitCode = 1;
};

interface Session {
  cookie: string;
  csrf: string;
}
const headers = (s: Session, extra: Record<string, string> = {}) => ({
  cookie: s.cookie,
  'x-csrf-token': s.csrf,
  ...extra,
});

async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status} ${await res.text()}`);
  const body = await res.json();
  const s = { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrf: body.csrfToken };
  if (body.pending === 'totp_enrol') {
    const setup = await fetch(`${base}/api/v1/me/totp/setup`, { method: 'POST', headers: headers(s) });
    const { secret } = await setup.json();
    const done = await fetch(`${base}/api/v1/me/totp/enable`, {
      method: 'POST',
      headers: headers(s, { 'content-type': 'application/json' }),
      body: JSON.stringify({ code: totpCode(secret, new Date()) }),
    });
    if (done.status !== 200) throw new Error(`totp ${done.status} ${await done.text()}`);
  }
  return s;
}

async function main() {
  const fieldKey = readFileSync(path.join(DIR, 'field.key'), 'utf8').trim();
  const metricsToken = readFileSync(path.join(DIR, 'metrics.token'), 'utf8').trim();
  const ctx = await openContext({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(DIR, 'data'),
      databaseUrl: `postgres://${DB}_app:${DB}_app-pw@${PG}/${DB}`,
      secureCookies: false,
      scheduler: false,
      fieldKey,
    },
    prepare: false,
  });
  const tag = randomBytes(3).toString('hex');
  // a district, a township that takes reports, and an officer there (inserted directly)
  const [district] = await ctx.db
    .insert(orgs)
    .values({ name: `集群区${tag}`, kind: 'district' })
    .returning();
  await ctx.db
    .update(orgs)
    .set({ path: `/${district.id}/` })
    .where(eq(orgs.id, district.id));
  const [town] = await ctx.db
    .insert(orgs)
    .values({ name: `集群镇${tag}`, kind: 'township', parentId: district.id })
    .returning();
  await ctx.db
    .update(orgs)
    .set({ path: `/${district.id}/${town.id}/` })
    .where(eq(orgs.id, town.id));
  const username = `cluster_${tag}`;
  const [officer] = await ctx.db
    .insert(users)
    .values({
      username,
      displayName: '集群检查',
      orgId: town.id,
      dataScope: 'subtree',
      passwordHash: await hashPassword(PASSWORD),
      passwordChangedAt: new Date(),
      mustChangePassword: false,
    })
    .returning();
  // a user without roles (no TOTP step): the load's writes are its logins and logouts
  await ctx.db.insert(users).values({
    username: `${username}_plain`,
    displayName: '集群检查（无角色）',
    orgId: town.id,
    dataScope: 'subtree',
    passwordHash: await hashPassword(PASSWORD),
    passwordChangedAt: new Date(),
    mustChangePassword: false,
  });
  plainUser = `${username}_plain`;
  const [role] = await ctx.db.select().from(roles).where(eq(roles.code, 'discipline_officer'));
  await ctx.db.insert(userRoles).values({ userId: officer.id, roleId: role.id });

  // 1. a session made on one instance works on every other, through nginx too
  const s = await signIn(instances[0], username);
  const me = await Promise.all(
    [...instances, NGINX].map((b) => fetch(`${b}/api/v1/me`, { headers: headers(s) })),
  );
  check(
    'login on instance 1, session used on every instance and through nginx',
    me.every((r) => r.status === 200),
    me.map((r) => r.status).join(' '),
  );

  // 2. a file uploaded through instance 1 (a portal report with a photo) downloads from every instance
  const ch = await (await fetch(`${instances[0]}/api/v1/portal/challenge`)).json();
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);
  const form = new FormData();
  form.set(
    'data',
    JSON.stringify({
      orgId: town.id,
      anonymous: true,
      title: '集群检查：附件在各实例可见',
      content: '通过实例一上传的照片，应能从每个实例下载。',
      category: 'village_affairs',
      subjects: [],
      idempotencyKey: randomBytes(16).toString('base64url'),
      challenge: { token: ch.token, counter: solveChallenge(ch.token, ch.difficulty) },
    }),
  );
  form.append('files', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
  const sent = await fetch(`${instances[0]}/api/v1/portal/submissions`, { method: 'POST', body: form });
  check('portal report with a photo through instance 1', sent.status === 200, String(sent.status));
  const [p] = await ctx.db.select().from(petitions).where(eq(petitions.orgId, town.id));
  const [att] = await ctx.db
    .select()
    .from(petitionAttachments)
    .where(eq(petitionAttachments.petitionId, p.id));
  const got = await Promise.all(
    instances.map(async (b) => {
      const r = await fetch(`${b}/api/v1/petitions/${p.id}/attachments/${att.id}`, { headers: headers(s) });
      return r.status === 200 && Buffer.from(await r.arrayBuffer()).equals(photo);
    }),
  );
  check('the photo downloads, byte for byte, from every instance', got.every(Boolean), got.join(' '));

  // 3. the portal's limit (60 a minute per address) counts across instances
  const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const statuses: number[] = [];
  for (let i = 0; i < 63; i++) {
    const r = await fetch(`${instances[i % COUNT]}/api/v1/portal/orgs`, {
      headers: { 'x-forwarded-for': ip },
    });
    statuses.push(r.status);
  }
  check(
    `portal limit across ${COUNT} instances: 60 answered, then 429`,
    statuses.slice(0, 60).every((x) => x === 200) && statuses.slice(60).every((x) => x === 429),
    `${statuses.filter((x) => x === 200).length}×200, ${statuses.filter((x) => x === 429).length}×429`,
  );

  // 4. every recurring slot ran once, on whichever instance; every instance's scheduler ticks
  const dup = rowsOf<{ n: string }>(
    await ctx.db.execute(
      sql`select count(*) as n from (select name, slot from job_runs group by 1, 2 having count(*) > 1) d`,
    ),
  );
  const ran = rowsOf<{ name: string; slot: string; locked_by: string | null; status: string }>(
    await ctx.db.execute(
      sql`select name, slot, status from job_runs where slot not like 'once:%' order by id`,
    ),
  );
  const ticks = rowsOf<{ n: string }>(
    await ctx.db.execute(
      sql`select count(*) as n from scheduler_ticks where ticked_at > now() - interval '2 minutes'`,
    ),
  );
  check(
    'each job slot is one row (run once) across instances',
    Number(dup[0].n) === 0,
    `${ran.length} slots, ${ran.filter((r) => r.status === 'done').length} done, ${Number(ticks[0].n)} schedulers ticking`,
  );

  // 5. health and metrics on every instance
  const health = await Promise.all(instances.map((b) => fetch(`${b}/api/health`).then((r) => r.json())));
  check(
    'health on every instance',
    health.every((h) => h.status === 'ok'),
    health.map((h) => h.status).join(' '),
  );
  const m = await Promise.all(
    instances.map(async (b) => [
      (await fetch(`${b}/api/metrics`)).status,
      (await fetch(`${b}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status,
    ]),
  );
  check(
    'metrics: 401 without the token, 200 with it, on every instance',
    m.every(([a, b]) => a === 401 && b === 200),
    m.map((x) => x.join('/')).join(' '),
  );

  // 6. a rolling restart under load
  if (!process.argv.includes('--no-restart')) await rollingRestart(s);

  console.log('| check | result |\n|---|---|');
  for (const [name, r] of results) console.log(`| ${name} | ${r} |`);
  await ctx.database.close();
}

async function rollingRestart(s: Session) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let stop = false;
  let total = 0;
  const urls = ['/api/v1/me', '/api/v1/petitions?page=1&pageSize=20', '/api/health'];
  const client = async (n: number) => {
    for (let i = n; !stop; i++) {
      if (i % 4 === 3) {
        await writes();
        continue;
      }
      const url = urls[i % urls.length];
      const t0 = performance.now();
      try {
        const r = await fetch(`${NGINX}${url}`, { headers: headers(s) });
        await r.arrayBuffer();
        if (r.status !== 200) failures.push(`${url} ${r.status}`);
      } catch (e) {
        failures.push(`${url} ${(e as Error).message}`);
      }
      latencies.push(performance.now() - t0);
      total++;
    }
  };
  // a write cycle: POST login (a session and an audit record), GET /me with it, POST logout
  const timed = async (what: string, run: () => Promise<Response>) => {
    const t0 = performance.now();
    try {
      const r = await run();
      await r.arrayBuffer();
      if (r.status !== 200) failures.push(`${what} ${r.status}`);
      return r;
    } catch (e) {
      failures.push(`${what} ${(e as Error).message}`);
      return null;
    } finally {
      latencies.push(performance.now() - t0);
      total++;
    }
  };
  const writes = async () => {
    let cookie = '';
    let csrf = '';
    const login = await timed('POST login', async () => {
      const r = await fetch(`${NGINX}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: plainUser, password: PASSWORD }),
      });
      cookie = String(r.headers.get('set-cookie')).split(';')[0];
      csrf = r.status === 200 ? (await r.clone().json()).csrfToken : '';
      return r;
    });
    if (login?.status !== 200) return;
    await timed('GET /me (new session)', () => fetch(`${NGINX}/api/v1/me`, { headers: { cookie } }));
    await timed('POST logout', () =>
      fetch(`${NGINX}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } }),
    );
  };
  const started = performance.now();
  const loops = Array.from({ length: CLIENTS }, (_, i) => client(i));
  await new Promise((r) => setTimeout(r, 3000)); // load before the first stop
  const restart = spawn(path.join(import.meta.dirname, '../scripts/cluster-restart'), [], {
    stdio: 'inherit',
  });
  const code = await new Promise<number>((r) => restart.on('exit', (c) => r(c ?? 1)));
  await new Promise((r) => setTimeout(r, 3000)); // load after the last start
  stop = true;
  await Promise.all(loops);
  const secs = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
  check('rolling restart script', code === 0, `exit ${code}`);
  check(
    `rolling restart of ${COUNT} instances under ${CLIENTS} closed-loop clients through nginx (reads, and login/logout writes): no failed request`,
    failures.length === 0,
    `${total} requests in ${secs.toFixed(1)} s (${(total / secs).toFixed(0)}/s), ${failures.length} failed${
      failures.length ? ` (${[...new Set(failures)].slice(0, 5).join('; ')})` : ''
    }; latency p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
