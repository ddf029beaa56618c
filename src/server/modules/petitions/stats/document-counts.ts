import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';

/**
 * Sets every petition's report and opinion counts from its documents. The trigger on
 * petition_documents keeps them current; this is for loads that switch triggers off (restore).
 */
export async function recountPetitionDocuments(db: Queryable): Promise<void> {
  await db.execute(sql`
    update petitions p set report_count = coalesce(d.reports, 0), opinion_count = coalesce(d.opinions, 0)
    from petitions q left join (
      select petition_id, count(*) filter (where kind = 'report')::int as reports,
        count(*) filter (where kind = 'opinion')::int as opinions
      from petition_documents group by petition_id
    ) d on d.petition_id = q.id
    where p.id = q.id and (p.report_count, p.opinion_count) is distinct from (coalesce(d.reports, 0), coalesce(d.opinions, 0))`);
}
