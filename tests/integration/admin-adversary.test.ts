import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../src/domain/permissions.js';
import { allFigures } from '../../src/server/platform/figures/registry.js';
import { notifications } from '../../src/server/platform/todos/schema.js';
import { roles, users } from '../../src/server/platform/users/schema.js';
import { adversaryWorld, bodyText, protectedIn, signInAs } from '../support/adversary-world.js';
import { call, GOOD_PASSWORD, type Session } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * 三员分立 against each administrator acting alone. Every route of the route table is called by each
 * of the three (path parameters filled with real ids), then the concrete attack chains are played:
 * create an account and grant it a case role, widen one's own role, reset another administrator's
 * password, reset a case reader's password and sign in as them, build a custom role with case
 * permissions and hand it out. Every response body (zips unpacked) is searched for the seeded
 * reporter identity, petition text and cadre ID number: a protected read is any body holding one.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof adversaryWorld>>;
type Who = 'sys' | 'sec' | 'aud';
const ADMINS: Who[] = ['sys', 'sec', 'aud'];
const LABELS: Record<Who, string> = { sys: '系统管理员', sec: '安全保密管理员', aud: '安全审计员' };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Cell {
  method: string;
  url: string;
  access: string | string[] | undefined;
  status: number;
}
const walked: Record<string, Cell[]> = {};
const reads: { who: string; what: string; found: string[] }[] = [];
let requests = 0;
/** Figure probes per administrator: the list and the drill-down of every registered figure. */
const figureProbes: Record<string, number> = {};

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));

/** One request as `who`, its body searched for protected content. */
async function probe(who: string, s: Session, method: string, url: string, payload?: unknown) {
  const res = await call(t, s, method, url, payload);
  requests++;
  const found = protectedIn(bodyText(res));
  if (found.length) reads.push({ who, what: `${method} ${url} → ${res.statusCode}`, found });
  return res;
}

/** Calls every route of the table; the session's own sign-out routes come last. */
async function walk(who: string, s: Session): Promise<Cell[]> {
  const routes = apiRoutes();
  const last = (u: string) => /\/auth\/logout/.test(u);
  const cells: Cell[] = [];
  for (const r of [...routes.filter((x) => !last(x.url)), ...routes.filter((x) => last(x.url))]) {
    const res = await probe(who, s, r.method, w.fill(r.url), SAFE.has(r.method) ? undefined : {});
    cells.push({ method: r.method, url: r.url, access: r.access, status: res.statusCode });
  }
  return cells;
}

const permissionsOf = (who: Who) =>
  new Set(
    BUILTIN_ROLES.find(
      (r) => r.code === { sys: 'sys_admin', sec: 'security_admin', aud: 'audit_admin' }[who],
    )!.permissions,
  );
const open = (access: Cell['access']) => access === 'public' || access === 'authenticated';

beforeAll(async () => {
  t = await createTestApp();
  w = await adversaryWorld(t);
});
afterAll(async () => {
  const n = apiRoutes().length;
  const lines = Object.entries(walked).map(([who, cells]) => {
    const by = (f: (c: number) => boolean) => cells.filter((c) => f(c.status)).length;
    return `${who}: ${cells.length} routes + ${figureProbes[who] ?? 0} figure probes, ${by((c) => c < 300)} 2xx, ${by((c) => c === 403)} 403, ${by((c) => c === 404)} 404, ${by(
      (c) => c >= 400 && c !== 403 && c !== 404 && c < 500,
    )} other 4xx, ${by((c) => c >= 500)} 5xx`;
  });
  console.log(
    `adversary matrix: ${ADMINS.length} admins × ${n} routes, ${reads.length} protected reads (${requests} requests; ${lines.join('; ')})`,
  );
  await t?.close();
});

