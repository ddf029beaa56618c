import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { accountabilityRecords } from './schema.js';

// the audit log names an accountability record by its 事由
registerObjectLabeller('accountability', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: accountabilityRecords.id, title: accountabilityRecords.title })
    .from(accountabilityRecords)
    .where(inArray(accountabilityRecords.id, n));
  return new Map(rows.map((r) => [String(r.id), r.title]));
});
