import { DAY_MS } from '../../../domain/todo-due.js';
import { registerJob } from '../jobs/registry.js';
import { recordAnchor } from './anchors.js';

export const ANCHOR_JOB = 'audit.anchor';

/** The daily checkpoint: the chain's head goes into audit_anchors and a file under DATA_DIR/anchors. */
export function registerAuditJobs(): void {
  registerJob({
    name: ANCHOR_JOB,
    everyMs: DAY_MS,
    run: async (ctx) => {
      await recordAnchor({
        db: ctx.db,
        dataDir: ctx.config.dataDir,
        at: ctx.clock.now(),
        source: 'checkpoint',
      });
    },
  });
}
