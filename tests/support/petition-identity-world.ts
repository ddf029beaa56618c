import { eq } from 'drizzle-orm';
import type { PetitionAction } from '../../src/domain/petition-workflow.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { petitionDocuments, petitions } from '../../src/server/modules/petitions/schema.js';
import { applyTransition } from '../../src/server/modules/petitions/workflow/apply-transition.js';
import type { Petition } from '../../src/server/modules/petitions/workflow/petition-clock.js';
import type { RegisterInput } from '../../src/server/modules/petitions/workflow/register-contract.js';
import { registerPetition } from '../../src/server/modules/petitions/workflow/register-petition.js';
import type { TransitionExtra } from '../../src/server/modules/petitions/workflow/transition-contract.js';
import { recusals, rolePermissions, roles } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import { formKey, submitReport } from './portal-helpers.js';
import type { TestApp } from './test-app.js';

/** A real-name reporter with values distinctive enough to search raw bytes for. */
export const REPORTER = {
  name: '闻人砚秋',
  phone: '13907310842',
  idNumber: '43010219850715432X',
  address: '甲镇滨河路十七号二单元',
  workUnit: '清泉农机专业合作社',
};
export const SECOND_REPORTER = { name: '欧阳翠微', phone: '0731-88612345', address: '甲镇柳湾村九组' };
export const ANONYMOUS_CONTACT = { phone: '15800739461' };
/** Every plaintext identity value seeded; none may appear anywhere but in the reveal's answer. */
export const SECRETS = [
  ...Object.values(REPORTER),
  ...Object.values(SECOND_REPORTER),
  ...Object.values(ANONYMOUS_CONTACT),
];

/** Workflow steps as the officers take them (who may is the workflow tests' concern). */
async function steps(t: TestApp, id: number, list: [PetitionAction, TransitionExtra?][]) {
  let p!: Petition;
  for (const [action, extra] of list)
    p = await t.ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(petitions).where(eq(petitions.id, id));
      return applyTransition(tx, t.ctx, null, row, action, extra ?? {});
    });
  return p;
}

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
  await user('officer', townA.id, ['discipline_officer']);
  await user('clerk', townA.id, ['petition_clerk']);
  await user('head', townA.id, ['township_head']);
  await user('unitHead', unit.id, ['unit_head']);
  await user('otherTown', townB.id, ['discipline_officer']);
  await user('orgOfficer', townA.id, ['org_officer']);
  await user('district', district.id, ['district_discipline']);
  const spouse = await user('spouse', townA.id, ['discipline_officer']);
  // the spouse of 张三: registered as related, so recused from cases naming him
  await t.ctx.db.insert(recusals).values({ userId: spouse.id, cadreId, reason: 'family' });

  const register = (
    input: Omit<RegisterInput, 'receivedOn' | 'channel'> & { channel?: RegisterInput['channel'] },
  ) =>
    t.ctx.db.transaction((tx) =>
      registerPetition(tx, t.ctx, null, {
        channel: 'letter',
        receivedOn: '2026-02-20',
        ...input,
      } as RegisterInput),
    );
  /** A petition of another township naming someone, registered the same way (the file test uses it). */
  const seed = (v: { title: string; content: string; named?: number; orgId?: number }) =>
    register({
      orgId: v.orgId ?? townA.id,
      realName: false,
      title: v.title,
      content: v.content,
      subjects: v.named ? [{ cadreId: v.named }] : [],
    });

  // a real-name letter naming 张三, handed to the unit, investigated and replied to
  let named = await register({
    orgId: townA.id,
    realName: true,
    reporter: REPORTER,
    title: '反映干部作风问题',
    content: '反映张三在农机补贴发放中优亲厚友，作风粗暴。',
    category: 'work_style',
    subjects: [{ cadreId }],
  });
  named = await steps(t, named.id, [
    ['accept'],
    ['investigate', { disposal: 'preliminary_check', assignedUnitOrgId: unit.id }],
    ['report', { report: '经核实，农机补贴发放存在优亲厚友问题。' }],
  ]);
  await t.ctx.db.insert(petitionDocuments).values({
    petitionId: named.id,
    kind: 'opinion',
    content: '建议对张三进行批评教育。',
    occurredOn: '2026-03-02',
  });
  named = await steps(t, named.id, [
    ['submit'],
    ['approve'],
    ['reply', { reply: '您反映的问题已查实，已责令整改。' }],
  ]);
  // a real-name report from the portal
  const portal = await submitReport(t, {
    orgId: townA.id,
    anonymous: false,
    reporter: SECOND_REPORTER,
    title: '反映村务公开不及时',
    content: '村务公开栏半年未更新，财务收支情况群众无从知晓。',
    category: 'village_affairs',
    subjects: [],
    idempotencyKey: formKey(),
  });
  if (portal.statusCode !== 200) throw new Error(`portal: ${portal.statusCode} ${portal.body}`);
  const [second] = await t.ctx.db.select().from(petitions).where(eq(petitions.title, '反映村务公开不及时'));
  // an anonymous call that left a number, and an anonymous letter without any contact
  const contact = await register({
    orgId: townA.id,
    channel: 'phone',
    realName: false,
    reporter: { phone: ANONYMOUS_CONTACT.phone },
    title: '反映违规操办酒席',
    content: '有干部为孩子升学大操大办。',
  });
  const anonymous = await register({
    orgId: townA.id,
    realName: false,
    title: '反映违规吃喝',
    content: '有人公款吃喝。',
  });

  return {
    district,
    townA,
    townB,
    unit,
    seed,
    cadreId,
    s,
    petitions: { named, second, contact, anonymous },
    reveal: (who: string, id: number, reason = '核实反映人身份以便当面反馈') =>
      call(t, s[who], 'POST', `/api/v1/petitions/${id}/reporter`, { reason }),
  };
}
