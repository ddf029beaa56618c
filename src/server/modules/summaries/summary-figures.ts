import { NAME_FORMATS, placeholdersOf, type RenderValue } from '../../../domain/summary-template.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { computeFigures } from '../../platform/figures/compute-figures.js';
import { figureScope, readFigures } from '../../platform/figures/figure-scope.js';
import { figureByKey } from '../../platform/figures/registry.js';
import { maySee } from '../../platform/figures/visible-figures.js';
import type { FiledFigure } from './schema.js';

/** The period of a summary: its calendar year, as of a day. */
export interface SummaryPeriod {
  orgId: number;
  from: string;
  to: string;
  asOf: string;
}

export const yearPeriod = (orgId: number, year: number, asOf: string): SummaryPeriod => ({
  orgId,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  asOf,
});

/** How to list the records behind a figure again: its registry path with the same org, period and date. */
export function reproducePath(key: string, p: SummaryPeriod): string {
  const f = figureByKey(key);
  const path = (k: string) =>
    `/api/v1/figures/${k}/records?orgId=${p.orgId}&from=${p.from}&to=${p.to}&asOf=${p.asOf}`;
  if (f?.kind === 'ratio') return `分子 ${path(f.numerator)}；分母 ${path(f.denominator)}`;
  return path(key);
}

/** Most names a `名录` placeholder lists (the first ones, in the figure's own order). */
const NAMES = 50;

/**
 * The registry figures the wordings use, counted for the reader (their scope and recusal) over the
 * period as of its date: each with its definition, value and reproducing path. A figure that is
 * not registered or not the reader's is left out (its paragraph is then dropped). For a `名录`
 * placeholder the names of its records are read too.
 */
export async function summaryFigures(
  ctx: AppContext,
  actor: Actor,
  period: SummaryPeriod,
  wordings: string[],
): Promise<FiledFigure[]> {
  const holders = wordings.flatMap((w) => placeholdersOf(w));
  const keys = [...new Set(holders.map((h) => h.key))].filter((k) => {
    const f = figureByKey(k);
    return !!f && maySee(actor, f);
  });
  if (!keys.length) return [];
  const got = await computeFigures({ ctx, actor, query: { keys: keys.join(','), ...period } });
  const named = new Set(holders.filter((h) => h.format && NAME_FORMATS.includes(h.format)).map((h) => h.key));
  const names = new Map<string, string[]>();
  if (named.size) {
    const scope = await figureScope(ctx, actor, period);
    await readFigures(scope, async (read) => {
      for (const key of named) {
        const f = figureByKey(key);
        if (!f || f.kind === 'ratio' || !keys.includes(key)) continue;
        const { items } = await f.records(read, { page: 1, pageSize: NAMES });
        names.set(
          key,
          items.map((r) => r.label),
        );
      }
    });
  }
  return got.figures.map((f) => ({
    key: f.key,
    label: f.label,
    unit: f.unit,
    value: f.value,
    definition: f.definition,
    reproduce: reproducePath(f.key, period),
    ...(names.has(f.key) ? { names: names.get(f.key) } : {}),
  }));
}

export const renderValues = (figures: FiledFigure[]) =>
  new Map<string, RenderValue>(figures.map((f) => [f.key, { value: f.value, names: f.names }]));
