import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { pledges } from './schema.js';

// the audit log names a pledge by its title
registerObjectLabeller('pledge', async (db, ids) => {
  const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: pledges.id, title: pledges.title })
    .from(pledges)
    .where(inArray(pledges.id, n));
  return new Map(rows.map((r) => [String(r.id), `“${r.title}”`]));
});
