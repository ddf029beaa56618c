import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { notFound, unprocessable } from '../http/errors.js';
import { roleRequests } from './schema.js';

/** A pending role request, taken for update so two decisions cannot cross; refused once decided. */
export async function takePendingRoleRequest(tx: Tx, id: number) {
  const [request] = await tx.select().from(roleRequests).where(eq(roleRequests.id, id)).for('update');
  if (!request) throw notFound('授权申请不存在');
  if (request.status !== 'pending') throw unprocessable('该授权申请已处理，请刷新');
  return request;
}

export async function findRoleRequest(ctx: AppContext, id: number) {
  const [request] = await ctx.db.select().from(roleRequests).where(eq(roleRequests.id, id));
  if (!request) throw notFound('授权申请不存在');
  return request;
}
