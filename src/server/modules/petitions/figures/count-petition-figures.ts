import { type SQL, sql } from 'drizzle-orm';
import { NO_GROUP, type PetitionFigureName } from '../../../../domain/petition-figures.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { sliceKeySql } from '../../../platform/figures/breakdown.js';
import { dictionaryLabels } from '../../../platform/figures/dictionary-labels.js';
import type { Breakdown, FigureGroup, FigureScope, FigureValue } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitions } from '../schema.js';
import { petitionsAsOf, petitionsCounted } from './as-of.js';
import { PETITION_FIGURE_SPECS } from './petition-figure-specs.js';

const nameOf = (key: string) => key.slice('petitions.'.length) as PetitionFigureName;

type Row = Record<string, number | string | null>;

/**
 * Counts the petition figures asked, as of the scope's date, in one pass over the as-of rows: the
 * plain figures as FILTER clauses and sums, and — when a breakdown by 问题类别 or 处置方式 is asked —
 * their groups in the same statement (grouping sets: the whole, by category, by disposal). The
 * breakdown by named cadre, which depends on no state, joins the named cadres to the counted
 * petitions in a second statement when it is asked.
 */
export async function countPetitionFigures(
  scope: FigureScope,
  keys: string[],
  by: Breakdown[] = [],
): Promise<Record<string, FigureValue>> {
  const names = keys.map(nameOf);
  const out: Record<string, FigureValue> = {};
  const select: SQL[] = [sql`count(*)::int as n`, ...plainColumns(scope, names)];
  const dims = names.filter((n) => n === 'by_category' || n === 'by_disposal');
  // the grouping sets: the whole, then each breakdown asked — one pass over the as-of rows
  const sets: { flag: string; column: SQL; as: string }[] = [];
  if (names.includes('by_category'))
    sets.push({ flag: 'g_category', column: sql`a.category`, as: 'category' });
  if (names.includes('by_disposal'))
    sets.push({ flag: 'g_disposal', column: sql`a.disposal`, as: 'disposal' });
  const sliced = names.some((n) => breaks(n));
  if (sliced && by.includes('month'))
    sets.push({ flag: 'g_month', column: sliceKeySql(scope, 'month', SLICES), as: 's_month' });
  if (sliced && by.includes('org'))
    sets.push({ flag: 'g_org', column: sliceKeySql(scope, 'org', SLICES), as: 's_org' });
  const documents = names.some((n) => {
    const spec = PETITION_FIGURE_SPECS[n];
    return spec !== 'ratio' && spec.rows === 'document';
  });
  const asOf = petitionsAsOf(scope, { documents });
  const from = by.includes('org') ? sql`${asOf} join ${orgs} so on so.id = a.org_id` : asOf;
  const { db } = scope;
  const rows = rowsOf<Row>(
    await db.execute(
      sets.length
        ? sql`select ${sql.join(select, sql`, `)}, ${sql.join(
            sets.map(
              (g) =>
                sql`${g.column} as ${sql.identifier(g.as)}, grouping(${g.column})::int as ${sql.identifier(g.flag)}`,
            ),
            sql`, `,
          )}
            from ${from} group by grouping sets ((), ${sql.join(
              sets.map((g) => sql`(${g.column})`),
              sql`, `,
            )})`
        : sql`select ${sql.join(select, sql`, `)} from ${from}`,
    ),
  );
  // the whole: the row grouped by none of the sets
  const whole = rows.find((r) => sets.every((g) => Number(r[g.flag]) === 1))!;
  for (const [column, v] of Object.entries(whole))
    if (column.startsWith('f_')) out[`petitions.${column.slice(2)}`] = { value: Number(v) };
  for (const dim of dims) Object.assign(out, await groupsOf(scope, dim, rows));
  for (const b of by) {
    const set = sets.find((g) => g.flag === `g_${b}`);
    if (!set) continue;
    const mine = rows.filter((r) => Number(r[set.flag]) === 0);
    for (const name of names)
      if (breaks(name)) {
        const v = out[`petitions.${name}`];
        v.slices = {
          ...v.slices,
          [b]: mine.map((r) => ({ key: String(r[set.as]), value: Number(r[`f_${name}`]) })),
        };
      }
  }
  if (names.includes('by_cadre')) out['petitions.by_cadre'] = await countByCadre(scope);
  return out;
}

