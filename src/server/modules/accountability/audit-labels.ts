import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { accountabilityRecords } from './schema.js';

// The audit log names an accountability record by what it is and when it was decided — never by its
// 事由, which is case content the audit administrator may not read (the export adds the id).
registerObjectLabeller('accountability', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: accountabilityRecords.id, decidedOn: accountabilityRecords.decidedOn })
    .from(accountabilityRecords)
    .where(inArray(accountabilityRecords.id, n));
  return new Map(
    rows.map((r) => [String(r.id), r.decidedOn ? `责任追究事项（${r.decidedOn} 决定）` : '责任追究事项']),
  );
});
