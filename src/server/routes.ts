import { registerAllFigures } from './figures.js';
import { cadreExcelRoutes } from './modules/cadres/excel/routes.js';
import { cadreFileRoutes } from './modules/cadres/file/routes.js';
import { importJobRoutes } from './modules/cadres/import-job-routes.js';
import { lrmxRoutes } from './modules/cadres/lrmx/routes.js';
import { cadreRoutes } from './modules/cadres/routes.js';
import { petitionIdentityRoutes } from './modules/petitions/identity/routes.js';
import { petitionLedgerRoutes } from './modules/petitions/ledger/routes.js';
import { portalRoutes } from './modules/petitions/portal/routes.js';
import { petitionRoutes } from './modules/petitions/routes.js';
import { petitionStatsRoutes } from './modules/petitions/stats/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import { dictionaryRoutes } from './platform/dictionaries/routes.js';
import { figureRoutes } from './platform/figures/routes.js';
import type { App } from './platform/http/types.js';
import { orgRoutes } from './platform/orgs/routes.js';
import { roleRoutes } from './platform/roles/routes.js';
import { ruleRoutes } from './platform/rules/routes.js';
import { setupRoutes } from './platform/setup/routes.js';
import { todoRoutes } from './platform/todos/routes.js';
import { userRoutes } from './platform/users/routes.js';

/** Every route module of the system. A module adds one line here. */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(ruleRoutes);
  await app.register(dictionaryRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(setupRoutes);
  await app.register(todoRoutes);
  await app.register(importJobRoutes);
  await app.register(lrmxRoutes);
  await app.register(cadreExcelRoutes);
  await app.register(cadreRoutes);
  await app.register(cadreFileRoutes);
  await app.register(petitionRoutes);
  await app.register(petitionIdentityRoutes);
  await app.register(petitionStatsRoutes);
  registerAllFigures();
  await app.register(figureRoutes);
  await app.register(petitionLedgerRoutes);
  await app.register(portalRoutes);
}
