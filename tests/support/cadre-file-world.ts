import { idCheckChar } from '../../src/domain/id-number.js';
import { registerCadreProvider } from '../../src/server/modules/cadres/providers.js';
import { concurrentPosts, familyMembers, tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/** The subject of the supervision-file tests; the test providers answer only for them. */
const ids = { subject: 0, plain: 0 };

/**
 * Two providers as later modules will register them: one open to every holder of cadre.file, one
 * needing a further permission (cadre.manage: the organization office has it, the party secretary not).
 */
function registerTestProviders(): () => void {
  const off = [
    registerCadreProvider({
      key: 'test_admonition',
      label: '谈话诫勉（测试）',
      timeline: async (_db, _actor, id) =>
        id === ids.subject
          ? [{ date: '2026-01-10', kind: 'test_admonition', title: '诫勉谈话', link: '/admonitions/7' }]
          : [],
      records: async (_db, id) =>
        id === ids.subject ? { admonitions: [{ effectiveFrom: '2026-01-10' }] } : {},
    }),
    registerCadreProvider({
      key: 'test_petition',
      label: '信访举报（测试）',
      permission: 'cadre.manage',
      timeline: async (_db, _actor, id) =>
        id === ids.subject ? [{ date: '2024-11-03', kind: 'test_petition', title: '反映问题线索' }] : [],
    }),
  ];
  return () => {
    for (const f of off) f();
  };
}

const idNumber = (first17: string) => first17 + idCheckChar(first17);

/**
 * 张三 (副镇长 since 2025-06-01, 甲村 第一书记 since 2025-09-01, an admonition from 2026-01-10) and 李四 (nothing recorded) in 甲镇;
 * viewers: the organization officer, the party secretary, an officer of 乙镇, a unit head, 张三's own
 * account, 张三's wife (family recusal) and the system administrator.
 */
export async function cadreFileWorld(t: TestApp) {
  const unregister = registerTestProviders();
  const townA = await makeOrg(t.ctx, '甲镇');
  const townB = await makeOrg(t.ctx, '乙镇');
  [ids.subject, ids.plain] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      {
        orgId: townA.id,
        name: '张三',
        idNumber: idNumber('11010119800101123'),
        education: 'bachelor',
        status: 'active',
      },
      { orgId: townA.id, name: '李四', status: 'active' },
    ],
    'manual',
  );
  const subject = ids.subject;
  await t.ctx.db.insert(tenures).values({
    cadreId: subject,
    orgId: townA.id,
    title: '副镇长',
    level: 'fuke',
    isPrincipal: false,
    startDate: '2025-06-01',
  });
  const village = await makeOrg(t.ctx, '甲村', townA.id, 'village');
  await t.ctx.db.insert(concurrentPosts).values({
    cadreId: subject,
    orgId: village.id,
    title: '党支部第一书记',
    startDate: '2025-09-01',
  });
  const s: Record<string, Session> = {};
  const user = async (key: string, orgId: number, roles: string[], cadreId?: number) => {
    const u = await makeUser(t.ctx, { orgId, roles, cadreId });
    s[key] = await signIn(t, u.username);
    return u;
  };
  await user('officer', townA.id, ['org_officer']);
  await user('secretary', townA.id, ['party_secretary']);
  await user('otherTown', townB.id, ['org_officer']);
  await user('unitHead', townA.id, ['unit_head']);
  await user('self', townA.id, ['org_officer'], subject);
  await user('admin', townA.id, ['sys_admin']);
  const spouse = await user('spouse', townA.id, ['org_officer']);
  await t.ctx.db
    .insert(familyMembers)
    .values({ cadreId: subject, relation: '妻子', name: '王五', userId: spouse.id });
  await t.ctx.db.insert(recusals).values({ userId: spouse.id, cadreId: subject, reason: 'family' });

  return {
    /** Takes the test providers off again (the registry outlives the test file in the worker). */
    unregister,
    townA: townA.id,
    subject,
    plain: ids.plain,
    s,
    file: (who: string, id = subject) => call(t, s[who], 'GET', `/api/v1/cadres/${id}/file`),
    eligibility: (who: string, query = '') =>
      call(t, s[who], 'GET', `/api/v1/cadres/${subject}/eligibility${query}`),
  };
}
