import { and, eq, gt, inArray, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addMonths, chinaDate } from '../../../domain/calendar.js';
import { normalizeIdNumber } from '../../../domain/id-number.js';
import type { Actor } from '../../platform/access/actor.js';
import { recusalFilter, scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { likePattern, listQuery } from '../../platform/http/pagination.js';
import { text } from '../../platform/http/text.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadreStatus } from './contract.js';
import { nameQueryTokens, tokensMatchExactly } from './name-index.js';
import { cadres, tenures } from './schema.js';

export const AGE_BANDS = {
  '-35': '35 岁及以下',
  '36-45': '36–45 岁',
  '46-55': '46–55 岁',
  '56-': '56 岁及以上',
};
export const ageBand = z.enum(['-35', '36-45', '46-55', '56-'], { message: '年龄段不正确' });

/** The roster's filters, shared by the list and the Excel export. */
export const rosterQuery = listQuery.extend({
  orgId: z.coerce.number().int().positive('所属组织不正确').optional(),
  level: text().trim().max(40).optional(),
  status: cadreStatus.optional(),
  ageBand: ageBand.optional(),
  education: text().trim().max(40).optional(),
});
export type RosterQuery = z.infer<typeof rosterQuery>;

/** Latest birth date of someone at least `years` old on `today`. */
const bornBy = (today: string, years: number) => addMonths(today, -12 * years);

function ageFilter(band: RosterQuery['ageBand'], today: string): SQL | undefined {
  if (!band) return undefined;
  const [lo, hi] = band.split('-').map((s) => (s ? Number(s) : null));
  return and(
    lo !== null ? lte(cadres.birthDate, bornBy(today, lo)) : undefined,
    // at most `hi` years old: born after the day one turns hi + 1
    hi !== null ? gt(cadres.birthDate, bornBy(today, hi + 1)) : undefined,
  );
}

const ID_NUMBER = /^\d{17}[\dX]$/;
const HAN = /\p{Script=Han}/u;

/**
 * Search: Chinese text finds names containing it (narrowed by the name's tokens, then LIKE); letters
 * find pinyin initials or full pinyin by prefix (`zs`, `zhangs` → 张三); an 18-character ID number
 * finds its holder by digest.
 */
function searchFilter(ctx: Pick<AppContext, 'crypto'>, q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const id = normalizeIdNumber(text);
  if (ID_NUMBER.test(id)) return eq(cadres.idNumberDigest, ctx.crypto.digest(id));
  if (/^[a-zA-Z]+$/.test(text) && !HAN.test(text)) {
    const prefix = `${text.toLowerCase()}%`;
    return or(like(cadres.nameInitials, prefix), like(cadres.namePinyin, prefix));
  }
  const compact = text.replace(/\s+/g, '');
  const contains = like(cadres.name, likePattern(compact));
  const tokens = nameQueryTokens(compact);
  if (!tokens.length) return contains;
  // the GIN index (cadres_name_tokens_idx) finds the names holding every Han token of the query, a
  // superset of those containing it; the LIKE keeps exactly those (三丰张三 holds 张三 and 三丰 but
  // does not contain 张三丰). One or two characters need no LIKE, and a LIKE beside them would
  // make the planner expect a handful of rows where a surname finds hundreds.
  const held = sql`${cadres.nameTokens} @> ARRAY[${sql.join(
    tokens.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;
  return tokensMatchExactly(compact) ? held : and(held, contains);
}

/** The WHERE of the roster: the caller's scope, recusal, live rows, the filters and the search. */
export function rosterWhere(
  ctx: Pick<AppContext, 'crypto' | 'clock'>,
  actor: Actor,
  query: Omit<RosterQuery, 'page' | 'pageSize' | 'order' | 'sort'>,
): SQL {
  const today = chinaDate(ctx.clock.now());
  return and(
    isNull(cadres.deletedAt),
    scopeFilter(actor, cadres.orgId),
    recusalFilter(actor, cadres.id),
    query.orgId
      ? inArray(
          cadres.orgId,
          sql`(select ${orgs.id} from ${orgs} where ${orgs.path} like (select ${orgs.path} from ${orgs} where ${orgs.id} = ${query.orgId}) || '%')`,
        )
      : undefined,
    // an array computed once, then read by primary key (a semi-join here walks every cadre)
    query.level
      ? sql`${cadres.id} = any(array(select ${tenures.cadreId} from ${tenures} where ${tenures.endDate} is null and ${tenures.level} = ${query.level}))`
      : undefined,
    query.status ? eq(cadres.status, query.status) : undefined,
    query.education ? eq(cadres.education, query.education) : undefined,
    ageFilter(query.ageBand, today),
    searchFilter(ctx, query.q),
  )!;
}

/** Full years of age on `today` (China date) for a birth date, or null. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age--;
  return age;
}
