import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { sealReporter } from '../../src/server/modules/petitions/reporter-identity.js';
import { petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import { recusals, rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/** A real-name reporter with values distinctive enough to search raw bytes for. */
export const REPORTER = {
  name: '闻人砚秋',
  phone: '13907310842',
  idNumber: '43010219850715432X',
  address: '甲镇滨河路十七号二单元',
  workUnit: '清泉农机专业合作社',
};
export const SECOND_REPORTER = { name: '欧阳翠微', phone: '0731-88612345' };
/** Every plaintext identity value seeded; none may appear anywhere but in the reveal's answer. */
export const SECRETS = [...Object.values(REPORTER), ...Object.values(SECOND_REPORTER)];

/**
 * 甲镇 with its discipline officer (may reveal), a clerk holding every petition permission but
 * petition.reveal_identity, the township head, a unit head whose unit a case is assigned to, the
 * named cadre's spouse (recused, yet holding the permission) and 乙镇's discipline officer; two
 * real-name petitions (one naming 张三, assigned to the unit) and an anonymous one without contact.
 */
export async function petitionIdentityWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const townA = await makeOrg(t.ctx, '甲镇', district.id);
  const townB = await makeOrg(t.ctx, '乙镇', district.id);
  const unit = await makeOrg(t.ctx, '甲镇农业服务中心', townA.id, 'department');
  const [cadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: townA.id, name: '张三', status: 'active' }],
    'manual',
  );

  const [clerkRole] = await t.ctx.db
    .insert(roles)
    .values({ code: 'petition_clerk', name: '信访登记员', mfaRequired: false })
    .returning();
  const clerkPermissions = [
    'petition.read',
    'petition.register',
    'petition.handle',
    'petition.stats',
    'petition.export',
    'cadre.read',
    'cadre.file',
    'org.read',
    'todo.read',
    'dict.read',
  ];
  await t.ctx.db
    .insert(rolePermissions)
    .values(clerkPermissions.map((permission) => ({ roleId: clerkRole.id, permission })));

  const s: Record<string, Session> = {};
  const user = async (key: string, orgId: number, roleCodes: string[], extra: { cadreId?: number } = {}) => {
    const u = await makeUser(t.ctx, { orgId, roles: roleCodes, ...extra });
    s[key] = await signIn(t, u.username);
    return u;
  };
  const officer = await user('officer', townA.id, ['discipline_officer']);
  await user('clerk', townA.id, ['petition_clerk']);
  await user('head', townA.id, ['township_head']);
  await user('unitHead', unit.id, ['unit_head']);
  await user('otherTown', townB.id, ['discipline_officer']);
  await user('orgOfficer', townA.id, ['org_officer']);
  const spouse = await user('spouse', townA.id, ['discipline_officer']);
  // the spouse of 张三: registered as related, so recused from cases naming him
  await t.ctx.db.insert(recusals).values({ userId: spouse.id, cadreId, reason: 'family' });

  const seed = async (v: {
    code: string;
    title: string;
    content: string;
    reporter: Record<string, string> | null;
    named?: number;
    unitId?: number;
    orgId?: number;
  }) => {
    const [p] = await t.ctx.db
      .insert(petitions)
      .values({
        orgId: v.orgId ?? townA.id,
        code: v.code,
        channel: 'letter',
        receivedOn: '2026-02-20',
        realName: v.reporter !== null,
        reporterEnc: v.reporter ? sealReporter(t.ctx.crypto, v.reporter as never) : null,
        title: v.title,
        content: v.content,
        assignedUnitOrgId: v.unitId ?? null,
        createdBy: officer.id,
      })
      .returning();
    if (v.named)
      await t.ctx.db.insert(petitionSubjects).values({ petitionId: p.id, cadreId: v.named, name: '张三' });
    return p;
  };
  const named = await seed({
    code: 'XF2026-0001',
    title: '反映干部作风问题',
    content: '反映张三在农机补贴发放中优亲厚友，作风粗暴。',
    reporter: REPORTER,
    named: cadreId,
    unitId: unit.id,
  });
  const second = await seed({
    code: 'XF2026-0002',
    title: '反映村务公开不及时',
    content: '村务公开栏半年未更新。',
    reporter: SECOND_REPORTER,
  });
  const anonymous = await seed({
    code: 'XF2026-0003',
    title: '反映违规吃喝',
    content: '有人公款吃喝。',
    reporter: null,
  });

  return {
    townA,
    townB,
    unit,
    seed,
    cadreId,
    s,
    petitions: { named, second, anonymous },
    reveal: (who: string, id: number, reason = '核实反映人身份以便当面反馈') =>
      call(t, s[who], 'POST', `/api/v1/petitions/${id}/reporter`, { reason }),
  };
}
