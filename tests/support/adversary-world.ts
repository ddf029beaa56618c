import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { petitionDocuments, petitions } from '../../src/server/modules/petitions/schema.js';
import { applyTransition } from '../../src/server/modules/petitions/workflow/apply-transition.js';
import type { RegisterInput } from '../../src/server/modules/petitions/workflow/register-contract.js';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { dictItems } from '../../src/server/platform/dictionaries/schema.js';
import { notifications, todos } from '../../src/server/platform/todos/schema.js';
import { rolePermissions, roles, users } from '../../src/server/platform/users/schema.js';
import { idNumberFor } from './cadre-helpers.js';
import { call, GOOD_PASSWORD, loginAs, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/** A real-name reporter, a case and a cadre's ID number: distinctive values no administrator may ever read. */
export const REPORTER = {
  name: '濮阳清漪',
  phone: '13977120568',
  idNumber: idNumberFor('1979-04-11', 232, '450102'),
  address: '甲镇望江路二十九号三单元',
  workUnit: '青禾米业专业合作社',
};
export const CASE = {
  title: '反映征地补偿款被截留',
  content: '举报某村干部在征地补偿中截留青苗补偿款八万六千元，涉事账目见村会计处。',
  report: '经核实，青苗补偿款截留属实，金额八万六千元，已责令退还。',
};
export const CADRE_ID_NUMBER = idNumberFor('1975-08-19', 377, '450103');
/** Every protected value seeded; a response body holding any of them is a protected read. */
export const PROTECTED = [
  ...Object.values(REPORTER),
  CASE.title,
  '截留青苗补偿款八万六千元',
  '青苗补偿款截留属实',
  CADRE_ID_NUMBER,
];

/** The text of a response, with the entries of a zip (xlsx, docx) unpacked so they can be searched too. */
export function bodyText(res: { rawPayload: Buffer }): string {
  const raw = res.rawPayload;
  if (raw.length > 4 && raw[0] === 0x50 && raw[1] === 0x4b) {
    try {
      return Object.values(unzipSync(new Uint8Array(raw)))
        .map((f) => strFromU8(f))
        .join('\n');
    } catch {
      return raw.toString('utf8');
    }
  }
  return raw.toString('utf8');
}

export const protectedIn = (text: string) => PROTECTED.filter((s) => text.includes(s));

/**
 * Signs in as far as the password and the account's own second factor (when the test knows it) go:
 * completes a forced password change and an enrolment, answers a TOTP step only with `totpSecret`.
 * Returns the session and the step it stopped at (null: fully signed in).
 */
export async function signInAs(t: TestApp, username: string, password: string, totpSecret?: string) {
  const s = await loginAs(t, username, password);
  if (s.pending === 'totp' && totpSecret) {
    t.clock.advance(31_000); // a code is good once: the next 30-second step
    const r = await call(t, s, 'POST', '/api/v1/auth/totp', { code: totpCode(totpSecret, t.clock.now()) });
    s.pending = r.json().pending;
  }
  if (s.pending === 'password_change') {
    const next = `Nx#${Math.random().toString(36).slice(2, 10)}`;
    const r = await call(t, s, 'POST', '/api/v1/me/password', { current: password, next });
    s.pending = r.json().pending;
  }
  if (s.pending === 'totp_enrol') {
    const setup = await call(t, s, 'POST', '/api/v1/me/totp/setup');
    const r = await call(t, s, 'POST', '/api/v1/me/totp/enable', {
      code: totpCode(setup.json().secret, t.clock.now()),
    });
    s.pending = r.json().pending;
  }
  return s;
}

/**
 * A demo-like township and the three administrators, each signed in with the second factor their
 * role requires: 新城区 with 甲镇, a discipline officer (second factor enrolled), the party secretary
 * and the organisation officer (who read cases without a second factor), an audit officer and a
 * cadre account (nothing protected), an account without roles, a unit head; a petition from a sealed real-name
 * reporter, investigated with a report; a cadre with an ID number; audit rows of a reveal of each.
 */
export async function adversaryWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const town = await makeOrg(t.ctx, '甲镇', district.id);
  const unit = await makeOrg(t.ctx, '甲镇农业服务中心', town.id, 'department');
  const admin = (role: string) => makeUser(t.ctx, { orgId: district.id, roles: [role], dataScope: 'all' });
  // An account that reads no case content but the roster (the audit officer once was one; since the
  // economic-responsibility audits, audit findings are case content): a custom role 名册查阅员.
  const [rosterRole] = await t.ctx.db
    .insert(roles)
    .values({ code: 'roster_reader', name: '名册查阅员', builtin: false, mfaRequired: false })
    .returning({ id: roles.id });
  await t.ctx.db
    .insert(rolePermissions)
    .values(
      [
        'todo.read',
        'todo.manage',
        'calendar.read',
        'rule.read',
        'dict.read',
        'policy.read',
        'org.read',
        'cadre.read',
      ].map((permission) => ({ roleId: rosterRole.id, permission })),
    );
  const people = {
    sys: await admin('sys_admin'),
    sec: await admin('security_admin'),
    aud: await admin('audit_admin'),
    officer: await makeUser(t.ctx, { orgId: town.id, roles: ['discipline_officer'] }),
    secretary: await makeUser(t.ctx, { orgId: town.id, roles: ['party_secretary'] }),
    orgOfficer: await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] }),
    auditor: await makeUser(t.ctx, { orgId: town.id, roles: ['roster_reader'] }),
    cadre: await makeUser(t.ctx, { orgId: town.id, roles: ['cadre'] }),
    roleless: await makeUser(t.ctx, { orgId: town.id, roles: [] }),
    /** A unit head (cases handed to his unit, no second factor): the world's decided reset request is about him. */
    unitHead: await makeUser(t.ctx, { orgId: unit.id, roles: ['unit_head'] }),
  };
  const sessions: Record<'sys' | 'sec' | 'aud' | 'officer' | 'orgOfficer', Session> = {
    sys: await signIn(t, people.sys.username),
    sec: await signIn(t, people.sec.username),
    aud: await signIn(t, people.aud.username),
    officer: await signIn(t, people.officer.username),
    orgOfficer: await signIn(t, people.orgOfficer.username),
  };

  const [cadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: town.id, name: '司徒望舒', status: 'active', idNumber: CADRE_ID_NUMBER } as never],
    'manual',
  );
  let petition = await t.ctx.db.transaction((tx) =>
    registerPetition(tx, t.ctx, null, {
      orgId: town.id,
      channel: 'letter',
      receivedOn: '2026-02-20',
      realName: true,
      reporter: REPORTER,
      title: CASE.title,
      content: CASE.content,
      category: 'work_style',
      subjects: [{ cadreId }],
    } as RegisterInput),
  );
  for (const [action, extra] of [
    ['accept', {}],
    ['investigate', { disposal: 'preliminary_check', assignedUnitOrgId: unit.id }],
    ['report', { report: CASE.report }],
  ] as const)
    petition = await t.ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(petitions).where(eq(petitions.id, petition.id));
      return applyTransition(tx, t.ctx, null, row, action, extra as never);
    });
  await t.ctx.db.insert(petitionDocuments).values({
    petitionId: petition.id,
    kind: 'opinion',
    content: CASE.report,
    occurredOn: '2026-03-02',
  });
  // the officers' work leaves audit rows behind: a reveal with its reason, an ID number shown
  const reveal = await call(t, sessions.officer, 'POST', `/api/v1/petitions/${petition.id}/reporter`, {
    reason: '核实反映人身份以便当面反馈',
  });
  if (reveal.statusCode !== 200) throw new Error(`reveal: ${reveal.statusCode} ${reveal.body}`);
  await call(t, sessions.officer, 'GET', `/api/v1/petitions/${petition.id}`);
  await call(t, sessions.orgOfficer, 'POST', `/api/v1/cadres/${cadreId}/reveal-id`, { reason: '干部考察' });

  // requests of each kind that were already decided, so their routes are walked with real ids
  const proposal = await call(t, sessions.sys, 'POST', `/api/v1/users/${people.cadre.id}/role-requests`, {
    roles: ['audit_officer'],
  });
  const roleRequestId = proposal.json().pendingRoles[0].requestId;
  await call(t, sessions.sys, 'POST', `/api/v1/role-requests/${roleRequestId}/refuse`);
  const asked = await call(t, sessions.sys, 'POST', `/api/v1/users/${people.unitHead.id}/reset-password`);
  const resetRequestId = asked.json().request?.id ?? 1;
  await call(t, sessions.sys, 'POST', `/api/v1/password-resets/${resetRequestId}/refuse`);

  const [todo] = await t.ctx.db.select({ id: todos.id }).from(todos).limit(1);
  const [note] = await t.ctx.db.select({ id: notifications.id }).from(notifications).limit(1);
  const [item] = await t.ctx.db.select({ id: dictItems.id }).from(dictItems).limit(1);
  const [cadreRole] = await t.ctx.db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'cadre'));
  const ids: Record<string, number> = {
    orgs: town.id,
    users: people.auditor.id,
    roles: cadreRole.id,
    items: item.id,
    cadres: cadreId,
    petitions: petition.id,
    todos: todo?.id ?? 1,
    notifications: note?.id ?? 1,
    'role-requests': roleRequestId,
    'password-resets': resetRequestId,
  };
  /** A route's path with its parameters filled with the world's real ids. */
  const fill = (url: string) =>
    url.replace(/:(\w+)/g, (_, name: string) => {
      const fixed: Record<string, string> = {
        day: '2026-03-02',
        key: 'petition.acceptance',
        type: 'petition_category',
        action: 'accept',
      };
      if (fixed[name]) return fixed[name];
      const segment = url.split(`/:${name}`)[0].split('/').pop() ?? '';
      return String(ids[segment] ?? 1);
    });

  /** The administrators' own second factors, as their authenticator apps would show them. */
  const totpSecretOf = async (id: number) => {
    const [u] = await t.ctx.db.select({ s: users.totpSecret }).from(users).where(eq(users.id, id));
    return u.s ? t.ctx.crypto.decrypt(u.s) : undefined;
  };
  /** A fresh session of an administrator (password and second factor). */
  const again = async (who: 'sys' | 'sec' | 'aud') =>
    signInAs(t, people[who].username, GOOD_PASSWORD, await totpSecretOf(people[who].id));

  return { district, town, people, sessions, cadreId, petition, fill, again, totpSecretOf };
}
