import { z } from 'zod';
import { figuresQuery } from '../../../platform/figures/contract.js';

/** The period, as-of date and org (defaults: this year, as of today, the caller's own org). */
export const petitionStatsQuery = figuresQuery.omit({ keys: true, module: true });
export type PetitionStatsQuery = z.infer<typeof petitionStatsQuery>;

/** The period and org of the 信访台帐 export (the cases as they stand now: no as-of date). */
export const statsQuery = figuresQuery.omit({ keys: true, module: true, asOf: true });
export type StatsQuery = z.infer<typeof statsQuery>;

/** Where a figure's records are: GET /api/v1/figures/:key/records with this query. */
export const drillOut = z.object({
  key: z.string(),
  group: z.string().optional(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  orgId: z.number(),
});
export type Drill = z.infer<typeof drillOut>;

const figureOut = z.object({ value: z.number(), drill: drillOut });

export const statsOut = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  today: z.string(),
  org: z.object({ id: z.number(), name: z.string() }),
  /** Each petition figure counted from records, by its name in the registry (petitions.<name>). */
  figures: z.record(z.string(), figureOut),
  /** People who came with the visits (来访人数): the visits' drill shows them. */
  visitors: figureOut,
  conclusionRate: z.object({
    value: z.number().nullable(),
    concluded: z.number(),
    accepted: z.number(),
    drill: drillOut,
  }),
  byCategory: z.array(
    z.object({ category: z.string(), label: z.string(), count: z.number(), drill: drillOut }),
  ),
});
export type StatsOut = z.infer<typeof statsOut>;
