import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * A district with townships A and B, and the administrators the user and role tests act as:
 * a district sys_admin, a township-A sys_admin (subtree), a security_admin and an audit_admin.
 */
export async function adminWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const townA = await makeOrg(t.ctx, '甲镇', district.id);
  const townB = await makeOrg(t.ctx, '乙镇', district.id);
  const villageA = await makeOrg(t.ctx, '甲村', townA.id, 'village');
  const mk = (roles: string[], orgId: number, dataScope: string) =>
    makeUser(t.ctx, { orgId, roles, dataScope });
  const sys = await mk(['sys_admin'], district.id, 'all');
  const townSys = await mk(['sys_admin'], townA.id, 'subtree');
  const sec = await mk(['security_admin'], district.id, 'all');
  const aud = await mk(['audit_admin'], district.id, 'all');
  return {
    district,
    townA,
    townB,
    villageA,
    users: { sys, townSys, sec, aud },
    sessions: {
      sys: await signIn(t, sys.username),
      townSys: await signIn(t, townSys.username),
      sec: await signIn(t, sec.username),
      aud: await signIn(t, aud.username),
    },
  };
}

/** The audit rows of one action (optionally about one object), oldest first. */
export async function auditRows(t: TestApp, action: string, objectId?: number) {
  return t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), objectId ? eq(auditLog.objectId, String(objectId)) : undefined))
    .orderBy(auditLog.id);
}

/** The user's current version, for calls that need it. */
export async function versionOf(t: TestApp, s: Session, userId: number): Promise<number> {
  return (await call(t, s, 'GET', `/api/v1/users/${userId}`)).json().version;
}
