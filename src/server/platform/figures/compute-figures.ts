import { ratioPercent } from '../../../domain/figure-period.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { readContext } from '../db/read-context.js';
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
  // read on the replica when the routing allows; the stored counts are built on the primary
  const scope = await figureScope(await readContext(ctx, actor), actor, query);
  const by = query.breakdown;
  await prepareFigures(ctx, scope, asked);
  const { values, slices } = await readFigures(scope, async (read) => {
    const values = await countFigures(read, asked, by ? [by] : []);
    return { values, slices: by ? await labelAll(read, asked, values, by) : new Map() };
  });
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

/** Each module's work before the figures' read transaction (the petitions' stored counts). */
export async function prepareFigures(ctx: AppContext, scope: FigureScope, asked: Figure[]) {
  for (const [module, keys] of byModule(countedKeys(asked)))
    await sourceOf(module)?.prepare?.(ctx, scope, keys);
}

const countedKeys = (asked: Figure[]) => {
  const counted = new Set<string>();
  for (const f of asked)
    if (f.kind === 'ratio') counted.add(f.numerator).add(f.denominator);
    else counted.add(f.key);
  return [...counted];
};

/**
 * The values of the figures (and of the ratios' parts), each module's asked together in one call
 * — with `by`, the figures offering those breakdowns come with their slices from the same call.
 */
export async function countFigures(
  read: FigureScope,
  asked: Figure[],
  by: Breakdown[] = [],
): Promise<Map<string, FigureValue>> {
  const values = new Map<string, FigureValue>();
  // one module after another, in one read transaction: the embedded database answers one query at a time anyway
  for (const [module, keys] of byModule(countedKeys(asked))) {
    const source = sourceOf(module);
    if (!source) throw new Error(`no figure source for module ${module}`);
    const got = await source.count(read, keys, by);
    for (const key of keys) {
      if (!got[key]) throw new Error(`figure source ${module} did not count ${key}`);
      const f = figureByKey(key)!;
      for (const b of by)
        if (f.kind !== 'ratio' && f.breakdowns?.includes(b) && !got[key].slices?.[b])
          throw new Error(`figure source ${module} did not break ${key} down by ${b}`);
      values.set(key, got[key]);
    }
  }
  return values;
}

/** The slices of the figures offering the breakdown, labelled: every month of the period / child org. */
export async function labelAll(
  read: FigureScope,
  figures: Figure[],
  values: Map<string, FigureValue>,
  by: Breakdown,
): Promise<Map<string, FigureOut['slices']>> {
  const out = new Map<string, FigureOut['slices']>();
  for (const f of figures)
    if (f.kind !== 'ratio' && f.breakdowns?.includes(by))
      out.set(f.key, await labelSlices(read, by, values.get(f.key)?.slices?.[by] ?? []));
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
