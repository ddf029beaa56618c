import { ratioPercent } from '../../../domain/figure-period.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { FigureOut, FiguresOut, FiguresQuery } from './contract.js';
import { figureScope, readFigures } from './figure-scope.js';
import { type FigureValue, figureByKey, sourceOf } from './registry.js';
import { figuresAsked } from './visible-figures.js';

/**
 * The figures of an org subtree for a period as of a date: each module's source counts the figures
 * asked of it (and the parts of the ratios asked) in one pass, with the caller's scope and recusal.
 */
export async function computeFigures(opts: {
  ctx: AppContext;
  actor: Actor;
  query: FiguresQuery;
}): Promise<FiguresOut> {
  const { ctx, actor, query } = opts;
  const asked = figuresAsked(actor, query);
  const scope = await figureScope(ctx, actor, query);

  const counted = new Set<string>();
  for (const f of asked)
    if (f.kind === 'ratio') counted.add(f.numerator).add(f.denominator);
    else counted.add(f.key);
  const byModule = new Map<string, string[]>();
  for (const key of counted) {
    const module = figureByKey(key)!.module;
    byModule.set(module, [...(byModule.get(module) ?? []), key]);
  }
  const values = new Map<string, FigureValue>();
  // one module after another, in one read transaction: the embedded database answers one query at a time anyway
  await readFigures(scope, async (read) => {
    for (const [module, keys] of byModule) {
      const source = sourceOf(module);
      if (!source) throw new Error(`no figure source for module ${module}`);
      const got = await source.count(read, keys);
      for (const key of keys) {
        if (!got[key]) throw new Error(`figure source ${module} did not count ${key}`);
        values.set(key, got[key]);
      }
    }
  });

  const figures: FigureOut[] = asked.map((f) => {
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
      ratio: null,
      drillable: true,
    };
  });
  const recuses = actor.cadreId !== null || (actor.relatedCadreIds?.length ?? 0) > 0;
  return {
    org: { id: scope.org.id, name: scope.org.name },
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    today: scope.today,
    note: recuses ? '按回避规定，涉及您本人或登记亲属的记录不计入、不列出' : null,
    figures,
  };
}
