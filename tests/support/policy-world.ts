import { makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/** 新城区 → 大兴镇 → 东风村, and 青山镇; officers, cadres and an administrator in them. */
export async function policyWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  const village = await makeOrg(t.ctx, '东风村', daxing.id, 'village');
  const qingshan = await makeOrg(t.ctx, '青山镇', district.id);
  const user = async (orgId: number, roles: string[], dataScope = 'subtree') => {
    const u = await makeUser(t.ctx, { orgId, roles, dataScope });
    return { id: u.id, username: u.username, s: await signIn(t, u.username) };
  };
  const people = {
    districtOrg: await user(district.id, ['district_org']),
    officer: await user(daxing.id, ['org_officer']),
    secretary: await user(daxing.id, ['party_secretary']),
    cadre: await user(daxing.id, ['cadre'], 'self'),
    villageCadre: await user(village.id, ['cadre'], 'self'),
    unitHead: await user(village.id, ['unit_head'], 'org'),
    qsOfficer: await user(qingshan.id, ['org_officer']),
    qsCadre: await user(qingshan.id, ['cadre'], 'self'),
    sysAdmin: await user(daxing.id, ['sys_admin'], 'all'),
  };
  return { district, daxing, village, qingshan, ...people } satisfies Record<string, unknown> as {
    district: typeof district;
    daxing: typeof daxing;
    village: typeof village;
    qingshan: typeof qingshan;
  } & Record<keyof typeof people, { id: number; username: string; s: Session }>;
}

export const POLICY_TEXT = [
  '第一条 为规范干部管理，制定本规定。',
  '第二条 中层以下干部的考察任命权下放至镇党委。',
  '第三条 连续两次工作排名处于末位的，对单位主要领导给予警告。',
].join('\n');

/** Signs everyone in again (after the clock moved past the sessions' timeouts). */
export async function signInAgain(t: TestApp, w: Record<string, unknown>) {
  for (const v of Object.values(w)) {
    const p = v as { username?: string; s?: Session };
    if (p.username && p.s) p.s = await signIn(t, p.username);
  }
}
