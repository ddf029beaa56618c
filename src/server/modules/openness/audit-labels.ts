import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { disclosureItemTypes, disclosures } from './schema.js';

// the audit log names a disclosure by its title, a catalogue entry by its name
const ids = (raw: string[]) => raw.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
registerObjectLabeller('disclosure', async (db, raw) => {
  const n = ids(raw);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: disclosures.id, title: disclosures.title })
    .from(disclosures)
    .where(inArray(disclosures.id, n));
  return new Map(rows.map((r) => [String(r.id), `「${r.title}」`]));
});
registerObjectLabeller('disclosure_item_type', async (db, raw) => {
  const n = ids(raw);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: disclosureItemTypes.id, name: disclosureItemTypes.name })
    .from(disclosureItemTypes)
    .where(inArray(disclosureItemTypes.id, n));
  return new Map(rows.map((r) => [String(r.id), `公开事项「${r.name}」`]));
});

/** A unit's due openness item (its head's to-do) and its escalation to the township. */
export const DUE_TODO = 'disclosure_due';
export const OVERDUE_TODO = 'disclosure_overdue';
export const REVIEW_TODO = 'disclosure_review';
registerTodoRecordType(DUE_TODO, 'disclosure.read');
registerTodoRecordType(OVERDUE_TODO, 'disclosure.read');
registerTodoRecordType(REVIEW_TODO, 'disclosure.read');
