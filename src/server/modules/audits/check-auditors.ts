import { and, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.js';
import { recusedUsers } from '../../platform/access/recusal.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, unprocessable } from '../../platform/http/errors.js';
import { users } from '../../platform/users/schema.js';

/**
 * The auditors of an audit: active accounts, and none related to the subject (回避) — the audit
 * officer who records it among them. Returns the ids, the caller first.
 */
export async function checkAuditors(
  db: Queryable,
  actor: Actor,
  ids: number[],
  subjectCadreIds: number[],
): Promise<number[]> {
  const all = [...new Set([actor.userId, ...ids])];
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(inArray(users.id, all), isNull(users.disabledAt)));
  if (rows.length !== all.length)
    throw badRequest('审计人员不存在或已停用', { auditorUserIds: '审计人员不存在或已停用' });
  const recused = await recusedUsers(db, all, subjectCadreIds);
  if (recused.size) {
    const names = rows.filter((r) => recused.has(r.id)).map((r) => r.name);
    const message = `审计人员${names.join('、')}是被审计干部本人或与其存在亲属等关系，须回避`;
    throw unprocessable(message, { auditorUserIds: message });
  }
  return all;
}
