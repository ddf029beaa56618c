import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * 甲镇 with 张三 (副镇长 since 2024-01-01), 李四 and 王五 (each appointed to a post on 2025-08-01 that a
 * 失察 case revokes) and 赵六; 乙镇 with its own officer. Accounts: the discipline and organisation
 * officers, the party secretary, a unit head and 张三's own cadre account in 甲镇, 张三's wife (an
 * officer registered as related: recusal), 乙镇's officer and the system administrator.
 */
export async function accountabilityWorld(t: TestApp) {
  const townA = await makeOrg(t.ctx, '甲镇');
  const townB = await makeOrg(t.ctx, '乙镇');
  const [zhang, li, wang, zhao] = await insertCadres(
    t.ctx.db,
    t.ctx,
    ['张三', '李四', '王五', '赵六'].map((name) => ({ orgId: townA.id, name, status: 'active' as const })),
    'manual',
  );
  const [, liPost, wangPost] = await t.ctx.db
    .insert(tenures)
    .values([
      { cadreId: zhang, orgId: townA.id, title: '副镇长', level: 'fuke', startDate: '2024-01-01' },
      {
        cadreId: li,
        orgId: townA.id,
        title: '农业服务中心副主任',
        level: 'middle_deputy',
        startDate: '2025-08-01',
      },
      {
        cadreId: wang,
        orgId: townA.id,
        title: '财政所副所长',
        level: 'middle_deputy',
        startDate: '2025-08-01',
      },
    ])
    .returning({ id: tenures.id });
  const s: Record<string, Session> = {};
  const ids: Record<string, number> = {};
  const user = async (key: string, orgId: number, roles: string[], cadreId?: number) => {
    const u = await makeUser(t.ctx, { orgId, roles, cadreId });
    s[key] = await signIn(t, u.username);
    ids[key] = u.id;
    return u;
  };
  await user('discipline', townA.id, ['discipline_officer']);
  await user('org', townA.id, ['org_officer']);
  await user('secretary', townA.id, ['party_secretary']);
  await user('unitHead', townA.id, ['unit_head']);
  await user('self', townA.id, ['cadre'], zhang);
  await user('otherTown', townB.id, ['discipline_officer']);
  await user('admin', townA.id, ['sys_admin']);
  const spouse = await user('spouse', townA.id, ['discipline_officer']);
  await t.ctx.db.insert(recusals).values({ userId: spouse.id, cadreId: zhang, reason: 'family' });

  const api = (who: string, method: string, url: string, body?: unknown) =>
    call(t, s[who], method, url, body);
  return {
    townA: townA.id,
    townB: townB.id,
    cadres: { zhang, li, wang, zhao },
    posts: { li: liPost.id, wang: wangPost.id },
    s,
    ids,
    api,
    /** A 工作失误 (计生工作失职) draft against 张三 with the given sanctions. */
    workError: (sanctions: unknown[], over: Record<string, unknown> = {}) => ({
      orgId: townA.id,
      kind: 'work_error',
      category: 'family_planning',
      title: '计划生育工作失职',
      facts: '2025年上半年人口计生目标任务未完成，经镇党委调查属实。',
      basis: '《大兴镇工作失误追究制》第三条',
      decidingBody: '中共甲镇委员会',
      decidedOn: '2025-06-10',
      persons: [{ cadreId: zhang, role: '责任人', sanctions }],
      ...over,
    }),
    eligibility: (who: string, cadreId: number, date: string) =>
      api(who, 'GET', `/api/v1/cadres/${cadreId}/eligibility?date=${date}`),
  };
}
