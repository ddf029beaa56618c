import {
  PETITION_FIGURES,
  type PetitionFigureName,
  petitionFigureKey,
} from '../../../../domain/petition-figures.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { computeFigures } from '../../../platform/figures/compute-figures.js';
import type { Drill, PetitionStatsQuery, StatsOut } from './contract.js';

// what this answer shows: every petition figure but the breakdowns by disposal and by named cadre
const STATS_KEYS = (Object.keys(PETITION_FIGURES) as PetitionFigureName[])
  .filter((n) => n !== 'by_disposal' && n !== 'by_cadre')
  .map(petitionFigureKey)
  .join(',');

/**
 * 信访统计 in one answer: the petition figures of the registry (GET /api/v1/figures?module=petitions)
 * in the shape the petition pages and the ledger checks read — each figure with the drill that lists
 * its records through GET /api/v1/figures/:key/records.
 */
export async function petitionStats(opts: {
  ctx: AppContext;
  actor: Actor;
  query: PetitionStatsQuery;
}): Promise<StatsOut> {
  const out = await computeFigures({ ...opts, query: { ...opts.query, keys: STATS_KEYS } });
  const drill = (key: string, group?: string): Drill => ({
    key,
    ...(group === undefined ? {} : { group }),
    from: out.from,
    to: out.to,
    asOf: out.asOf,
    orgId: out.org.id,
  });
  const byKey = new Map(out.figures.map((f) => [f.key, f]));
  const value = (key: string) => byKey.get(key)?.value ?? 0;
  const figures: StatsOut['figures'] = {};
  for (const f of out.figures)
    if (f.kind === 'count' && !f.dimension)
      figures[f.key.slice('petitions.'.length)] = { value: f.value ?? 0, drill: drill(f.key) };
  const rate = byKey.get('petitions.conclusion_rate');
  return {
    from: out.from,
    to: out.to,
    asOf: out.asOf,
    today: out.today,
    org: out.org,
    figures,
    visitors: { value: value('petitions.visitors'), drill: drill('petitions.visitors') },
    conclusionRate: {
      value: rate?.value ?? null,
      concluded: rate?.ratio?.numeratorValue ?? 0,
      accepted: rate?.ratio?.denominatorValue ?? 0,
      drill: drill('petitions.concluded'),
    },
    byCategory: (byKey.get('petitions.by_category')?.groups ?? []).map((g) => ({
      category: g.key,
      label: g.label,
      count: g.value,
      drill: drill('petitions.by_category', g.key),
    })),
  };
}
