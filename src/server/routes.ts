import { auditRoutes } from './platform/audit/routes.js';
import { authRoutes } from './platform/auth/routes.js';
import type { App } from './platform/http/types.js';
import { orgRoutes } from './platform/orgs/routes.js';
import { todoRoutes } from './platform/todos/routes.js';

/** Every route module of the system. A module adds one line here. */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(todoRoutes);
}
