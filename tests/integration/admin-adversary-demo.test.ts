import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/domain/permissions.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { bodyText } from '../support/adversary-world.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

/**
 * 三员分立 over the demo year: the adversary walk of admin-adversary.test.ts seeds content for the
 * petitions and the roster only, so the later modules' routes met no record (404) and their
 * "0 protected reads" proved nothing. Here each of the three administrators alone walks every route
 * of the table, and every figure with its records, with path parameters filled with the demo's real
 * ids — petitions, admonitions, inquiries, accountability, appointments, economic audits and their
 * rectification, assessments — and every response is searched for the demo's case content: the
 * texts of those records, the reporters' identities and the cadres' full ID numbers.
 * A district discipline officer's walk is the control: the search does find case content where it is shown.
 */
let t: TestApp;
type Who = 'sys' | 'sec' | 'aud';
const ADMINS: Who[] = ['sys', 'sec', 'aud'];
const CODES: Record<Who, string> = { sys: 'sys_admin', sec: 'security_admin', aud: 'audit_admin' };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const YEAR = 'from=2025-01-01&to=2025-12-31';

/** Free-text columns of case records (8 characters or more: no status words or short labels). */
const CASE_TEXT: [table: string, columns: string[]][] = [
  ['petitions', ['title', 'content', 'decline_reason', 'reply']],
  ['petition_documents', ['content']],
  ['accountability_records', ['title', 'facts', 'dismiss_reason']],
  ['accountability_events', ['reason']],
  ['admonitions', ['reason', 'talk_record', 'end_note', 'cadre_statement']],
  ['admonition_events', ['note']],
  ['inquiries', ['question', 'reply_text', 'conclusion_note']],
  ['inquiry_events', ['note']],
  ['appointment_candidates', ['integrity_opinion', 'revoke_reason', 'stop_reason']],
  ['appointment_cases', ['stop_reason']],
  ['appointment_events', ['reason']],
  ['econ_audits', ['title', 'opinion']],
  ['audit_events', ['reason']],
  ['audit_findings', ['summary', 'description', 'recommendation']],
  ['rectification_items', ['measures', 'progress', 'evidence']],
  ['joint_meetings', ['minutes']],
  ['meeting_decisions', ['content']],
  ['annual_grades', ['note']],
];

/** The table behind `/<segment>/:id` (and the other parameters), for a real id. */
const TABLE_OF: Record<string, string> = {
  accountability: 'accountability_records',
  admonitions: 'admonitions',
  appointments: 'appointment_cases',
  'audit-meetings': 'joint_meetings',
  'cadre-imports': 'import_jobs',
  imports: 'import_jobs',
  cadres: 'cadres',
  'econ-audits': 'econ_audits',
  evaluations: 'evaluations',
  'indicator-systems': 'indicator_systems',
  inquiries: 'inquiries',
  items: 'dict_items',
  notices: 'appointment_cases',
  notifications: 'notifications',
  orgs: 'orgs',
  'password-resets': 'password_reset_requests',
  petitions: 'petitions',
  policies: 'policies',
  'policy-reads': 'policy_read_assignments',
  positions: 'positions',
  'rectification-items': 'rectification_items',
  'role-requests': 'role_requests',
  roles: 'roles',
  rounds: 'unit_evaluation_rounds',
  summaries: 'summaries',
  tenures: 'tenures',
  todos: 'todos',
  users: 'users',
  decisionId: 'meeting_decisions',
  postId: 'concurrent_posts',
  assignmentId: 'policy_read_assignments',
};

let secrets: string[] = [];
const ids = new Map<string, string>();
const found: { who: string; what: string; texts: string[] }[] = [];
const summary: Record<string, { requests: number; ok: number; refused: number; serverErrors: number }> = {};
let district: { id: number };

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
const permissionsOf = (who: Who) => new Set(BUILTIN_ROLES.find((r) => r.code === CODES[who])!.permissions);
const open = (access: unknown) => access === 'public' || access === 'authenticated';

async function firstId(table: string, where = sql``): Promise<string | undefined> {
  const rows = rowsOf<{ id: unknown }>(
    await t.ctx.db.execute(
      sql`select id::text as id from ${sql.identifier(table)} ${where} order by id limit 1`,
    ),
  );
  return rows[0]?.id as string | undefined;
}

