/**
 * Fuzz figure (issue 16): at least FUZZ_REQUESTS (10,000) generated bad requests across every route
 * of the real server over HTTP, on the embedded database and on PostgreSQL, counting the 5xx
 * answers (the goal: 0). Three families, as in tests/integration/fuzz.test.ts and its values:
 *   - random: JSON bodies, path parameters and query strings from fast-check, per route;
 *   - fields: every string field (body, query, path) of every route in an otherwise valid request gets
 *     NUL, lone surrogates, a very long text, and impossible dates where a date belongs;
 *   - wire: what no browser sends — broken JSON, invalid UTF-8, JSON nested 10,000 deep, a body over the
 *     limit, a wrong content type, NUL and broken escapes in the URL.
 * Signed-in callers: one holding every permission, and anonymous ones (from ever new addresses).
 *
 *   npm run bench:fuzz     (FUZZ_REQUESTS=10000, FUZZ_ONLY=pglite|postgres, FUZZ_CONCURRENCY=4)
 */
import fc from 'fast-check';
import { buildApp } from '../src/server/app.js';
import {
  BAD_JSON_STRINGS,
  BAD_URL_VALUES,
  fillParams,
  fuzzJson,
  fuzzParam,
  fuzzQuery,
  hasBody,
  looksLikeDate,
  ODD_DATES,
  queryString,
  sample,
  setAt,
  stringPaths,
  withQuery,
} from '../tests/support/fuzz-values.js';
import {
  type Backend,
  log,
  makeBackend,
  makeWorld,
  openBenchContext,
  type Session,
  signIn,
  startServer,
  stopServer,
  tail,
} from './bad-days.js';

const TARGET = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const ONLY = process.env.FUZZ_ONLY;
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

interface Route {
  method: string;
  url: string;
  access?: unknown;
  schema?: { body?: unknown; querystring?: unknown };
}

/** The server's route table with its zod schemas, read from the application built in-process. */
async function routeTable(b: Backend): Promise<Route[]> {
  const { ctx, database } = await openBenchContext(b);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const routes = app.routeTable
    .filter(
      (r) =>
        r.url.startsWith('/api/v1/') && !r.url.includes('/auth/logout') && !r.url.startsWith('/api/v1/setup'),
    )
    .map((r) => ({ method: r.method, url: r.url, access: r.access, schema: r.schema as Route['schema'] }));
  await app.close();
  await database.close();
  return routes;
}

interface Req {
  family: 'random' | 'fields' | 'wire';
  method: string;
  url: string;
  /** a JS value sent as JSON, or raw bytes with their content type */
  body?: unknown;
  raw?: { bytes: Buffer | string; type: string };
  anonymous?: boolean;
}

function generate(routes: Route[]): Req[] {
  const out: Req[] = [];
  // fields: every string field, one bad value at a time
  for (const route of routes) {
    const schema = route.schema ?? {};
    const baseQuery = (sample(schema.querystring) ?? {}) as Record<string, unknown>;
    const baseBody = hasBody(route.method) ? sample(schema.body) : undefined;
    const anonymous = route.access === 'public';
    for (const name of route.url.match(/:(\w+)/g)?.map((m) => m.slice(1)) ?? [])
      for (const [, value] of BAD_URL_VALUES)
        out.push({
          family: 'fields',
          method: route.method,
          url: withQuery(fillParams(route.url, { name, value }), queryString(baseQuery)),
          body: baseBody,
          anonymous,
        });
    for (const [key] of stringPaths(schema.querystring) as [string][]) {
      const odd = looksLikeDate(baseQuery[key])
        ? ODD_DATES.map((d) => ['', encodeURIComponent(d)] as const)
        : [];
      for (const [, value] of [...BAD_URL_VALUES, ...odd])
        out.push({
          family: 'fields',
          method: route.method,
          url: withQuery(fillParams(route.url), queryString(baseQuery, { key, value })),
          body: baseBody,
          anonymous,
        });
    }
    if (baseBody !== undefined)
      for (const p of stringPaths(schema.body)) {
        const valid = p.reduce<any>((v, k) => v?.[k], baseBody);
        const odd = looksLikeDate(valid) ? ODD_DATES.map((d) => ['', d] as const) : [];
        for (const [, value] of [...BAD_JSON_STRINGS, ...odd])
          out.push({
            family: 'fields',
            method: route.method,
            url: fillParams(route.url),
            body: setAt(baseBody, p, value),
            anonymous,
          });
      }
  }
  // wire: bytes no browser sends
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const deepObject = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
  for (const route of routes) {
    const url = fillParams(route.url);
    const anonymous = route.access === 'public';
    const wire = (bytes: Buffer | string, type = 'application/json') =>
      out.push({ family: 'wire', method: route.method, url, raw: { bytes, type }, anonymous });
    if (hasBody(route.method)) {
      wire('{"title": "未闭合');
      wire(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]));
      wire(deep);
      wire(deepObject);
      wire(`{"x":"${'长'.repeat(1_200_000)}"}`);
      wire('{"a":1}', 'text/plain');
      wire('\u0000\u0000', 'application/json');
      wire('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}');
      wire('{"a":"\\ud800","b":"\\u0000"}');
    }
    out.push({ family: 'wire', method: route.method, url: `${url}%00`, anonymous });
    out.push({ family: 'wire', method: route.method, url: `${url}?page=%E4%B8`, anonymous });
    out.push({ family: 'wire', method: route.method, url: `${url}?${'a=1&'.repeat(2_000)}`, anonymous });
  }
  // random: fast-check values per route until the target is reached
  const need = Math.max(0, TARGET - out.length);
  const perRoute = Math.max(8, Math.ceil(need / routes.length));
  const rnd = fc.tuple(fuzzJson, fuzzParam, fuzzQuery, fc.boolean());
  let seed = SEED;
  for (const route of routes) {
    for (const [body, p, q, anon] of fc.sample(rnd, { numRuns: perRoute, seed: seed++ })) {
      const url = `${route.url.replace(/:\w+/g, p)}?${new URLSearchParams(q as Record<string, string>)}`;
      out.push({
        family: 'random',
        method: route.method,
        url,
        body: hasBody(route.method) ? body : undefined,
        anonymous: anon || route.access === 'public',
      });
    }
  }
  return out;
}

