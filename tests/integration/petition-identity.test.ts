import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { gunzipSync, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { auditRows } from '../support/admins.js';
import { call } from '../support/factories.js';
import {
  ANONYMOUS_CONTACT,
  petitionIdentityWorld,
  REPORTER,
  SECOND_REPORTER,
  SECRETS,
} from '../support/petition-identity-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof petitionIdentityWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await petitionIdentityWorld(t);
}, 60_000);
afterAll(async () => t.close());

/** The seeded values, plus the phone without its hyphen. */
const needles = [...SECRETS, ...SECRETS.filter((v) => /^\d+-\d+$/.test(v)).map((v) => v.replace('-', ''))];
const leaks = (text: string) => needles.filter((n) => text.includes(n));

/** The readable text of a response: the body (or every file of a zip such as .xlsx) and its headers. */
function textsOf(res: LightMyRequestResponse): string {
  const raw = res.rawPayload;
  const parts = [JSON.stringify(res.headers)];
  if (raw[0] === 0x50 && raw[1] === 0x4b)
    for (const bytes of Object.values(unzipSync(new Uint8Array(raw))))
      parts.push(Buffer.from(bytes).toString('utf8'));
  else parts.push(raw.toString('utf8'));
  return parts.join('\n');
}

/** Every row of every table of the database as JSON text. */
async function everyRow(): Promise<{ table: string; text: string }[]> {
  const tables = rowsOf<{ s: string; n: string }>(
    await t.ctx.db.execute(sql`select table_schema as s, table_name as n from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`),
  );
  const out: { table: string; text: string }[] = [];
  for (const { s, n } of tables) {
    const rows = rowsOf<{ j: string }>(
      await t.ctx.db.execute(sql.raw(`select row_to_json(t)::text as j from "${s}"."${n}" t`)),
    );
    out.push({ table: `${s}.${n}`, text: rows.map((r) => r.j).join('\n') });
  }
  return out;
}

describe('revealing the reporter', () => {
  it('gives the permission holder the identity for a stated reason, and audits the reason only', async () => {
    const res = await w.reveal('officer', w.petitions.named.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ realName: true, identity: REPORTER });
    const [audit] = await auditRows(t, 'petition.reveal_identity', w.petitions.named.id);
    expect(audit).toMatchObject({ objectType: 'petition', result: 'success' });
    expect(audit.detail).toMatchObject({ code: 'JZ-XF2026-0001', reason: '核实反映人身份以便当面反馈' });
    expect(leaks(JSON.stringify(audit))).toEqual([]);
  });

  it('asks for a reason of at least 4 characters', async () => {
    const res = await w.reveal('officer', w.petitions.named.id, '看看');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('事由');
    expect(leaks(res.body)).toEqual([]);
  });

  it('shows the contact an anonymous reporter left, under the name 匿名', async () => {
    const res = await w.reveal('officer', w.petitions.contact.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      realName: false,
      identity: { name: '匿名', phone: ANONYMOUS_CONTACT.phone },
    });
  });

  it('says clearly that an anonymous report without contact has no identity to show', async () => {
    const res = await w.reveal('officer', w.petitions.anonymous.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('匿名');
  });

  it('refuses those without the permission, another township and the named cadre’s relative', async () => {
    for (const who of ['clerk', 'head', 'unitHead']) {
      const res = await w.reveal(who, w.petitions.named.id);
      expect(res.statusCode, who).toBe(403);
      expect(leaks(res.body)).toEqual([]);
    }
    for (const who of ['otherTown', 'spouse']) {
      const res = await w.reveal(who, w.petitions.named.id);
      expect(res.statusCode, who).toBe(404);
      expect(leaks(res.body)).toEqual([]);
    }
    const rows = await auditRows(t, 'petition.reveal_identity');
    expect(
      rows.filter((r) => r.result === 'success' && r.objectId === String(w.petitions.named.id)),
    ).toHaveLength(1);
    expect(rows.filter((r) => r.result === 'denied')).toHaveLength(2); // the 404s; the 403s are access.denied
    expect((await auditRows(t, 'access.denied')).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the identity is nowhere else', () => {
  it('is absent from every GET under /api/v1/petitions and the supervision file for those without the permission', async () => {
    const { named, second, contact } = w.petitions;
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.includes('petition'));
    const urls = [
      ...routes.flatMap((r) =>
        [named.id, second.id, contact.id].map((id) =>
          r.url.replace(/:(\w+)/g, (_, p: string) => (p === 'id' ? String(id) : '1')),
        ),
      ),
      `/api/v1/petitions?q=${encodeURIComponent(REPORTER.name)}`,
      `/api/v1/petitions?q=${encodeURIComponent(REPORTER.phone)}`,
      `/api/v1/petitions?q=${encodeURIComponent('作风')}`,
      '/api/v1/figures/petitions.received/records?from=2026-01-01&to=2026-12-31',
      '/api/v1/figures/petitions.by_cadre/records?from=2026-01-01&to=2026-12-31',
      '/api/v1/petitions/ledger.xlsx?from=2026-01-01&to=2026-12-31',
      `/api/v1/cadres/${w.cadreId}/file`,
      '/api/v1/todos',
    ];
    const seen: Record<string, number> = {};
    for (const who of ['clerk', 'head', 'unitHead']) {
      for (const url of new Set(urls)) {
        const res = await call(t, w.s[who], 'GET', url);
        expect(res.statusCode, `${who} ${url}`).toBeLessThan(500);
        expect(leaks(textsOf(res)), `${who} ${url}`).toEqual([]);
        if (res.statusCode === 200) seen[who] = (seen[who] ?? 0) + 1;
      }
      const detail = await call(t, w.s[who], 'GET', `/api/v1/petitions/${named.id}`);
      if (routes.some((r) => r.url === '/api/v1/petitions/:id')) expect(detail.statusCode, who).toBe(200);
    }
    expect(seen.clerk).toBeGreaterThan(0);
  });

  it('is not searchable, not even by those who may reveal it', async () => {
    for (const v of [REPORTER.name, REPORTER.phone, REPORTER.idNumber, SECOND_REPORTER.name]) {
      const res = await call(t, w.s.officer, 'GET', `/api/v1/petitions?q=${encodeURIComponent(v)}`);
      if (res.statusCode === 404) return; // the list is not there yet
      expect(res.statusCode).toBe(200);
      expect(res.json().total, v).toBe(0);
    }
  });

  it('is absent from the audit log, reasons and all', async () => {
    const rows = rowsOf<{ j: string }>(
      await t.ctx.db.execute(sql`select row_to_json(a)::text as j from audit_log a`),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.j.includes('核实反映人身份以便当面反馈'))).toBe(true);
    expect(leaks(rows.map((r) => r.j).join('\n'))).toEqual([]);
  });

  it('is absent from every row of every table, while the matter itself is there to find', async () => {
    const all = await everyRow();
    expect(all.map((x) => x.table)).toEqual(expect.arrayContaining(['public.petitions', 'public.audit_log']));
    expect(all.find((x) => x.table === 'public.petitions')?.text).toContain('农机补贴');
    for (const { table, text } of all) expect(leaks(text), table).toEqual([]);
  });

  it.skipIf(process.env.TEST_DATABASE_URL)(
    'is absent from the raw bytes of the embedded database’s files',
    async () => {
      const pglite = t.ctx.database.pglite!;
      await pglite.exec('checkpoint');
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(gunzipSync(new Uint8Array(await dump.arrayBuffer())));
      expect(bytes.includes(Buffer.from('农机补贴', 'utf8'))).toBe(true); // the search works
      const found = needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
      expect(found).toEqual([]);
    },
  );
});
