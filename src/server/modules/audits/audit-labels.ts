import { eq, inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { auditFindings, econAudits, rectificationItems } from './schema.js';

const numeric = (ids: string[]) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number);

// the audit log names an audit by its title, an item by its finding's 问题摘要
registerObjectLabeller('econ_audit', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: econAudits.id, title: econAudits.title })
    .from(econAudits)
    .where(inArray(econAudits.id, n));
  return new Map(rows.map((r) => [String(r.id), r.title]));
});
registerObjectLabeller('rectification', async (db, ids) => {
  const n = numeric(ids);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: rectificationItems.id, summary: auditFindings.summary })
    .from(rectificationItems)
    .innerJoin(auditFindings, eq(auditFindings.id, rectificationItems.findingId))
    .where(inArray(rectificationItems.id, n));
  return new Map(rows.map((r) => [String(r.id), r.summary]));
});
