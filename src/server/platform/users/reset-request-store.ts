import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.js';
import { notFound, unprocessable } from '../http/errors.js';
import { passwordResetRequests } from './schema.js';

export async function findResetRequest(db: Queryable, id: number) {
  const [request] = await db.select().from(passwordResetRequests).where(eq(passwordResetRequests.id, id));
  if (!request) throw notFound('重置申请不存在');
  return request;
}

/** A pending reset request, taken for update so two decisions cannot cross; refused once decided. */
export async function takePendingResetRequest(tx: Tx, id: number) {
  const [request] = await tx
    .select()
    .from(passwordResetRequests)
    .where(eq(passwordResetRequests.id, id))
    .for('update');
  if (!request) throw notFound('重置申请不存在');
  if (request.status !== 'pending') throw unprocessable('该重置申请已处理，请刷新');
  return request;
}
