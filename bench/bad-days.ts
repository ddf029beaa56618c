/**
 * What the bad-day benches share (crash, disk full, fuzz over HTTP): a database of either kind with a
 * township, its discipline officer and an administrator holding every permission; the real server
 * (`bin/jiandu.mjs serve`) spawned on it; a signed-in HTTP session; a petition writer; and
 * `jiandu verify-audit` run as the operator would.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ALL_PERMISSIONS } from '../src/domain/permissions.js';
import { totpCode } from '../src/server/platform/auth/totp.js';
import { rolePermissions, roles } from '../src/server/platform/users/schema.js';
import { GOOD_PASSWORD, makeOrg, makeUser } from '../tests/support/factories.js';
import { openBenchContext } from './server.js';

export {
  exited,
  freePort,
  openBenchContext,
  type Server,
  startServer,
  stopServer,
  tail,
} from './server.js';

export const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'bin/jiandu.mjs');
export const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (s: string) => console.log(s);

export interface Backend {
  name: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl?: string;
  dbName?: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A temp DATA_DIR (under `parent` when given), and on PostgreSQL a fresh database. */
export async function makeBackend(name: Backend['name'], parent?: string): Promise<Backend> {
  const dataDir = mkdtempSync(path.join(parent ?? os.tmpdir(), `jiandu-${name}-`));
  const fieldKey = randomBytes(32).toString('hex');
  if (name === 'pglite')
    return { name, dataDir, env: { DATA_DIR: dataDir, FIELD_KEY: fieldKey }, drop: async () => {} };
  const dbName = `jd_bad_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${dbName}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  return {
    name,
    dataDir,
    databaseUrl,
    dbName,
    env: { DATA_DIR: dataDir, FIELD_KEY: fieldKey, DATABASE_URL: databaseUrl },
    drop: () => adminQuery(`drop database if exists ${dbName} with (force)`).then(() => {}),
  };
}

export async function adminQuery(text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

export interface World {
  townId: number;
  officer: string;
  admin: string;
}

/** Migrates the database and adds a township, its discipline officer, and a user holding every permission. */
export async function makeWorld(b: Backend): Promise<World> {
  const { ctx, database } = await openBenchContext(b);
  const district = await makeOrg(ctx, '坏日子区', null, 'district');
  const town = await makeOrg(ctx, '坏日子镇', district.id);
  const officer = await makeUser(ctx, { orgId: town.id, roles: ['discipline_officer'] });
  const [role] = await ctx.db.insert(roles).values({ code: 'bench_all', name: '压测全部权限' }).returning();
  await ctx.db
    .insert(rolePermissions)
    .values(ALL_PERMISSIONS.map((permission) => ({ roleId: role.id, permission })));
  const admin = await makeUser(ctx, { orgId: district.id, roles: ['bench_all'], dataScope: 'all' });
  await database.close();
  return { townId: town.id, officer: officer.username, admin: admin.username };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP; enrols the second factor when the role asks for it. */
export async function signIn(base: string, username: string, address = '127.0.0.1'): Promise<Session> {
  const post = async (s: Session | null, url: string, body?: unknown) => {
    const res = await fetch(base + url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      },
      body: JSON.stringify(body ?? {}),
    });
    const json = (await res.json()) as any;
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
    return { res, json };
  };
  const { res, json } = await post(null, '/api/v1/auth/login', { username, password: GOOD_PASSWORD });
  const s = { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrf: json.csrfToken as string };
  let pending = json.pending as string | null;
  if (pending === 'totp_enrol') {
    const setup = await post(s, '/api/v1/me/totp/setup');
    pending = (await post(s, '/api/v1/me/totp/enable', { code: totpCode(setup.json.secret, new Date()) }))
      .json.pending;
  }
  if (pending) throw new Error(`${username}: still pending ${pending}`);
  return s;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const petitionBody = (townId: number, tag: string) => ({
  orgId: townId,
  channel: 'letter',
  receivedOn: today(),
  realName: false,
  title: `${tag}：反映村干部作风问题`,
  content: '某村干部办事拖拉，群众多次反映未果。'.repeat(4),
  category: 'work_style',
  subjects: [],
});

export interface Answer {
  status: number;
  json: any;
  text: string;
}

/** One request with a session; `null` when no answer came (refused connection, reset, or the deadline). */
export async function send(
  base: string,
  s: Session | null,
  method: string,
  url: string,
  body?: unknown,
  timeoutMs = 30_000,
): Promise<Answer | null> {
  try {
    const res = await fetch(base + url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, json, text };
  } catch (e) {
    lastFailure.message = `${method} ${url}: ${e instanceof Error ? `${e.message} ${String((e as any).cause ?? '')}` : e}`;
    return null;
  }
}
/** Why the last request of `send` had no answer. */
export const lastFailure = { message: '' };

/** `jiandu verify-audit` on the backend, as the operator runs it: exit code and its lines. */
export function verifyAudit(b: Backend): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, [cli, 'verify-audit'], {
    env: { ...process.env, ...b.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

export function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  return { min: s[0] ?? Number.NaN, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? Number.NaN };
}

export const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
