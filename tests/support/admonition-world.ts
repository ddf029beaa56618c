import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * 大兴镇 and 青山镇 under 新城区: the discipline officer, the organization officer, the party
 * secretary, the unit head of 大兴镇, the cadre 王建军 (with his own cadre account), the cadre 李明
 * (with his own), 王建军's wife (a discipline officer registered as related) and 青山镇's officer.
 */
export async function admonitionWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const town = await makeOrg(t.ctx, '大兴镇', district.id);
  const other = await makeOrg(t.ctx, '青山镇', district.id);
  const [cadreId, otherCadreId, farCadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      { orgId: town.id, name: '王建军', status: 'active' },
      { orgId: town.id, name: '李明', status: 'active' },
      { orgId: other.id, name: '赵青山', status: 'active' },
    ],
    'manual',
  );
  const s: Record<string, Session> = {};
  const ids: Record<string, number> = {};
  const user = async (
    key: string,
    orgId: number,
    roles: string[],
    extra: { cadreId?: number; dataScope?: string } = {},
  ) => {
    const u = await makeUser(t.ctx, { orgId, roles, ...extra });
    ids[key] = u.id;
    s[key] = await signIn(t, u.username);
    return u;
  };
  await user('officer', town.id, ['discipline_officer']);
  await user('orgOfficer', town.id, ['org_officer']);
  await user('secretary', town.id, ['party_secretary']);
  await user('unitHead', town.id, ['unit_head'], { dataScope: 'org' });
  await user('cadre', town.id, ['cadre'], { cadreId, dataScope: 'self' });
  await user('otherCadre', town.id, ['cadre'], { cadreId: otherCadreId, dataScope: 'self' });
  const wife = await user('wife', town.id, ['discipline_officer']);
  await t.ctx.db.insert(recusals).values({ userId: wife.id, cadreId, reason: 'family' });
  await user('otherTown', other.id, ['discipline_officer']);
  return { district, town, other, cadreId, otherCadreId, farCadreId, s, ids };
}
export type AdmonitionWorld = Awaited<ReturnType<typeof admonitionWorld>>;

/** Calls and expects 200, returning the JSON. */
export async function ok(t: TestApp, s: Session, method: string, url: string, body?: unknown) {
  const res = await call(t, s, method, url, body);
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const twoTalkers = (talkOn: string) => ({
  talkOn,
  place: '镇党委会议室',
  talkers: ['张书记', '刘委员'],
  record: '指出存在的问题，提出整改要求。',
  cadreStatement: '诚恳接受组织诫勉，认真整改。',
  acknowledgedOn: talkOn,
});