/** A route's path with real ids: the demo's records, a petition with documents and a sealed reporter. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    const fixed: Record<string, string> = {
      day: '2025-10-01',
      key: 'petition.acceptance',
      type: 'petition_category',
      action: 'accept',
      kind: 'notice',
    };
    if (fixed[name]) return fixed[name];
    if (name === 'attachmentId')
      return (
        (url.startsWith('/api/v1/petitions')
          ? ids.get('petition_attachments')
          : ids.get('supervision_attachments')) ?? '1'
      );
    const segment = name === 'id' ? (url.split(`/:${name}`)[0].split('/').pop() ?? '') : name;
    return ids.get(TABLE_OF[segment] ?? '') ?? '1';
  });
}

beforeAll(async () => {
  t = await createDemoTestApp();
  // what no administrator may ever read
  for (const [table, columns] of CASE_TEXT)
    for (const c of columns) {
      const rows = rowsOf<{ v: string }>(
        await t.ctx.db.execute(
          sql`select distinct ${sql.identifier(c)}::text as v from ${sql.identifier(table)} where char_length(${sql.identifier(c)}::text) >= 8`,
        ),
      );
      secrets.push(...rows.map((r) => r.v));
    }
  for (const r of rowsOf<{ enc: string }>(
    await t.ctx.db.execute(sql`select reporter_enc as enc from petitions where reporter_enc is not null`),
  )) {
    const who = JSON.parse(t.ctx.crypto.decrypt(r.enc)) as Record<string, unknown>;
    for (const v of [who.name, who.phone, who.idNumber, who.address])
      if (typeof v === 'string' && v.length >= 2 && v !== '匿名') secrets.push(v);
  }
  for (const r of rowsOf<{ enc: string }>(
    await t.ctx.db.execute(sql`select id_number_enc as enc from cadres where id_number_enc is not null`),
  ))
    secrets.push(t.ctx.crypto.decrypt(r.enc));
  secrets = [...new Set(secrets)];

  for (const table of new Set([
    ...Object.values(TABLE_OF),
    'petition_attachments',
    'supervision_attachments',
  ])) {
    const id =
      table === 'petitions'
        ? await firstId(
            table,
            sql`where reporter_enc is not null and id in (select petition_id from petition_documents)`,
          )
        : table === 'users' || table === 'orgs'
          ? await firstId(table, sql`where id > 1`)
          : await firstId(table);
    if (id) ids.set(table, id);
  }
  [district] = await t.ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(sql`${orgs.parentId} is null`)
    .limit(1);
}, DEMO_HOOK_TIMEOUT);
afterAll(async () => {
  const line = Object.entries(summary)
    .map(([who, s]) => `${who}: ${s.requests} requests, ${s.ok} 2xx, ${s.refused} 403, ${s.serverErrors} 5xx`)
    .join('; ');
  console.log(
    `adversary matrix on the demo year: ${ADMINS.length} admins × ${apiRoutes().length} routes + ${allFigures().length} figures, ${secrets.length} protected values, ${found.filter((f) => f.who !== 'control').length} protected reads (${line})`,
  );
  await t?.close();
});

/** Every route (sign-out last) and every figure with its records, as `who`; responses searched. */
async function walk(who: string, username: string) {
  let s: Session = await signIn(t, username);
  const tally = { requests: 0, ok: 0, refused: 0, serverErrors: 0 };
  const cells: { what: string; access: unknown; status: number }[] = [];
  const probe = async (method: string, url: string, access: unknown) => {
    let res = await call(t, s, method, url, SAFE.has(method) ? undefined : {});
    if (res.statusCode === 401 && !/\/auth\/logout/.test(url)) {
      s = await signIn(t, username); // a route ended the session (e.g. another's password change): carry on signed in
      res = await call(t, s, method, url, SAFE.has(method) ? undefined : {});
    }
    tally.requests++;
    if (res.statusCode < 300) tally.ok++;
    if (res.statusCode === 403) tally.refused++;
    if (res.statusCode >= 500) tally.serverErrors++;
    const text = bodyText(res);
    const texts = secrets.filter((v) => text.includes(v));
    if (texts.length)
      found.push({ who, what: `${method} ${url} → ${res.statusCode}`, texts: texts.slice(0, 3) });
    cells.push({ what: `${method} ${url}`, access, status: res.statusCode });
  };
  for (const f of allFigures()) {
    await probe('GET', `/api/v1/figures?keys=${encodeURIComponent(f.key)}&${YEAR}`, f.permission);
    if (f.kind !== 'ratio')
      await probe(
        'GET',
        `/api/v1/figures/${encodeURIComponent(f.key)}/records?${YEAR}&pageSize=200`,
        f.permission,
      );
  }
  const routes = apiRoutes();
  const last = (u: string) => /\/auth\/logout/.test(u);
  for (const r of [...routes.filter((x) => !last(x.url)), ...routes.filter((x) => last(x.url))]) {
    await probe(r.method, fill(r.url), r.access);
  }
  summary[who] = tally;
  return cells;
}

describe('each administrator alone over the demo year', () => {
  it('the control: a district discipline officer’s walk does meet case content, so the search can see a leak', async () => {
    expect(secrets.length).toBeGreaterThan(300);
    for (const table of [
      'petitions',
      'admonitions',
      'inquiries',
      'accountability_records',
      'econ_audits',
      'rectification_items',
      'appointment_cases',
    ])
      expect(ids.get(table), table).toBeDefined();
    const officer = await makeUser(t.ctx, {
      orgId: district.id,
      roles: ['district_discipline'],
      dataScope: 'all',
    });
    await walk('control', officer.username);
    expect(found.filter((f) => f.who === 'control').length).toBeGreaterThan(5);
  }, 300_000);

  it('reaches no case content on any route or figure, and succeeds only where his class may act', async () => {
    for (const who of ADMINS) {
      const u = await makeUser(t.ctx, { orgId: district.id, roles: [CODES[who]], dataScope: 'all' });
      const cells = await walk(who, u.username);
      const mine = permissionsOf(who);
      const beyond = cells.filter(
        (c) => c.status < 300 && !open(c.access) && ![c.access].flat().some((p) => mine.has(p as never)),
      );
      expect(beyond.map((c) => `${who}: ${c.what} (${String(c.access)}) → ${c.status}`)).toEqual([]);
      expect(cells.filter((c) => c.status >= 500).map((c) => `${who}: ${c.what}`)).toEqual([]);
    }
    expect(found.filter((f) => f.who !== 'control')).toEqual([]);
  }, 600_000);
});