describe('each administrator alone walks the whole route table', () => {
  it('reaches no protected content on any route, and succeeds only where his class may act', async () => {
    for (const who of ADMINS) {
      const s = await w.again(who);
      const cells = await walk(LABELS[who], s);
      walked[LABELS[who]] = cells;
      if (process.env.ADVERSARY_DEBUG)
        console.log(
          who,
          cells.filter((c) => c.status < 300).map((c) => `${c.method} ${c.url} ${c.status}`),
        );
      const mine = permissionsOf(who);
      for (const c of cells.filter((x) => x.status < 300)) {
        const label = `${who}: ${c.method} ${c.url} (${c.access})`;
        expect(open(c.access) || [c.access].flat().some((p) => mine.has(p as never)), label).toBe(true);
      }
      expect(
        cells.filter((c) => c.status >= 500).map((c) => `${c.method} ${c.url}`),
        who,
      ).toEqual([]);
    }
    expect(Object.values(walked).every((cells) => cells.length === apiRoutes().length)).toBe(true);
    expect(reads).toEqual([]);
    // three administrators × every route: the walk grows with each module's routes
  }, 120_000);

  it('the audit administrator changes nothing: every state-changing route outside his own session is refused', () => {
    const cells = walked[LABELS.aud];
    const changing = cells.filter((c) => !SAFE.has(c.method) && !open(c.access));
    expect(changing.length).toBeGreaterThan(50);
    const allowed = changing.filter((c) => c.status !== 403);
    expect(allowed.map((c) => `${c.method} ${c.url} → ${c.status}`)).toEqual([]);
  });
});

/**
 * The route walk fills `/figures/:key/records` with a key that is no figure (400), so it never asks
 * for a figure's records: each administrator now asks for every registered figure and its records
 * (petition records carry the case's title). The discipline officer asking the same is the control:
 * the probe does see protected content where it is shown.
 */