interface Tally {
  sent: number;
  byFamily: Record<string, number>;
  byStatus: Map<number, number>;
  fiveHundreds: string[];
  unanswered: string[];
}

async function fire(base: string, reqs: Req[], signInAgain: () => Promise<Session>): Promise<Tally> {
  const t: Tally = { sent: 0, byFamily: {}, byStatus: new Map(), fiveHundreds: [], unanswered: [] };
  let session = await signInAgain();
  let address = 0;
  let i = 0;
  const one = async (r: Req) => {
    address++;
    const headers: Record<string, string> = {
      'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    };
    if (!r.anonymous) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (r.raw) {
      body = typeof r.raw.bytes === 'string' ? r.raw.bytes : new Uint8Array(r.raw.bytes);
      headers['content-type'] = r.raw.type;
    } else if (r.body !== undefined) {
      body = JSON.stringify(r.body);
      headers['content-type'] = 'application/json';
    }
    t.sent++;
    t.byFamily[r.family] = (t.byFamily[r.family] ?? 0) + 1;
    try {
      const res = await fetch(base + r.url, {
        method: r.method,
        headers,
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      t.byStatus.set(res.status, (t.byStatus.get(res.status) ?? 0) + 1);
      if (res.status >= 500)
        t.fiveHundreds.push(
          `${r.family} ${r.method} ${r.url.slice(0, 160)} ${r.raw ? `raw ${String(r.raw.bytes).slice(0, 40)}` : JSON.stringify(r.body)?.slice(0, 160)} → ${res.status} ${text.slice(0, 200)}`,
        );
      if (res.status === 401 && !r.anonymous) session = await signInAgain();
    } catch (e) {
      t.unanswered.push(
        `${r.family} ${r.method} ${r.url.slice(0, 160)}: ${e instanceof Error ? e.message : e}`,
      );
    }
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i < reqs.length) {
        const r = reqs[i++];
        await one(r);
        if (t.sent % 2_000 === 0) log(`  ${t.sent} sent, ${t.fiveHundreds.length} 5xx`);
      }
    }),
  );
  return t;
}

async function main() {
  const rows: string[] = [];
  for (const name of ['pglite', 'postgres'] as const) {
    if (ONLY && ONLY !== name) continue;
    const b = await makeBackend(name);
    try {
      const world = await makeWorld(b);
      const routes = await routeTable(b);
      const reqs = generate(routes);
      log(`${name}: ${routes.length} routes, ${reqs.length} requests generated`);
      const server = await startServer(b, { TRUST_PROXY: '1' });
      const started = performance.now();
      let t: Tally;
      try {
        t = await fire(server.base, reqs, () => signIn(server.base, world.admin, '10.250.0.1'));
      } finally {
        await stopServer(server);
      }
      const seconds = (performance.now() - started) / 1000;
      log(
        `${name}: ${t.sent} sent in ${seconds.toFixed(0)} s, statuses ${JSON.stringify([...t.byStatus].sort((a, c) => a[0] - c[0]))}`,
      );
      for (const f of t.fiveHundreds.slice(0, 30)) log(`  5xx: ${f}`);
      for (const u of t.unanswered.slice(0, 10)) log(`  unanswered: ${u}`);
      if (t.fiveHundreds.length) log(tail(server.logFile, 20));
      rows.push(
        `| ${name === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} | ${routes.length} | ${t.sent} | ${t.byFamily.random ?? 0} / ${t.byFamily.fields ?? 0} / ${t.byFamily.wire ?? 0} | ${t.fiveHundreds.length} | ${t.unanswered.length} | ${[
          ...t.byStatus,
        ]
          .sort((a, c) => a[0] - c[0])
          .map(([k, v]) => `${k}×${v}`)
          .join(', ')} | ${seconds.toFixed(0)} s |`,
      );
    } finally {
      await b.drop();
    }
  }
  console.log(
    [
      '',
      `| database | routes | requests sent | random / fields / wire | 5xx | unanswered | answers (status × count) | took |`,
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
process.exit(0);
