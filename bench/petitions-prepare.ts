import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import type { AppContext } from '../src/server/platform/context.js';
import type { Database } from '../src/server/platform/db/client.js';
import { roles, userRoles, users } from '../src/server/platform/users/schema.js';
import { generatePetitions } from './generate-petitions.js';
import { BENCH_PASSWORD } from './generate-platform.js';
import { type LoadResult, ONE_CLIENT } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS } from './petitions.js';
import { portalFirstPageJs } from './portal-size.js';

/**
 * Petitions per backend: 1,000,000 on PostgreSQL; 200,000 on PGlite by default (BENCH_PETITIONS_PGLITE),
 * since the embedded database builds a million in far longer than the rest of the run together.
 */
export const PETITIONS = Number(process.env.BENCH_PETITIONS ?? 1_000_000);
export const PETITIONS_PGLITE = Number(process.env.BENCH_PETITIONS_PGLITE ?? Math.min(PETITIONS, 200_000));
export const petitionCount = (backend: string) => (backend === 'pglite' ? PETITIONS_PGLITE : PETITIONS);

/** The petitions of the benchmark and their viewers: eight township heads and a district discipline officer. */
export async function preparePetitions(
  ctx: AppContext,
  database: Database,
  backend: { name: string; databaseUrl?: string },
  district: { id: number },
  towns: { id: number; path: string }[],
  log: (s: string) => void,
) {
  const [head] = await ctx.db.select().from(roles).where(eq(roles.code, 'township_head'));
  const heads = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.username, HEADS));
  await ctx.db.insert(userRoles).values(heads.map((u) => ({ userId: u.id, roleId: head.id })));
  const [u] = await ctx.db
    .insert(users)
    .values({
      username: DISTRICT_DISCIPLINE,
      displayName: '区纪委',
      orgId: district.id,
      dataScope: 'subtree',
      passwordHash: await hashPassword(BENCH_PASSWORD),
      mustChangePassword: false,
    })
    .returning();
  const [role] = await ctx.db.select().from(roles).where(eq(roles.code, 'district_discipline'));
  await ctx.db.insert(userRoles).values({ userId: u.id, roleId: role.id });
  const count = petitionCount(backend.name);
  log(`  petitions: generating ${count}`);
  if (backend.databaseUrl) {
    const pool = new pg.Pool({ connectionString: backend.databaseUrl, max: 1 });
    generated.set(
      backend.name,
      await generatePetitions(ctx, pool, towns, count, log).finally(() => pool.end()),
    );
  } else generated.set(backend.name, await generatePetitions(ctx, database.pglite!, towns, count, log));
}

const generated = new Map<string, { seconds: number; events: number; documents: number }>();

const TARGETS: [string, string, number][] = [
  ['GET /petitions (township, status + received range)', 'raw SQL petition list (township)', 50],
  ['GET /petitions?q=作风 (township)', 'raw SQL search 作风 (township)', 100],
  ['GET /petitions?q=作风 (district-wide)', 'raw SQL search 作风 (district-wide)', 100],
  [
    'GET /petitions/stats (township-year, as of its end)',
    'raw SQL stats (township-year, as of its end)',
    200,
  ],
  ['GET /figures?module=petitions (township, this year as of today)', '', 200],
  ['GET /figures?module=petitions (district-year, as of its end)', '', 1000],
];

/** The petitions section of results.md: each scenario against its target and its raw SQL, and the portal's size. */
export function petitionsReport(all: LoadResult[], backends: string[], root: string): string[] {
  const lines = [
    '## Petitions',
    '',
    `Data: ${backends.map((b) => `${petitionCount(b).toLocaleString('en')} petitions on ${b}`).join(', ')}, across the 100 townships, received 2025-01-01 to yesterday, each with its events, reports, opinions and replies; 40 % real-name with sealed identities. Viewers: township heads (their township) and the district discipline office (all 100).`,
    '',
    ...backends.map((b) => {
      const g = generated.get(b);
      return g
        ? `- ${b}: ${petitionCount(b).toLocaleString('en')} petitions, ${g.events.toLocaleString('en')} events and ${g.documents.toLocaleString('en')} documents generated in ${g.seconds.toFixed(0)} s (batches of 5,000, indexes rebuilt after).`
        : `- ${b}: not generated in this run.`;
    }),
    '',
    "Each API scenario has 8 closed-loop clients. The raw SQL runs the same queries (rows, count, the page's named cadres; the statistics' two aggregates) through a pool of 8 on PostgreSQL and one at a time on PGlite, whose single connection serves the API's 8 clients in turn too — so on PGlite an API latency includes waiting for the others and the ratio overstates the API's own cost.",
    '',
    '| database | scenario | p50 | p95 | target p95 | met | raw p50 | raw p95 | p95 API/raw | p50 · 1 client | p95 · 1 client | met · 1 client |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const b of backends)
    for (const [api, raw, target] of TARGETS) {
      const a = all.find((r) => r.name === `${b}: ${api}`);
      const r = all.find((r) => r.name === `${b}: ${raw}`);
      const one = all.find((r) => r.name === `${b}: ${api}${ONE_CLIENT}`);
      if (!a) continue;
      const met = (x: LoadResult) => (x.p95 < target && x.errors === 0 ? 'yes' : 'no');
      lines.push(
        `| ${b} | ${api} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | < ${target} | ${met(a)} | ${r ? r.p50.toFixed(1) : '–'} | ${r ? r.p95.toFixed(1) : '–'} | ${r ? (a.p95 / r.p95).toFixed(2) : '–'} | ${one ? one.p50.toFixed(1) : '–'} | ${one ? one.p95.toFixed(1) : '–'} | ${one ? met(one) : '–'} |`,
      );
    }
  const portal = portalFirstPageJs(path.join(root, 'dist/web'));
  lines.push(
    '',
    portal
      ? `Public portal, first page (\`${portal.page}\`): ${portal.files.length} JavaScript files, ${(portal.gzipBytes / 1024).toFixed(1)} KB gzipped (target < 200 KB: ${portal.gzipBytes < 200 * 1024 ? 'met' : 'not met'}).`
      : 'Public portal: no built portal page in dist/web (run `npm run build`).',
    '',
  );
  return lines;
}
