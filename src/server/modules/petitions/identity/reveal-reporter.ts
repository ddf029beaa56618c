import { z } from 'zod';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { unprocessable } from '../../../platform/http/errors.js';
import { text } from '../../../platform/http/text.js';
import { loadPetition } from '../load-petition.js';
import { openReporter, storedReporter } from '../reporter-identity.js';

export const revealReporterBody = z.object({
  reason: text({ message: '请填写查看事由' })
    .trim()
    .min(4, '请填写查看事由（至少 4 个字）')
    .max(200, '查看事由不超过 200 字'),
});

export const revealReporterOut = z.object({
  realName: z.boolean(),
  identity: storedReporter,
});

/**
 * The reporter's identity, decrypted for a holder of petition.reveal_identity who states a reason.
 * The petition must be one the caller may see (scope and recusal). The audit record names the
 * petition and the reason — never the identity itself.
 */
export async function revealReporter(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  reason: string;
}): Promise<z.infer<typeof revealReporterOut>> {
  const { ctx, actor, id, reason } = opts;
  const petition = await loadPetition(ctx.db, actor, id);
  if (!petition.reporterEnc)
    throw unprocessable('该信访件为匿名反映，反映人未留下姓名或联系方式，无身份信息可查看');
  const identity = openReporter(ctx.crypto, petition.reporterEnc);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'petition.reveal_identity',
    objectType: 'petition',
    objectId: id,
    detail: { code: petition.code, reason },
  });
  return { realName: petition.realName, identity };
}
