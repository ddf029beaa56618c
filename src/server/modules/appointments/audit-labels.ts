import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { appointmentCases } from './schema.js';

// the audit log names a selection case by its number
registerObjectLabeller('appointment', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: appointmentCases.id, code: appointmentCases.code })
    .from(appointmentCases)
    .where(inArray(appointmentCases.id, n));
  return new Map(rows.map((r) => [String(r.id), r.code]));
});