/** The as-of rows' month (收件日期) and org, with the org's path joined as `so`. */
const SLICES = { org: sql`a.org_id`, on: sql`a.received_day`, path: sql`so.path` };

/** Does the figure split by month and child org (each petition or document falls in one). */
function breaks(name: PetitionFigureName): boolean {
  const spec = PETITION_FIGURE_SPECS[name];
  return spec !== 'ratio' && ((spec.rows === 'petition' && !spec.dimension) || spec.rows === 'document');
}

/** The plain figures asked (neither a dimension nor the cadres named) as columns `f_<name>` of one pass. */
function plainColumns(scope: FigureScope, names: PetitionFigureName[]): SQL[] {
  const select: SQL[] = [];
  for (const name of names) {
    const spec = PETITION_FIGURE_SPECS[name];
    if (spec === 'ratio' || spec.rows === 'subject' || (spec.rows === 'petition' && spec.dimension)) continue;
    const expr =
      spec.rows === 'document'
        ? sql`coalesce(sum(a.${sql.raw(spec.kind === 'report' ? 'reports' : 'opinions')}), 0)`
        : spec.weight
          ? sql`coalesce(sum(a.visitors) filter (where ${spec.when(scope.asOf)}), 0)`
          : sql`count(*) filter (where ${spec.when(scope.asOf)})`;
    select.push(sql`${expr}::int as ${sql.identifier(`f_${name}`)}`);
  }
  return select;
}

/** A breakdown's groups from the grouping-sets rows: by 问题类别, or by 处置方式 as of the date. */
async function groupsOf(scope: FigureScope, dim: PetitionFigureName, rows: Row[]) {
  const field = dim === 'by_category' ? 'category' : 'disposal';
  const labels = await dictionaryLabels(scope.db, dim === 'by_category' ? 'petition_category' : 'disposal');
  const none = dim === 'by_category' ? '未分类' : '未处置';
  const groups: FigureGroup[] = rows
    .filter((r) => Number(r[`g_${field}`]) === 0)
    .map((r) => ({ code: r[field] as string | null, n: Number(r.n) }))
    .sort((a, b) => labels.rank(a.code) - labels.rank(b.code) || b.n - a.n)
    .map((g) => ({ key: g.code ?? NO_GROUP, label: labels.label(g.code, none), value: g.n }));
  return { [`petitions.${dim}`]: { value: groups.reduce((s, g) => s + g.value, 0), groups } };
}

/** The group key of a named cadre: the registry's cadre, or the name as registered. */
export const cadreGroupKey = (cadreId: number | null, name: string) =>
  cadreId !== null ? `cadre:${cadreId}` : `name:${name}`;

/** 按被反映干部: one count per cadre the counted petitions name, most named first (what a case is about has no date). */
async function countByCadre(scope: FigureScope): Promise<FigureValue> {
  const rows = rowsOf<{ cadre_id: string | null; name: string; label: string; n: number }>(
    await scope.db.execute(sql`select ps.cadre_id, min(ps.name) as name,
      min(coalesce(c.name, ps.name)) as label, count(*)::int as n
      from ${petitions} join petition_subjects ps on ps.petition_id = ${petitions.id}
      left join cadres c on c.id = ps.cadre_id where ${petitionsCounted(scope)}
      group by ps.cadre_id, case when ps.cadre_id is null then ps.name end
      order by n desc, label`),
  );
  const groups = rows.map((r) => ({
    key: cadreGroupKey(r.cadre_id === null ? null : Number(r.cadre_id), r.name),
    label: r.cadre_id === null ? `${r.label}（未关联名册）` : r.label,
    value: Number(r.n),
  }));
  return { value: groups.reduce((s, g) => s + g.value, 0), groups };
}
