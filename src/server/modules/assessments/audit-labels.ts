import { inArray } from 'drizzle-orm';
import { registerObjectLabeller } from '../../platform/audit/object-labels.js';
import { evaluations, unitEvaluationRounds } from './schema.js';

const ids = (raw: string[]) => raw.filter((id) => /^\d{1,15}$/.test(id)).map(Number);

// the audit log names a democratic evaluation and a unit round by their titles
registerObjectLabeller('evaluation', async (db, raw) => {
  const n = ids(raw);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: evaluations.id, title: evaluations.title })
    .from(evaluations)
    .where(inArray(evaluations.id, n));
  return new Map(rows.map((r) => [String(r.id), r.title]));
});
registerObjectLabeller('unit_round', async (db, raw) => {
  const n = ids(raw);
  if (!n.length) return new Map();
  const rows = await db
    .select({ id: unitEvaluationRounds.id, title: unitEvaluationRounds.title })
    .from(unitEvaluationRounds)
    .where(inArray(unitEvaluationRounds.id, n));
  return new Map(rows.map((r) => [String(r.id), r.title]));
});
