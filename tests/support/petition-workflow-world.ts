import { isNull } from 'drizzle-orm';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import type { RegisterInput } from '../../src/server/modules/petitions/workflow/register-contract.js';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import { sessions } from '../../src/server/platform/auth/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * 东湖镇 (with its 农业服务中心 unit) and 西岭镇 under one district: a discipline officer, the party
 * secretary, a unit head, a township head of 东湖镇, 西岭镇's discipline officer, the cadre 王建军 (with
 * a user account of his own) and his wife's account (registered as related).
 */
export async function petitionWorkflowWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '清江区', null, 'district');
  const town = await makeOrg(t.ctx, '东湖镇', district.id);
  const other = await makeOrg(t.ctx, '西岭镇', district.id);
  const unit = await makeOrg(t.ctx, '东湖镇农业服务中心', town.id, 'department');
  const [cadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: town.id, name: '王建军', status: 'active' }],
    'manual',
  );
  const [otherCadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: other.id, name: '李西岭', status: 'active' }],
    'manual',
  );
  const s: Record<string, Session> = {};
  const ids: Record<string, number> = {};
  const user = async (key: string, orgId: number, roles: string[], extra: { cadreId?: number } = {}) => {
    const u = await makeUser(t.ctx, { orgId, roles, ...extra });
    ids[key] = u.id;
    s[key] = await signIn(t, u.username);
    return u;
  };
  await user('officer', town.id, ['discipline_officer']);
  await user('secretary', town.id, ['party_secretary']);
  await user('head', town.id, ['township_head']);
  await user('unitHead', unit.id, ['unit_head']);
  await user('investigator', town.id, ['discipline_officer']);
  await user('otherTown', other.id, ['discipline_officer']);
  await user('named', town.id, ['discipline_officer'], { cadreId });
  const wife = await user('wife', town.id, ['discipline_officer']);
  await t.ctx.db.insert(recusals).values({ userId: wife.id, cadreId, reason: 'family' });
  return { district, town, other, unit, cadreId, otherCadreId, s, ids };
}

export type PetitionWorld = Awaited<ReturnType<typeof petitionWorkflowWorld>>;

/** A letter to 东湖镇 received on `receivedOn`, registered without an actor (as the portal does). */
export const letter = (orgId: number, over: Partial<RegisterInput> = {}): RegisterInput => ({
  orgId,
  channel: 'letter',
  receivedOn: '2026-03-02',
  realName: false,
  title: '反映干部作风问题',
  content: '某村干部工作作风粗暴，群众意见较大。',
  category: 'work_style',
  subjects: [],
  ...over,
});

export const registerDirect = (t: TestApp, input: RegisterInput) =>
  t.ctx.db.transaction((tx) => registerPetition(tx, t.ctx, null, input));

/** Registers through the API as the given session; throws unless 200. */
export async function postPetition(t: TestApp, s: Session, body: Record<string, unknown>) {
  const res = await call(t, s, 'POST', '/api/v1/petitions', body);
  if (res.statusCode !== 200) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Takes an action through the API with the petition's current version. */
export async function act(
  t: TestApp,
  s: Session,
  id: number,
  action: string,
  body: Record<string, unknown> = {},
) {
  const cur = await call(t, s, 'GET', `/api/v1/petitions/${id}`);
  return call(t, s, 'POST', `/api/v1/petitions/${id}/actions/${action}`, {
    version: cur.json().version,
    ...body,
  });
}

/** Moves the fake clock by whole days and keeps the open sessions alive (as if the officers came back each morning). */
export async function advanceDays(t: TestApp, days: number) {
  t.clock.advance(days * 86_400_000);
  const now = t.clock.now();
  await t.ctx.db.update(sessions).set({ createdAt: now, lastSeenAt: now }).where(isNull(sessions.endedAt));
}

/** Sets the fake clock to an instant and keeps the open sessions alive. */
export async function setNow(t: TestApp, iso: string) {
  t.clock.current = new Date(iso);
  await advanceDays(t, 0);
}
