import { type SQL, sql } from 'drizzle-orm';
import { NO_GROUP, type PetitionFigureName } from '../../../../domain/petition-figures.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { sliceKeySql } from '../../../platform/figures/breakdown.js';
import { dictionaryLabels } from '../../../platform/figures/dictionary-labels.js';
import type { Breakdown, FigureGroup, FigureScope, FigureValue } from '../../../platform/figures/registry.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { petitions } from '../schema.js';
import { petitionsAsOf, petitionsCounted, petitionsHidden } from './as-of.js';
import { cubeSource, type RowSource } from './cube.js';
import { isPlainFigure, PETITION_FIGURE_SPECS, plainFigureExpr } from './petition-figure-specs.js';

const nameOf = (key: string) => key.slice('petitions.'.length) as PetitionFigureName;

type Row = Record<string, number | string | null>;

/**
 * Counts the petition figures asked, as of the scope's date, in one pass: the plain figures as
 * FILTER clauses and sums, and — when a breakdown by 问题类别 or 处置方式, month or child org is
 * asked — their groups in the same statement (grouping sets: the whole, then each breakdown). The
 * pass reads the stored counts when they answer the scope (`cube.ts`: whole months, a reader who
 * sees the whole subtree — minus, for a reader who must recuse, the same statement over the
 * petitions hidden from them), else the petitions as of the date. The breakdown by named cadre,
 * which depends on no state, joins the named cadres to the counted petitions in a second statement.
 */
export async function countPetitionFigures(
  scope: FigureScope,
  keys: string[],
  by: Breakdown[] = [],
): Promise<Record<string, FigureValue>> {
  const names = keys.map(nameOf);
  const out: Record<string, FigureValue> = {};
  const dims = names.filter((n) => n === 'by_category' || n === 'by_disposal');
  const sliced = names.some((n) => breaks(n));
  const flags = [
    ...(names.includes('by_category') ? ['g_category'] : []),
    ...(names.includes('by_disposal') ? ['g_disposal'] : []),
    ...(sliced && by.includes('month') ? ['g_month'] : []),
    ...(sliced && by.includes('org') ? ['g_org'] : []),
  ];
  const cube = await cubeSource(scope.db, scope);
  let rows: Row[];
  if (cube) {
    rows = await groupedRows(scope, names, flags, cube);
    const hidden = petitionsHidden(scope);
    if (hidden)
      rows = subtract(rows, await groupedRows(scope, names, flags, liveSource(scope, names, flags, hidden)));
  } else rows = await groupedRows(scope, names, flags, liveSource(scope, names, flags));
  // the whole: the row grouped by none of the sets
  const whole = rows.find((r) => flags.every((f) => Number(r[f]) === 1))!;
  for (const [column, v] of Object.entries(whole))
    if (column.startsWith('f_')) out[`petitions.${column.slice(2)}`] = { value: Number(v) };
  for (const dim of dims) Object.assign(out, await groupsOf(scope, dim, rows));
  for (const b of by) {
    const flag = `g_${b}`;
    if (!flags.includes(flag)) continue;
    const mine = rows.filter((r) => Number(r[flag]) === 0);
    for (const name of names)
      if (breaks(name)) {
        const v = out[`petitions.${name}`];
        v.slices = {
          ...v.slices,
          [b]: mine.map((r) => ({ key: String(r[`s_${b}`]), value: Number(r[`f_${name}`]) })),
        };
      }
  }
  if (names.includes('by_cadre')) out['petitions.by_cadre'] = await countByCadre(scope);
  return out;
}

/** The petitions as of the date as a row source: those counted for the scope, or those of `counted`. */
function liveSource(
  scope: FigureScope,
  names: PetitionFigureName[],
  flags: string[],
  counted?: SQL,
): RowSource {
  const documents = names.some((n) => {
    const spec = PETITION_FIGURE_SPECS[n];
    return spec !== 'ratio' && spec.rows === 'document';
  });
  return {
    // the org's path only for the breakdown by child org
    from: flags.includes('g_org')
      ? sql`${petitionsAsOf(scope, { documents, counted })} join ${orgs} so on so.id = a.org_id`
      : petitionsAsOf(scope, { documents, counted }),
    n: sql`count(*)`,
    figure: (name) => plainFigureExpr(scope.asOf, name),
    slices: { org: sql`a.org_id`, on: sql`a.received_day`, path: sql`so.path` },
  };
}

const FLAGS = ['g_category', 'g_disposal', 'g_month', 'g_org'];

/**
 * One statement over a row source: `n` and the plain figures `f_<name>` of the whole, and of each
 * grouping set flagged (`g_category` …, with its key in `category`, `disposal`, `s_month`, `s_org`).
 */
async function groupedRows(
  scope: FigureScope,
  names: PetitionFigureName[],
  flags: string[],
  src: RowSource,
): Promise<Row[]> {
  const select: SQL[] = [sql`${src.n}::int as n`];
  for (const name of names)
    if (isPlainFigure(name)) select.push(sql`${src.figure(name)}::int as ${sql.identifier(`f_${name}`)}`);
  const column: Record<string, { column: SQL; as: string }> = {
    g_category: { column: sql`a.category`, as: 'category' },
    g_disposal: { column: sql`a.disposal`, as: 'disposal' },
    g_month: { column: sliceKeySql(scope, 'month', src.slices), as: 's_month' },
    g_org: { column: sliceKeySql(scope, 'org', src.slices), as: 's_org' },
  };
  const sets = flags.map((flag) => ({ flag, ...column[flag] }));
  return rowsOf<Row>(
    await scope.db.execute(
      sets.length
        ? sql`select ${sql.join(select, sql`, `)}, ${sql.join(
            sets.map(
              (g) =>
                sql`${g.column} as ${sql.identifier(g.as)}, grouping(${g.column})::int as ${sql.identifier(g.flag)}`,
            ),
            sql`, `,
          )}
            from ${src.from} group by grouping sets ((), ${sql.join(
              sets.map((g) => sql`(${g.column})`),
              sql`, `,
            )})`
        : sql`select ${sql.join(select, sql`, `)} from ${src.from}`,
    ),
  );
}

/** The stored rows less the hidden ones, group by group; a group left empty goes (the whole stays). */
function subtract(rows: Row[], hidden: Row[]): Row[] {
  const keyOf = (r: Row) =>
    JSON.stringify(
      [...FLAGS, 'category', 'disposal', 's_month', 's_org'].map((c) =>
        (r[c] ?? null) === null ? null : String(r[c]),
      ),
    );
  const less = new Map(hidden.map((h) => [keyOf(h), h]));
  const out: Row[] = [];
  for (const r of rows) {
    const h = less.get(keyOf(r));
    const left: Row = { ...r };
    if (h)
      for (const [c, v] of Object.entries(h))
        if (c === 'n' || c.startsWith('f_')) left[c] = Number(left[c]) - Number(v);
    const whole = FLAGS.every((f) => r[f] === undefined || Number(r[f]) === 1);
    if (whole || Number(left.n) > 0) out.push(left);
  }
  return out;
}

/** Does the figure split by month and child org (each petition or document falls in one). */
function breaks(name: PetitionFigureName): boolean {
  const spec = PETITION_FIGURE_SPECS[name];
  return spec !== 'ratio' && ((spec.rows === 'petition' && !spec.dimension) || spec.rows === 'document');
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
