import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { childPath } from '../../../domain/org-tree.js';
import { passwordProblems } from '../../../domain/password-policy.js';
import { appendAudit } from '../audit/append.js';
import { hashPassword } from '../auth/passwords.js';
import { securitySettings } from '../auth/security-settings.js';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/client.js';
import { AppError, badRequest } from '../http/errors.js';
import { orgs } from '../orgs/schema.js';
import { roles, userRoles, users } from '../users/schema.js';
import type { AdminRole } from './contract.js';

export interface CreateAdminInput {
  ctx: AppContext;
  username: string;
  displayName: string;
  /**
   * The org the administrator belongs to. An unknown name is created as a district (root) only when
   * asked (`createOrg`) or when there is no org at all yet (the first administrator of a new system);
   * otherwise it is refused, so a typo does not found a new district.
   */
  orgName: string;
  createOrg?: boolean;
  role: AdminRole;
  password: string;
  via: 'cli' | 'setup';
  ip?: string | null;
  /** First-run setup: refuse unless no user exists, checked under a lock inside the transaction. */
  onlyIfNoUsers?: boolean;
  detail?: Record<string, unknown>;
}

const SETUP_LOCK = 0x4a_44_53_55; // "JDSU"

export const setupDone = () => new AppError(403, 'setup_done', '系统已完成初始化，请直接登录');

/**
 * Creates an administrator without a signed-in caller (command line, first-run page). The person
 * typed the password themself, so it is not an initial password to be changed at first login;
 * the password policy still applies. Org, user, role and their audit records commit together.
 */
export async function createAdmin(input: CreateAdminInput) {
  const { ctx } = input;
  const settings = await securitySettings(ctx.rules);
  const problems = passwordProblems(input.password, settings.password, input.username);
  if (problems.length) throw badRequest(problems[0], { password: problems.join('；') });
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      if (input.onlyIfNoUsers) {
        await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
        const [any] = await tx.select({ id: users.id }).from(users).limit(1);
        if (any) throw setupDone();
      }
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
      if (taken) throw usernameTaken(input.username);
      const org = await findOrCreateOrg(tx, input);
      const [role] = await tx.select().from(roles).where(eq(roles.code, input.role));
      if (!role) throw badRequest(`角色 ${input.role} 不存在`);
      const [user] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          orgId: org.id,
          dataScope: 'all',
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: false,
        })
        .returning();
      await tx.insert(userRoles).values({ userId: user.id, roleId: role.id });
      await appendAudit(tx, {
        at: now,
        orgId: org.id,
        ip: input.ip ?? null,
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        detail: { via: input.via, username: user.username, role: role.code, org: org.name, ...input.detail },
      });
      return {
        userId: user.id,
        username: user.username,
        orgId: org.id,
        orgName: org.name,
        orgCreated: org.created,
      };
    });
  } catch (e) {
    const err = e as { code?: string; cause?: { code?: string } };
    if (err.code === '23505' || err.cause?.code === '23505') throw usernameTaken(input.username);
    throw e;
  }
}

export const unknownOrg = (name: string) =>
  new AppError(422, 'unknown_org', `组织「${name}」不存在`, { orgName: '组织不存在' });

/** The live top-level orgs by name, for telling the caller what exists. */
export async function topLevelOrgNames(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ name: orgs.name })
    .from(orgs)
    .where(and(isNull(orgs.parentId), isNull(orgs.deletedAt)))
    .orderBy(asc(orgs.sort), asc(orgs.id));
  return rows.map((r) => r.name);
}

const usernameTaken = (username: string) =>
  new AppError(409, 'username_taken', `用户名「${username}」已存在`, { username: '用户名已存在' });

async function findOrCreateOrg(tx: Tx, input: CreateAdminInput) {
  const [found] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.name, input.orgName), isNull(orgs.deletedAt)))
    .orderBy(asc(sql`length(${orgs.path})`), asc(orgs.id))
    .limit(1);
  if (found) return { ...found, created: false };
  if (!input.createOrg) {
    const [any] = await tx.select({ id: orgs.id }).from(orgs).where(isNull(orgs.deletedAt)).limit(1);
    if (any) throw unknownOrg(input.orgName);
  }
  const [org] = await tx.insert(orgs).values({ name: input.orgName, kind: 'district' }).returning();
  const path = childPath(null, org.id);
  await tx.update(orgs).set({ path }).where(eq(orgs.id, org.id));
  await appendAudit(tx, {
    at: input.ctx.clock.now(),
    orgId: org.id,
    ip: input.ip ?? null,
    action: 'org.create',
    objectType: 'org',
    objectId: org.id,
    detail: { via: input.via, name: org.name, kind: 'district' },
  });
  return { ...org, path, created: true };
}
