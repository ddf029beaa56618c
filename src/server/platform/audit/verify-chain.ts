import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { recordAudit } from './record.js';
import { verifyAuditChain } from './verify.js';

/** Verifies the whole chain for the audit administrator; the check and its outcome are themselves recorded. */
export async function verifyChain(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const result = await verifyAuditChain(ctx.db);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'audit.verify',
    objectType: 'audit_log',
    result: result.firstBreak ? 'failure' : 'success',
    detail: { checked: result.checked, firstBreak: result.firstBreak },
  });
  return {
    ok: !result.firstBreak,
    checked: result.checked,
    lastId: result.lastId,
    firstBreak: result.firstBreak,
  };
}
