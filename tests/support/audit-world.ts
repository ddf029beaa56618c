import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * 甲镇 with two units (农业服务中心, whose 主任 张三 holds the principal post since 2021-03-01, and 红星村)
 * and 乙镇. Accounts: two audit officers of 甲镇, an audit officer placed in 农业服务中心 itself, the
 * organisation officer, the party secretary, the heads of both units, 张三's own account, 张三's wife
 * (an audit officer registered as related: recusal) and 乙镇's audit officer.
 */
export async function auditWorld(t: TestApp) {
  const townA = await makeOrg(t.ctx, '甲镇');
  const unitA = await makeOrg(t.ctx, '农业服务中心', townA.id, 'department');
  const unitB = await makeOrg(t.ctx, '红星村', townA.id, 'village');
  const townB = await makeOrg(t.ctx, '乙镇');
  const [zhang, li] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      { orgId: unitA.id, name: '张三', status: 'active' as const },
      { orgId: unitA.id, name: '李四', status: 'active' as const },
    ],
    'manual',
  );
  const [post] = await t.ctx.db
    .insert(tenures)
    .values({
      cadreId: zhang,
      orgId: unitA.id,
      title: '主任',
      level: 'middle_principal',
      isPrincipal: true,
      startDate: '2021-03-01',
    })
    .returning({ id: tenures.id });
  const s: Record<string, Session> = {};
  const ids: Record<string, number> = {};
  const names: Record<string, string> = {};
  const user = async (
    key: string,
    orgId: number,
    roles: string[],
    extra: { cadreId?: number; dataScope?: string } = {},
  ) => {
    const u = await makeUser(t.ctx, { orgId, roles, ...extra });
    s[key] = await signIn(t, u.username);
    ids[key] = u.id;
    names[key] = u.username;
    return u;
  };
  await user('auditor', townA.id, ['audit_officer']);
  await user('auditor2', townA.id, ['audit_officer']);
  await user('bystander', townA.id, ['audit_officer']);
  await user('unitAuditor', unitA.id, ['audit_officer']);
  await user('org', townA.id, ['org_officer']);
  await user('secretary', townA.id, ['party_secretary']);
  await user('headA', unitA.id, ['unit_head'], { dataScope: 'org' });
  await user('headB', unitB.id, ['unit_head'], { dataScope: 'org' });
  await user('self', unitA.id, ['cadre'], { cadreId: zhang });
  await user('otherTown', townB.id, ['audit_officer']);
  const spouse = await user('spouse', townA.id, ['audit_officer']);
  await t.ctx.db.insert(recusals).values({ userId: spouse.id, cadreId: zhang, reason: 'family' });

  const api = (who: string, method: string, url: string, body?: unknown) =>
    call(t, s[who], method, url, body);
  /** Sessions end when the idle clock runs out: sign everyone in again after moving the clock. */
  const resign = async () => {
    for (const key of Object.keys(s)) s[key] = await signIn(t, names[key]);
  };
  return {
    townA: townA.id,
    unitA: unitA.id,
    unitB: unitB.id,
    townB: townB.id,
    cadres: { zhang, li },
    post: post.id,
    s,
    ids,
    api,
    resign,
    finding: (version: number, over: Record<string, unknown> = {}) => ({
      version,
      summary: '违规发放津补贴',
      description: '2024年以加班费名义向在编人员发放补贴 3.6 万元。',
      amount: '36000.00',
      basis: '《关于规范津贴补贴的通知》',
      problemType: 'funds',
      severity: 'serious',
      recommendation: '清退违规发放的补贴，建立审批制度。',
      responsible: [{ cadreId: zhang, tier: 'leadership' }],
      ...over,
    }),
  };
}
