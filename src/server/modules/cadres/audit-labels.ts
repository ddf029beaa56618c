import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { cadres } from './schema.js';

// the audit log names a cadre by name (deleted cadres too: the log outlives the record)
registerObjectLabeller('cadre', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: cadres.id, name: cadres.name })
    .from(cadres)
    .where(inArray(cadres.id, n));
  return new Map(rows.map((r) => [String(r.id), r.name]));
});
