import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { policies } from './schema.js';

// the audit log names a policy by its title
registerObjectLabeller('policy', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: policies.id, title: policies.title })
    .from(policies)
    .where(inArray(policies.id, n));
  return new Map(rows.map((r) => [String(r.id), `《${r.title}》`]));
});
