import { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/http/errors.js';
import { text } from '../../platform/http/text.js';
import { loadCadre } from './load-cadre.js';

export const revealBody = z.object({
  reason: text({ message: '请填写查看事由' }).trim().min(2, '请填写查看事由（至少 2 个字）').max(200),
});

/** The full ID number, for a stated reason; the reason goes into the audit log with the reveal. */
export async function revealIdNumber(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  reason: string;
}): Promise<{ idNumber: string }> {
  const { ctx, actor, id, reason } = opts;
  const cadre = await loadCadre(ctx.db, actor, id);
  if (!cadre.idNumberEnc) throw notFound('该干部未登记身份证号码');
  const idNumber = ctx.crypto.decrypt(cadre.idNumberEnc);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'cadre.reveal_id',
    objectType: 'cadre',
    objectId: id,
    detail: { name: cadre.name, reason },
  });
  return { idNumber };
}
