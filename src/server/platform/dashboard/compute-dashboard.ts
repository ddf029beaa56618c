import type { Actor } from '../access/actor.js';
import type { AppContext } from '../context.js';
import { readContext } from '../db/read-context.js';
import { countFigures, figureOut, labelAll, prepareFigures, scopeOut } from '../figures/compute-figures.js';
import { figureScope, readFigures } from '../figures/figure-scope.js';
import { allFigures, type DashboardUse, type Figure, sourceOf } from '../figures/registry.js';
import { maySee } from '../figures/visible-figures.js';
import type { ChartOut, DashboardOut, DashboardQuery } from './contract.js';
import { overdueTodos } from './overdue-todos.js';
import { dashboardPanels } from './panels.js';

const PANEL_ROWS = 10;

/**
 * 领导驾驶舱: for an org subtree in the caller's scope (else 404), a period and an as-of date, each
 * module's dashboard figures the caller may see — cards, the monthly trends, the comparison of the
 * child orgs, the groups of its dimensions — the to-dos late across the subtree, and the panels
 * modules registered. All in one read transaction: per module one statement for the cards (and
 * the dimensions' groups), one for the trends, one by child org.
 *
 * A figure the caller may not see (its permission) is not on the dashboard at all; the ones shown
 * count only the records the caller could open, so each drills down to exactly its number.
 */
export async function computeDashboard(opts: {
  ctx: AppContext;
  actor: Actor;
  query: DashboardQuery;
}): Promise<DashboardOut> {
  const { ctx, actor, query } = opts;
  // read on the replica when the routing allows; the stored counts are built on the primary
  const scope = await figureScope(await readContext(ctx, actor), actor, query);
  const shown = allFigures().filter((f) => f.dashboard?.length && maySee(actor, f));
  const uses = (use: DashboardUse) => shown.filter((f) => f.dashboard!.includes(use));
  const panels = dashboardPanels().filter((p) => actor.permissions.has(p.permission));

  await prepareFigures(ctx, scope, shown);
  return readFigures(scope, async (read) => {
    // per module one pass: the cards, the dimensions' groups, by month and by child org together
    const values = await countFigures(read, shown, ['month', 'org']);
    const trends = await labelAll(read, uses('trend'), values, 'month');
    const byOrg = await labelAll(read, uses('org'), values, 'org');
    const todos = await overdueTodos(read);
    const panelOut = [];
    for (const p of panels) {
      const { items, total } = await p.load(read, PANEL_ROWS);
      panelOut.push({
        key: p.key,
        module: p.module,
        label: p.label,
        unit: p.unit,
        definition: p.definition,
        value: total,
        columns: p.columns,
        items: items.map(({ weight: _, ...r }) => r),
      });
    }

    const modules = [...new Set(shown.map((f) => f.module))].map((module) => {
      const mine = (use: DashboardUse) => uses(use).filter((f) => f.module === module);
      const chart = (f: Figure, by: ChartOut['by'], points: ChartOut['points']): ChartOut => ({
        figure: f.key,
        label: f.label,
        unit: f.unit,
        definition: f.definition,
        by,
        dimension: f.kind !== 'ratio' && f.dimension ? f.dimension.label : null,
        points,
      });
      return {
        module,
        label: sourceOf(module)?.label ?? module,
        cards: mine('card').map((f) => figureOut(f, values, null)),
        trends: mine('trend').map((f) => chart(f, 'month', trends.get(f.key) ?? [])),
        byOrg: mine('org').map((f) => chart(f, 'org', byOrg.get(f.key) ?? [])),
        categories: mine('category').map((f) => chart(f, 'group', values.get(f.key)?.groups ?? [])),
      };
    });
    return { ...scopeOut(scope), modules, todos, panels: panelOut };
  });
}
