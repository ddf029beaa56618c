import { ratioPercent } from '../../../domain/figure-period.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { labelSlices } from './breakdown.js';
import type { FigureOut, FiguresOut, FiguresQuery } from './contract.js';
import { figureScope, readFigures } from './figure-scope.js';
import {
  type Breakdown,
  type Figure,
  type FigureScope,
  type FigureValue,
  figureByKey,
  sourceOf,
} from './registry.js';
import { figuresAsked } from './visible-figures.js';

/**
 * The figures of an org subtree for a period as of a date: each module's source counts the figures
 * asked of it (and the parts of the ratios asked) in one pass, with the caller's scope and recusal.
 * With a breakdown, the figures offering it are counted again by month or child org, one more
 * statement per module.
 */
export async function computeFigures(opts: {
  ctx: AppContext;
  actor: Actor;
  query: FiguresQuery;
}): Promise<FiguresOut> {
  const { ctx, actor, query } = opts;
  const asked = figuresAsked(actor, query);
  const scope = await figureScope(ctx, actor, query);
  const { values, slices } = await readFigures(scope, async (read) => ({
    values: await countFigures(read, asked),
    slices: query.breakdown ? await countSlices(read, asked, query.breakdown) : new Map(),
  }));
  return {
    ...scopeOut(scope),
    figures: asked.map((f) => figureOut(f, values, slices.get(f.key) ?? null)),
  };
}

export const mustRecuse = (actor: Actor) =>
  actor.cadreId !== null || (actor.relatedCadreIds?.length ?? 0) > 0;

export function scopeOut(scope: FigureScope) {
  return {
    org: { id: scope.org.id, name: scope.org.name },
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    today: scope.today,
    note: mustRecuse(scope.actor) ? '按回避规定，涉及您本人或登记亲属的记录不计入、不列出' : null,
  };
}

/** The values of the figures (and of the ratios' parts), each module's asked together. */
export async function countFigures(read: FigureScope, asked: Figure[]): Promise<Map<string, FigureValue>> {
  const counted = new Set<string>();
  for (const f of asked)
    if (f.kind === 'ratio') counted.add(f.numerator).add(f.denominator);
    else counted.add(f.key);
  const values = new Map<string, FigureValue>();
  // one module after another, in one read transaction: the embedded database answers one query at a time anyway
  for (const [module, keys] of byModule([...counted])) {
    const source = sourceOf(module);
    if (!source) throw new Error(`no figure source for module ${module}`);
    const got = await source.count(read, keys);
    for (const key of keys) {
      if (!got[key]) throw new Error(`figure source ${module} did not count ${key}`);
      values.set(key, got[key]);
    }
  }
  return values;
}

/** The figures offering the breakdown, by month or child org: labelled groups, every month / child org. */
export async function countSlices(
  read: FigureScope,
  asked: Figure[],
  by: Breakdown,
): Promise<Map<string, FigureOut['slices']>> {
  const keys = asked.filter((f) => f.kind !== 'ratio' && f.breakdowns?.includes(by)).map((f) => f.key);
  const out = new Map<string, FigureOut['slices']>();
  for (const [module, list] of byModule(keys)) {
    const got = await sourceOf(module)!.count(read, list, by);
    for (const key of list) {
      const v = got[key];
      if (!v?.slices) throw new Error(`figure source ${module} did not break ${key} down by ${by}`);
      out.set(key, await labelSlices(read, by, v.slices));
    }
  }
  return out;
}

function byModule(keys: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const key of keys) {
    const module = figureByKey(key)!.module;
    m.set(module, [...(m.get(module) ?? []), key]);
  }
  return m;
}

export function figureOut(
  f: Figure,
  values: Map<string, FigureValue>,
  slices: FigureOut['slices'],
): FigureOut {
  const base = {
    key: f.key,
    module: f.module,
    label: f.label,
    unit: f.unit,
    definition: f.definition,
    kind: f.kind,
  };
  if (f.kind === 'ratio') {
    const n = values.get(f.numerator)!.value;
    const d = values.get(f.denominator)!.value;
    return {
      ...base,
      value: ratioPercent(n, d),
      dimension: null,
      groups: null,
      slices: null,
      breakdowns: [],
      ratio: { numerator: f.numerator, denominator: f.denominator, numeratorValue: n, denominatorValue: d },
      drillable: false,
    };
  }
  const v = values.get(f.key)!;
  return {
    ...base,
    value: v.value,
    dimension: f.dimension ?? null,
    groups: f.dimension ? (v.groups ?? []) : null,
    slices,
    breakdowns: f.breakdowns ?? [],
    ratio: null,
    drillable: true,
  };
}
