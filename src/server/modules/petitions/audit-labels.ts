import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { petitions } from './schema.js';

// the audit log names a petition by its number, never by its title (the title is case content)
registerObjectLabeller('petition', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: petitions.id, code: petitions.code })
    .from(petitions)
    .where(inArray(petitions.id, n));
  return new Map(rows.map((r) => [String(r.id), r.code]));
});
