import { and, between, inArray, not, type SQL, sql } from 'drizzle-orm';
import { lastCountedDay } from '../../../../domain/figure-period.js';
import type { Actor } from '../../../platform/access/actor.js';
import { type SliceColumns, sliceCondition } from '../../../platform/figures/breakdown.js';
import type { FigureScope } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitionRecusal, petitionVisibility } from '../load-petition.js';
import { petitions } from '../schema.js';

/** Does a reader whose scope holds an org see all its subtree's petitions, recusal aside? */
export const seesWholeSubtree = (actor: Actor) =>
  actor.permissions.has('petition.read') && (actor.dataScope === 'all' || actor.dataScope === 'subtree');

/**
 * The petitions a figure is about: received in the period (and by the as-of date) by the org or any
 * org below it, and visible to the caller (scope and recusal) — so a figure is the count of what
 * the caller can open.
 */
export function petitionsCounted(scope: FigureScope): SQL {
  const { actor } = scope;
  const subtree = inArray(
    petitions.orgId,
    sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
  );
  // a reader whose scope holds the org holds its whole subtree: only recusal is left to apply
  // (a second scope subquery beside the subtree's misleads the planner's row estimates)
  const visible = seesWholeSubtree(actor) ? petitionRecusal(actor) : petitionVisibility(actor);
  return and(
    between(petitions.receivedOn, scope.from, lastCountedDay(scope)),
    subtree,
    visible,
    sliceCondition(scope, PETITION_SLICES),
  )!;
}

/**
 * The petitions of the period and subtree a reader who sees the whole subtree must recuse from
 * (none: undefined) — what the stored counts, which know no reader, hold beyond the reader's figure.
 */
export function petitionsHidden(scope: FigureScope): SQL | undefined {
  const recusal = petitionRecusal(scope.actor);
  if (!recusal) return undefined;
  return and(
    between(petitions.receivedOn, scope.from, lastCountedDay(scope)),
    inArray(
      petitions.orgId,
      sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scope.org.path}%`})`,
    ),
    not(recusal),
  );
}

/** A petition's month is its 收件日期's, its org the one that received it. */
export const PETITION_SLICES: SliceColumns = { org: petitions.orgId, on: petitions.receivedOn };

/** Columns the records (not the counts) need: what the case is, beyond where it stood. */
const RECORD_COLUMNS = sql`, ${petitions.code} as code, ${petitions.receivedOn}::text as received_on,
  ${petitions.title} as title, ${petitions.imported} as imported`;

/**
 * The counted petitions as they stood at the end of the as-of day, as rows of the subquery `a`:
 * id, org_id, received_day, channel, visitors, real_name, category, accepted_on (the day it was accepted, or null when
 * that was after the as-of day), assigned_due_on, status, due_on, disposal, extension_days,
 * reports, opinions, first_concluded_on.
 *
 * A petition whose latest event or document (last_step_on) is on or before the as-of day stood
 * then as it stands now: its row is read as it is, from the covering index. One with a later step
 * takes its status, clock, disposal and extension from its latest event on or before the day (the
 * events carry the state after each step) and counts its documents of that day or before (both
 * from indexes alone). The lookups run only for those petitions: a lateral join gated on the row.
 */
export function petitionsAsOf(
  scope: FigureScope,
  opts: { records?: boolean; documents?: boolean; counted?: SQL } = {},
): SQL {
  return asOfRows(scope.asOf, opts.counted ?? petitionsCounted(scope), opts);
}

/** The as-of rows of the petitions meeting `counted`, whoever asks (the stored counts' build). */
export function asOfRows(
  d: string,
  counted: SQL,
  opts: { records?: boolean; documents?: boolean } = {},
): SQL {
  // the documents' counts cost a second probe per looked-up case: only when a document figure is asked
  const documents =
    opts.documents === false
      ? sql`null::int[]`
      : sql`(select array[count(*) filter (where pd.kind = 'report'), count(*) filter (where pd.kind = 'opinion')]::int[]
        from petition_documents pd where pd.petition_id = e.petition_id
        and pd.kind in ('report', 'opinion') and pd.occurred_on <= ${d}::date)`;
  const later = sql`${petitions.lastStepOn} > ${d}::date`;
  return sql`(select ${petitions.id} as id, ${petitions.channel} as channel, ${petitions.visitors} as visitors,
    ${petitions.realName} as real_name, ${petitions.category} as category,
    ${petitions.orgId} as org_id, ${petitions.receivedOn} as received_day,
    case when ${petitions.acceptedOn} <= ${d}::date then ${petitions.acceptedOn} end as accepted_on,
    ${petitions.assignedDueOn} as assigned_due_on,
    case when ${later} then coalesce(s.to_status, 'registered') else ${petitions.status} end as status,
    case when ${later} then s.due_on else ${petitions.dueOn} end as due_on,
    case when ${later} then s.disposal else ${petitions.disposal} end as disposal,
    case when ${later} then coalesce(s.extension_days, 0) else ${petitions.extensionDays} end as extension_days,
    case when ${later} then coalesce(s.documents[1], 0) else ${petitions.reportCount} end as reports,
    case when ${later} then coalesce(s.documents[2], 0) else ${petitions.opinionCount} end as opinions,
    case when ${petitions.reviewLevel} = 0 then ${petitions.concludedOn}
      else (select min(ce.occurred_on) from petition_events ce
        where ce.petition_id = ${petitions.id} and ce.action = 'conclude') end as first_concluded_on
    ${opts.records ? RECORD_COLUMNS : sql``}
  from ${petitions}
  left join lateral (
    select e.to_status, e.due_on, e.disposal, e.extension_days, ${documents} as documents
    from petition_events e
    where ${later} and e.petition_id = ${petitions.id} and e.occurred_on <= ${d}::date
    order by e.occurred_on desc, e.id desc limit 1
  ) s on true
  where ${counted}) a`;
}

/** Finished at the as-of day: concluded by then (and possibly under review after it). */
export const CONCLUDED_AT = sql`a.status in ('concluded', 'reviewing')`;
/** Still running at the as-of day: neither finished nor declined (a review running counts). */
export const RUNNING_AT = sql`a.status not in ('concluded', 'declined')`;
