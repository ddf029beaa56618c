import { type SQL, sql } from 'drizzle-orm';
import { NO_GROUP, type PetitionFigureName } from '../../../../domain/petition-figures.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { dictionaryLabels } from '../../../platform/figures/dictionary-labels.js';
import type { FigureGroup, FigureScope, FigureValue } from '../../../platform/figures/registry.js';
import { petitionsAsOf } from './as-of.js';
import { PETITION_FIGURE_SPECS } from './petition-figure-specs.js';

const nameOf = (key: string) => key.slice('petitions.'.length) as PetitionFigureName;

/**
 * Counts the petition figures asked, as of the scope's date: one aggregate over the as-of rows for
 * the plain figures (FILTER clauses and sums), one grouped by category and disposal (grouping sets)
 * when a breakdown is asked, and one over the named cadres when that breakdown is asked.
 */
export async function countPetitionFigures(
  scope: FigureScope,
  keys: string[],
): Promise<Record<string, FigureValue>> {
  const names = keys.map(nameOf);
  const out: Record<string, FigureValue> = {};
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
    select.push(sql`${expr}::int as ${sql.identifier(name)}`);
  }
  const { db } = scope;
  if (select.length) {
    const [row] = rowsOf<Record<string, number>>(
      await db.execute(sql`select ${sql.join(select, sql`, `)} from ${petitionsAsOf(scope)}`),
    );
    for (const name of Object.keys(row)) out[`petitions.${name}`] = { value: Number(row[name]) };
  }
  const dims = names.filter((n) => n === 'by_category' || n === 'by_disposal');
  if (dims.length) Object.assign(out, await countByDimension(scope, dims));
  if (names.includes('by_cadre')) out['petitions.by_cadre'] = await countByCadre(scope);
  return out;
}

/** The breakdowns by 问题类别 and by 处置方式 (as of the date), in one grouped pass. */
async function countByDimension(scope: FigureScope, dims: PetitionFigureName[]) {
  const { db } = scope;
  const rows = rowsOf<{ category: string | null; disposal: string | null; by_category: number; n: number }>(
    await db.execute(sql`select a.category, a.disposal, grouping(a.category)::int as by_category,
      count(*)::int as n from ${petitionsAsOf(scope)} group by grouping sets ((a.category), (a.disposal))`),
  );
  const out: Record<string, FigureValue> = {};
  for (const dim of dims) {
    const field = dim === 'by_category' ? 'category' : 'disposal';
    const labels = await dictionaryLabels(db, dim === 'by_category' ? 'petition_category' : 'disposal');
    const none = dim === 'by_category' ? '未分类' : '未处置';
    // grouping(category) is 0 on the category rows, 1 on the disposal rows
    const mine = rows.filter((r) => Number(r.by_category) === (dim === 'by_category' ? 0 : 1));
    const groups: FigureGroup[] = mine
      .map((r) => ({ code: r[field], n: Number(r.n) }))
      .sort((a, b) => labels.rank(a.code) - labels.rank(b.code) || b.n - a.n)
      .map((g) => ({ key: g.code ?? NO_GROUP, label: labels.label(g.code, none), value: g.n }));
    out[`petitions.${dim}`] = { value: groups.reduce((s, g) => s + g.value, 0), groups };
  }
  return out;
}

/** The group key of a named cadre: the registry's cadre, or the name as registered. */
export const cadreGroupKey = (cadreId: number | null, name: string) =>
  cadreId !== null ? `cadre:${cadreId}` : `name:${name}`;

/** 按被反映干部: one count per cadre the counted petitions name, most named first. */
async function countByCadre(scope: FigureScope): Promise<FigureValue> {
  const rows = rowsOf<{ cadre_id: string | null; name: string; label: string; n: number }>(
    await scope.db.execute(sql`select ps.cadre_id, min(ps.name) as name,
      min(coalesce(c.name, ps.name)) as label, count(*)::int as n
      from ${petitionsAsOf(scope)} join petition_subjects ps on ps.petition_id = a.id
      left join cadres c on c.id = ps.cadre_id
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
