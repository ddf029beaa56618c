import type { Permission } from '../../../domain/permissions.js';
import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';

/**
 * The figures registry (统计指标): every figure of every module — what the statistics pages, the
 * leadership dashboard and the annual work summary read. A module registers its figures once
 * (src/server/figures.ts), each with its Chinese label, unit, definition, the permission to see it,
 * and two queries that share one definition: the count and the records behind it.
 *
 * A figure is the count of the records the caller can open: both queries run with the caller's
 * scope and recusal, so the drill-down of a figure has exactly as many rows as the figure says
 * (docs/decisions/figures-registry.md).
 */

/** Who asks, about which org subtree, for which period and as of which day. */
export interface FigureScope {
  ctx: AppContext;
  /** Where a figure's queries run (a read transaction: see `readFigures`); never `ctx.db`. */
  db: Queryable;
  actor: Actor;
  org: { id: number; name: string; path: string };
  from: string;
  to: string;
  /** The records as they stood at the end of this day. */
  asOf: string;
  today: string;
  /** One bar of a breakdown (a month, a child org): the records' queries keep to it (`sliceCondition`). */
  slice?: FigureSlice;
}

/**
 * A breakdown every figure with a date or an org may offer, beside its own dimension: by month of
 * its period date (the trend), or by child org of the asked org (the district compares its
 * townships; records of the org itself make a group of their own).
 */
export type Breakdown = 'month' | 'org';
export const BREAKDOWNS: Breakdown[] = ['month', 'org'];

/** One group of a breakdown: a month `2026-03`, or a child org's id (or the asked org's own). */
export interface FigureSlice {
  by: Breakdown;
  key: string;
}

/** One value of a figure broken down by a dimension (a 问题类别, a 处置方式, a cadre). */
export interface FigureGroup {
  key: string;
  label: string;
  value: number;
}

/** A row behind a figure: what it is, where it opens, and the cells the drill-down shows. */
export interface FigureRecord {
  id: string;
  /** The admin path of the record (its page). */
  link: string;
  /** How people name the record: a registration number, a cadre's name. */
  label: string;
  /** For a sum figure (来访人数): what this record adds to it. */
  weight?: number;
  cells: Record<string, string | number | boolean | null>;
}

export interface FigureColumn {
  key: string;
  label: string;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

interface FigureBase {
  /** `<module>.<name>`, stable: the dashboard, the summary and saved links use it. */
  key: string;
  module: string;
  label: string;
  /** 件 / 人次 / % / 名 … */
  unit: string;
  /** What it counts, in words (shown on hover and in the summary's appendix). */
  definition: string;
  permission: Permission;
  /** Its records are protected data: each drill-down is audited. */
  protected: boolean;
  /**
   * What the leadership dashboard shows of it: a card, a monthly trend, a chart by child org, a
   * chart of its dimension's groups. Not on the dashboard when absent.
   */
  dashboard?: DashboardUse[];
}

export type DashboardUse = 'card' | 'trend' | 'org' | 'category';

/**
 * A figure that counts records (`count`), or adds up one number of each (`sum`: 来访人数 adds the
 * visitors of each visit). Optionally broken down by a dimension: then each record falls in one
 * group and the figure is the sum of its groups.
 */
export interface RecordFigure extends FigureBase {
  kind: 'count' | 'sum';
  dimension?: { key: string; label: string };
  /** The breakdowns its source counts (`count(…, by)`) and its records keep to (`scope.slice`). */
  breakdowns?: Breakdown[];
  /** The columns of the drill-down, in order (keys of FigureRecord.cells). */
  columns: FigureColumn[];
  /** The records behind the figure (or behind one group of it), a page at a time, and how many. */
  records(
    scope: FigureScope,
    page: PageRequest,
    group?: string,
  ): Promise<{ items: FigureRecord[]; total: number; groupLabel?: string }>;
}

/** A ratio of two registered figures, as a percentage (办结率 = 办结 ÷ 受理). */
export interface RatioFigure extends FigureBase {
  kind: 'ratio';
  numerator: string;
  denominator: string;
}

export type Figure = RecordFigure | RatioFigure;

export interface FigureValue {
  value: number;
  groups?: FigureGroup[];
  /** Asked with breakdowns: the value of each month or child org that has any (labels filled later). */
  slices?: Partial<Record<Breakdown, { key: string; value: number }[]>>;
}

/**
 * Counts several figures of a module in one pass over its records (the figures of a township-year
 * are asked together). It must count what each figure's `records` lists, with the same scope.
 */
export interface FigureSource {
  module: string;
  /** The module's name on the dashboard (信访, 干部). */
  label?: string;
  /**
   * With `by`, each figure offering one of those breakdowns also carries its `slices` (counted in
   * the same pass as the whole where the source can: the petitions' grouping sets).
   */
  count(scope: FigureScope, keys: string[], by?: Breakdown[]): Promise<Record<string, FigureValue>>;
  /**
   * Work before the read transaction, with the writing handle `ctx.db` (the petitions build their
   * stored counts for the scope): `count` must answer right whether it ran or not.
   */
  prepare?(ctx: AppContext, scope: FigureScope, keys: string[]): Promise<void>;
}

const figures = new Map<string, Figure>();
const sources = new Map<string, FigureSource>();

/**
 * A module registers its figures and the source that counts them; registering again replaces them.
 * Returns what puts back the source and the figures it replaced (a test's stand-in undoes itself).
 */
export function registerFigures(source: FigureSource, list: Figure[]): () => void {
  // what the dashboard is told to show must be there: checked before anything is registered
  for (const f of list) {
    const uses = f.dashboard ?? [];
    const offers = f.kind === 'ratio' ? [] : (f.breakdowns ?? []);
    if (uses.includes('trend') && !offers.includes('month'))
      throw new Error(`${f.key}: a trend needs 'month'`);
    if (uses.includes('org') && !offers.includes('org')) throw new Error(`${f.key}: by org needs 'org'`);
    if (uses.includes('category') && (f.kind === 'ratio' || !f.dimension))
      throw new Error(`${f.key}: a category chart needs a dimension`);
  }
  const before = { source: sources.get(source.module), figures: list.map((f) => figures.get(f.key)) };
  sources.set(source.module, source);
  for (const f of list) {
    if (f.module !== source.module) throw new Error(`figure ${f.key} is not of module ${source.module}`);
    figures.set(f.key, f);
  }
  for (const f of list)
    if (f.kind === 'ratio')
      for (const part of [f.numerator, f.denominator]) {
        const p = figures.get(part);
        if (!p || p.kind === 'ratio') throw new Error(`ratio ${f.key}: ${part} is not a registered count`);
      }
  return () => {
    if (before.source) sources.set(source.module, before.source);
    else sources.delete(source.module);
    list.forEach((f, i) => {
      const was = before.figures[i];
      if (was) figures.set(f.key, was);
      else figures.delete(f.key);
    });
  };
}

export const figureByKey = (key: string) => figures.get(key);
export const allFigures = () => [...figures.values()];
export const sourceOf = (module: string) => sources.get(module);
