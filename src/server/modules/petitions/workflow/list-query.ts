import { and, eq, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { PETITION_STATUSES, type PetitionStatus } from '../../../../domain/petition-workflow.js';
import { queryTokens } from '../../../../domain/search-tokens.js';
import type { Actor } from '../../../platform/access/actor.js';
import { listQuery } from '../../../platform/http/pagination.js';
import { orderedRange, text } from '../../../platform/http/text.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitionVisibility } from '../load-petition.js';
import { petitions } from '../schema.js';
import { isoDate, petitionChannel } from './register-contract.js';

const statuses = Object.keys(PETITION_STATUSES) as [PetitionStatus, ...PetitionStatus[]];
/** Statuses in which nothing more is waited on. */
export const FINISHED: PetitionStatus[] = ['concluded', 'declined'];
const flag = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');

export const petitionListQuery = listQuery
  .extend({
    status: z.enum(statuses, { message: '状态不正确' }).optional(),
    channel: petitionChannel.optional(),
    category: text().trim().max(40).optional(),
    receivedFrom: isoDate.optional(),
    receivedTo: isoDate.optional(),
    overdue: flag.optional(),
    urgent: flag.optional(),
    orgId: z.coerce.number().int().positive('单位编号不正确').optional(),
  })
  .superRefine(orderedRange('receivedFrom', 'receivedTo'));
export type PetitionListQuery = z.infer<typeof petitionListQuery>;

/** The list's WHERE: what the caller may see (scope, unit, recusal) narrowed by the filters. */
export function petitionWhere(actor: Actor, q: PetitionListQuery, today: string): SQL {
  const tokens = q.q ? queryTokens(q.q) : [];
  // a district-level reader (an org at the top of the tree) searches across all its townships
  const wideSearch = tokens.length > 0 && actor.orgPath.split('/').filter(Boolean).length === 1;
  const parts: (SQL | undefined)[] = [petitionVisibility(actor, { wideSearch })];
  if (q.status) parts.push(eq(petitions.status, q.status));
  if (q.channel) parts.push(eq(petitions.channel, q.channel));
  if (q.category) parts.push(eq(petitions.category, q.category));
  if (q.receivedFrom) parts.push(gte(petitions.receivedOn, q.receivedFrom));
  if (q.receivedTo) parts.push(lte(petitions.receivedOn, q.receivedTo));
  if (q.urgent !== undefined) parts.push(eq(petitions.urgent, q.urgent));
  if (q.overdue === true) parts.push(notInArray(petitions.status, FINISHED), lt(petitions.dueOn, today));
  if (q.overdue === false)
    parts.push(
      sql`not (${petitions.status} not in ('concluded', 'declined') and coalesce(${petitions.dueOn} < ${today}, false))`,
    );
  if (q.orgId)
    parts.push(
      inArray(
        petitions.orgId,
        sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like (select ${orgs.path} from ${orgs} where ${orgs.id} = ${q.orgId}) || '%')`,
      ),
    );
  if (tokens.length)
    parts.push(
      sql`${petitions.searchTokens} @> ARRAY[${sql.join(
        tokens.map((x) => sql`${x}`),
        sql`, `,
      )}]::text[]`,
    );
  return and(...parts)!;
}
