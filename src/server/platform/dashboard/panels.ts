import type { Permission } from '../../../domain/permissions.js';
import type { FigureColumn, FigureRecord, FigureScope } from '../figures/registry.js';

/**
 * A panel of the leadership dashboard that is not a figure: a short list with its count, such as
 * the people under notice (诫勉), under admonition tracking or with open objections. The modules
 * that keep those records register their panel here when they are built; until then the dashboard
 * shows no such panel at all (never an empty stand-in).
 *
 * Like a figure, a panel lists only what the caller may open (scope of the asked org subtree,
 * recusal), and its `value` is the number of those rows, not of some wider set.
 */
export interface DashboardPanel {
  key: string;
  module: string;
  label: string;
  unit: string;
  definition: string;
  permission: Permission;
  columns: FigureColumn[];
  /** The first rows (up to `limit`) and how many there are, as of the scope's date. */
  load(scope: FigureScope, limit: number): Promise<{ items: FigureRecord[]; total: number }>;
}

const panels = new Map<string, DashboardPanel>();

/** A module adds its panel once (in `src/server/figures.ts`); registering again replaces it. */
export function registerDashboardPanel(panel: DashboardPanel): void {
  panels.set(panel.key, panel);
}

export const dashboardPanels = () => [...panels.values()];

/** For tests: forget a panel. */
export function unregisterDashboardPanel(key: string): void {
  panels.delete(key);
}