describe('each administrator alone asks for every figure and its records', () => {
  const ask = async (who: string, s: Session) => {
    const cells: Cell[] = [];
    for (const f of allFigures()) {
      for (const url of [
        `/api/v1/figures?keys=${encodeURIComponent(f.key)}`,
        ...(f.kind === 'ratio' ? [] : [`/api/v1/figures/${encodeURIComponent(f.key)}/records?pageSize=200`]),
      ]) {
        const res = await probe(who, s, 'GET', url);
        cells.push({ method: 'GET', url, access: f.permission, status: res.statusCode });
      }
    }
    return cells;
  };

  it('reaches no protected record through any figure, and sees a figure only with its class’s permission', async () => {
    expect(allFigures().length).toBeGreaterThan(20);
    for (const who of ADMINS) {
      const cells = await ask(LABELS[who], await w.again(who));
      figureProbes[LABELS[who]] = cells.length;
      const mine = permissionsOf(who);
      const beyond = cells.filter((c) => c.status < 300 && !mine.has(c.access as never));
      expect(beyond.map((c) => `${who}: ${c.url} (${c.access}) → ${c.status}`)).toEqual([]);
      expect(cells.filter((c) => c.status >= 500).map((c) => c.url)).toEqual([]);
    }
    expect(reads).toEqual([]);
  }, 120_000);

  it('the control: the discipline officer’s petition drill-downs do show the case, so the probe can see a leak', async () => {
    const seen: string[] = [];
    for (const f of allFigures().filter((x) => x.module === 'petitions' && x.kind !== 'ratio')) {
      const res = await call(t, w.sessions.officer, 'GET', `/api/v1/figures/${f.key}/records?pageSize=200`);
      if (res.statusCode === 200 && protectedIn(bodyText(res)).length) seen.push(f.key);
    }
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('the system administrator alone', () => {
  let s: Session;
  beforeAll(async () => {
    s = await w.again('sys');
  });
  const sys = (method: string, url: string, body?: unknown) => probe('系统管理员', s, method, url, body);

  it('creates an account with a case role and knows its password, but the role waits for its grant: the account reads nothing', async () => {
    // the attack, played to its end before any verdict: create, grant by either road, sign in, read
    const created = await sys('POST', '/api/v1/users', {
      username: 'shadow_ddj',
      displayName: '影子纪委',
      orgId: w.district.id,
      dataScope: 'all',
      roles: ['district_discipline'],
    });
    const { user, password } = created.json();
    const put = await sys('PUT', `/api/v1/users/${user.id}/roles`, {
      roles: ['district_discipline'],
      version: user.version,
    });
    const requestId = user.pendingRoles?.[0]?.requestId ?? 0;
    const grant = await sys('POST', `/api/v1/role-requests/${requestId}/grant`);
    const [ddj] = await t.ctx.db.select().from(roles).where(eq(roles.code, 'district_discipline'));
    const widen = await sys('PUT', `/api/v1/roles/${ddj.id}`, { name: 'x', permissions: [] });
    const shadow = await signInAs(t, 'shadow_ddj', password);
    const reveal = await probe(
      '系统管理员→新建账号',
      shadow,
      'POST',
      `/api/v1/petitions/${w.petition.id}/reporter`,
      {
        reason: '核实',
      },
    );
    const me = (await probe('系统管理员→新建账号', shadow, 'GET', '/api/v1/me')).json();
    const cells = await walk('系统管理员→新建账号', shadow); // ends with its sign-out

    expect(reads).toEqual([]);
    expect(created.statusCode).toBe(200);
    expect(user.roles).toEqual([]);
    expect(user.pendingRoles.map((r: { code: string }) => r.code)).toEqual(['district_discipline']);
    expect([put.statusCode, grant.statusCode, widen.statusCode]).toEqual([403, 403, 403]);
    expect(shadow.pending).toBeNull();
    expect(me.roles).toEqual([]);
    expect(reveal.statusCode).toBe(403);
    expect(cells.filter((c) => c.status < 300 && !open(c.access))).toEqual([]);
  });

  it('asks in vain to reset another administrator or a case reader without a second factor: no password comes back', async () => {
    const outcomes: string[] = [];
    for (const target of [w.people.aud, w.people.sec, w.people.secretary, w.people.orgOfficer]) {
      const res = await sys('POST', `/api/v1/users/${target.id}/reset-password`);
      const body = res.json();
      if (body.password) {
        // had a password come back, he would sign in as its owner and read what they read
        await walk(`系统管理员→${target.username}`, await signInAs(t, target.username, body.password));
      } else {
        const confirm = await sys('POST', `/api/v1/password-resets/${body.request?.id}/confirm`);
        if (confirm.statusCode === 200)
          await walk(
            `系统管理员→${target.username}`,
            await signInAs(t, target.username, confirm.json().password),
          );
        outcomes.push(`${body.outcome}, confirm ${confirm.statusCode}`);
        await sys('POST', `/api/v1/password-resets/${body.request?.id}/refuse`);
      }
    }
    const list = await sys('GET', '/api/v1/password-resets?status=decided');

    expect(reads).toEqual([]);
    expect(outcomes).toEqual(Array(4).fill('requested, confirm 403'));
    expect(list.body).not.toMatch(/"password"/);
    expect(
      list.json().filter((r: { status: string }) => r.status === 'withdrawn').length,
    ).toBeGreaterThanOrEqual(4);
    // the party secretary's password is still her own
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: w.people.secretary.username, password: GOOD_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it('resets the discipline officer alone, but the password stops at the officer’s own second factor', async () => {
    const res = await sys('POST', `/api/v1/users/${w.people.officer.id}/reset-password`);
    expect(res.json().outcome).toBe('reset');
    const taken = await signInAs(t, w.people.officer.username, res.json().password);
    expect(taken.pending).toBe('totp');
    for (const [method, url] of [
      ['GET', `/api/v1/petitions/${w.petition.id}`],
      ['POST', `/api/v1/petitions/${w.petition.id}/reporter`],
      ['GET', `/api/v1/cadres/${w.cadreId}/file`],
    ]) {
      const r = await probe(
        '系统管理员→纪检委员',
        taken,
        method,
        url,
        method === 'POST' ? { reason: '核实' } : undefined,
      );
      expect(r.statusCode, url).toBe(403);
    }
    const [officer] = await t.ctx.db.select().from(users).where(eq(users.id, w.people.officer.id));
    expect(officer.totpEnabledAt).not.toBeNull();
  });

  it('resets an account that reads no case content and signs in as it: nothing protected, and its owner is told', async () => {
    const res = await sys('POST', `/api/v1/users/${w.people.auditor.id}/reset-password`);
    expect(res.json().outcome).toBe('reset');
    const taken = await signInAs(t, w.people.auditor.username, res.json().password);
    expect(taken.pending).toBeNull();
    // proposing a case role for it changes nothing until a security administrator grants it
    const proposed = await sys('POST', `/api/v1/users/${w.people.auditor.id}/role-requests`, {
      roles: ['party_secretary'],
    });
    expect(proposed.statusCode).toBe(200);
    const me = (await probe('系统管理员→审计人员', taken, 'GET', '/api/v1/me')).json();
    expect(me.permissions.filter((p: string) => p.startsWith('petition.'))).toEqual([]);
    const cadre = await probe('系统管理员→审计人员', taken, 'GET', `/api/v1/cadres/${w.cadreId}`);
    expect(cadre.statusCode).toBe(200); // the roster, with the ID number masked
    const cells = await walk('系统管理员→审计人员', taken);
    expect(cells.length).toBe(apiRoutes().length);
    expect(reads).toEqual([]);
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, w.people.auditor.id), eq(notifications.title, '您的密码已被管理员重置')),
      );
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told.at(-1)!.body).toContain(`由 ${w.people.sys.displayName} 重置`);
  });

  it('cannot widen himself: not his roles, his scope, his org, nor reset his own password', async () => {
    const me = w.people.sys;
    const version = (await sys('GET', `/api/v1/users/${me.id}`)).json().version;
    expect((await sys('PUT', `/api/v1/users/${me.id}/roles`, { roles: [], version })).statusCode).toBe(403);
    const propose = await sys('POST', `/api/v1/users/${me.id}/role-requests`, { roles: ['party_secretary'] });
    expect(propose.statusCode).toBe(403);
    const moved = await sys('PUT', `/api/v1/users/${me.id}`, {
      displayName: me.displayName,
      orgId: w.town.id,
      dataScope: 'all',
      version,
    });
    expect(moved.statusCode).toBe(403);
    expect((await sys('POST', `/api/v1/users/${me.id}/reset-password`)).statusCode).toBe(403);
    expect(
      (await sys('POST', '/api/v1/roles', { code: 'x_case', name: 'x', permissions: [] })).statusCode,
    ).toBe(403);
  });
});

describe('the security administrator alone', () => {
  let s: Session;
  beforeAll(async () => {
    s = await w.again('sec');
  });
  const sec = (method: string, url: string, body?: unknown) => probe('安全保密管理员', s, method, url, body);
  const role = async (code: string) =>
    (await sec('GET', '/api/v1/roles')).json().find((r: { code: string }) => r.code === code);

  it('cannot give his own role user.manage or anything else, nor another class what is not its own', async () => {
    const mine = await role('security_admin');
    const own: { statusCode: number }[] = [];
    for (const extra of ['user.manage', 'petition.read', 'audit.read'])
      own.push(
        await sec('PUT', `/api/v1/roles/${mine.id}`, {
          name: mine.name,
          mfaRequired: true,
          version: mine.version + own.filter((r) => r.statusCode === 200).length,
          permissions: [...mine.permissions, extra],
        }),
      );
    // had any of it gone through, he would now act through it: an account of his own with a case role
    const created = await sec('POST', '/api/v1/users', {
      username: 'sec_shadow',
      displayName: '影子',
      orgId: w.district.id,
      dataScope: 'all',
      roles: ['district_discipline'],
    });
    if (created.statusCode === 200) {
      const { user, password } = created.json();
      for (const r of user.pendingRoles ?? [])
        await sec('POST', `/api/v1/role-requests/${r.requestId}/grant`);
      await walk('安全保密管理员→新建账号', await signInAs(t, 'sec_shadow', password));
    }
    const foreign: string[] = [];
    for (const [code, extra] of [
      ['sys_admin', 'role.manage'],
      ['sys_admin', 'petition.reveal_identity'],
      ['audit_admin', 'user.manage'],
      ['audit_admin', 'cadre.id_number'],
    ]) {
      const r = await role(code);
      const res = await sec('PUT', `/api/v1/roles/${r.id}`, {
        name: r.name,
        mfaRequired: true,
        version: r.version,
        permissions: [...r.permissions, extra],
      });
      foreign.push(`${code}+${extra}: ${res.statusCode}`);
    }

    expect(reads).toEqual([]);
    expect(own.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(created.statusCode).toBe(403);
    expect(foreign).toEqual([
      'sys_admin+role.manage: 422',
      'sys_admin+petition.reveal_identity: 422',
      'audit_admin+user.manage: 422',
      'audit_admin+cadre.id_number: 422',
    ]);
    expect((await role('security_admin')).permissions).toEqual(mine.permissions);
  });

  it('builds a custom role with case permissions, but can hand it only to accounts whose password he never learns', async () => {
    const made = await sec('POST', '/api/v1/roles', {
      code: 'case_reader',
      name: '案件阅读员',
      mfaRequired: false,
      permissions: [
        'petition.read',
        'petition.reveal_identity',
        'cadre.read',
        'cadre.file',
        'cadre.id_number',
      ],
    });
    expect(made.statusCode).toBe(200);
    const assign = async (id: number, codes: string[]) => {
      const version = (await sec('GET', `/api/v1/users/${id}`)).json().version;
      return sec('PUT', `/api/v1/users/${id}/roles`, { roles: codes, version });
    };
    expect((await assign(w.people.sec.id, ['security_admin', 'case_reader'])).statusCode).toBe(403);
    expect((await assign(w.people.sys.id, ['sys_admin', 'case_reader'])).statusCode).toBe(422);
    expect((await assign(w.people.aud.id, ['audit_admin', 'case_reader'])).statusCode).toBe(422);
    expect((await assign(w.people.roleless.id, ['case_reader'])).statusCode).toBe(200);
    // ...and he never learns a password: he cannot reset passwords, nothing waits for him
    expect((await sec('POST', `/api/v1/users/${w.people.roleless.id}/reset-password`)).statusCode).toBe(403);
    expect((await sec('GET', `/api/v1/users/${w.people.roleless.id}/sessions`)).statusCode).toBe(403);
    expect((await sec('GET', '/api/v1/password-resets')).json()).toEqual([]);
    const adminPerms = await sec('POST', '/api/v1/roles', {
      code: 'shadow_admin',
      name: '影子管理员',
      mfaRequired: true,
      permissions: ['user.manage'],
    });
    expect(adminPerms.statusCode).toBe(422);
    expect(reads).toEqual([]);
  });

  it('cannot take an administrator role for another account of his and then act through it: he holds no password', async () => {
    const version = (await sec('GET', `/api/v1/users/${w.people.cadre.id}`)).json().version;
    const mixed = await sec('PUT', `/api/v1/users/${w.people.cadre.id}/roles`, {
      roles: ['cadre', 'sys_admin'],
      version,
    });
    expect(mixed.statusCode).toBe(422);
    expect(
      (await sec('POST', `/api/v1/users/${w.people.sec.id}/role-requests`, { roles: ['cadre'] })).statusCode,
    ).toBe(403);
  });
});

describe('the audit administrator alone', () => {
  it('reads the audit log, which holds no reporter identity, petition text or ID number', async () => {
    const s = await w.again('aud');
    const actions = new Set<string>();
    for (let page = 1; ; page++) {
      const log = await probe('安全审计员', s, 'GET', `/api/v1/audit?pageSize=200&page=${page}`);
      expect(log.statusCode).toBe(200);
      const items = log.json().items as { action: string }[];
      for (const r of items) actions.add(r.action);
      if (items.length < 200) break;
    }
    expect([...actions]).toEqual(expect.arrayContaining(['petition.reveal_identity', 'cadre.reveal_id']));
    const exported = await probe('安全审计员', s, 'GET', '/api/v1/audit/export');
    expect(exported.statusCode).toBe(200);
    expect(bodyText(exported)).toContain('petition.reveal_identity');
    expect(reads).toEqual([]);
  });
});
