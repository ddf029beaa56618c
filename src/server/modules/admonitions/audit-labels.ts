import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { admonitions, inquiries } from './schema.js';

// the audit log names an admonition or an inquiry by its number
for (const [type, table] of [
  ['admonition', admonitions],
  ['inquiry', inquiries],
] as const)
  registerObjectLabeller(type, async (db, ids) => {
    const n = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
    if (!n.length) return new Map();
    const rows = await db.select({ id: table.id, code: table.code }).from(table).where(inArray(table.id, n));
    return new Map(rows.map((r) => [String(r.id), r.code]));
  });
