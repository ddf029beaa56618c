import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { anchorsInDir, anchorsInTable, checkAnchors, describeAnchors } from './anchors.js';
import { chinaTime } from './audit-workbook.js';
import { recordAudit } from './record.js';
import { verifyAuditChain } from './verify.js';

/**
 * Verifies the whole chain for the audit administrator, and checks it against every anchor (the
 * table and DATA_DIR/anchors): a shortened chain is reported as a truncation. The check and its
 * outcome are themselves recorded.
 */
export async function verifyChain(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const result = await verifyAuditChain(ctx.db);
  const anchors = [...(await anchorsInTable(ctx.db)), ...anchorsInDir(ctx.config.dataDir)];
  const check = await checkAnchors(ctx.db, anchors, result.firstBreak ? null : result.lastId);
  const ok = !result.firstBreak && !check.problem;
  const anchorProblem = check.problem ? describeAnchors(check, (iso) => chinaTime(new Date(iso))) : null;
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'audit.verify',
    objectType: 'audit_log',
    result: ok ? 'success' : 'failure',
    detail: { checked: result.checked, firstBreak: result.firstBreak, anchorProblem },
  });
  return {
    ok,
    checked: result.checked,
    lastId: result.lastId,
    firstBreak: result.firstBreak,
    anchors: {
      checked: check.checked,
      latestId: check.latest?.lastId ?? null,
      problem: anchorProblem,
      truncatedAt: check.problem?.kind === 'truncated' ? check.problem.anchor.lastId : null,
    },
  };
}
