import { appendAudit } from '../../src/server/platform/audit/append.js';
import type { AppContext } from '../../src/server/platform/context.js';

/** A known audit history: 25 record edits by "clerk" on 2026-02-28 (China time), one the evening before. */
export async function seedAuditHistory(ctx: AppContext, orgId: number): Promise<void> {
  for (let i = 0; i < 25; i++) {
    await appendAudit(ctx.db, {
      at: new Date(Date.UTC(2026, 1, 27, 16, i)), // 2026-02-28 00:i China time
      username: 'clerk',
      orgId,
      action: i % 5 === 0 ? 'org.delete' : 'org.update',
      objectType: 'org',
      objectId: String(100 + i),
      result: i === 7 ? 'failure' : 'success',
      ip: '10.1.1.1',
      detail: { n: i },
    });
  }
  await appendAudit(ctx.db, {
    at: new Date('2026-02-27T15:59:00Z'), // 2026-02-27 23:59 China time
    username: 'clerk',
    action: 'org.create',
    objectType: 'org',
    objectId: '99',
  });
}
