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

/**
 * Sets every petition's last_step_on from its events and documents, and gives an event loaded
 * without its state (a backup from before the events carried it) the petition's state — exact for
 * a case's latest event. The triggers keep both current; this is for loads that switch them off.
 */
export async function recountPetitionSteps(db: Queryable): Promise<void> {
  await db.execute(sql`
    update petitions p set last_step_on = s.last_on
    from (
      select petition_id, max(occurred_on) as last_on from (
        select petition_id, occurred_on from petition_events
        union all select petition_id, occurred_on from petition_documents
      ) x group by petition_id
    ) s
    where p.id = s.petition_id and p.last_step_on is distinct from s.last_on`);
  await db.execute(sql`
    update petition_events e set due_on = p.due_on, disposal = p.disposal, extension_days = p.extension_days
    from petitions p where p.id = e.petition_id and e.extension_days is null`);
}
