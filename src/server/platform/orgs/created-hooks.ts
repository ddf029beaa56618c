import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import type { orgs } from './schema.js';

export type CreatedOrg = typeof orgs.$inferSelect;

/** What a module does when a unit is made, in the transaction that makes it (so both or neither are kept). */
export type OrgCreatedHook = (tx: Queryable, ctx: AppContext, org: CreatedOrg) => Promise<void>;

const hooks = new Map<string, OrgCreatedHook>();

/**
 * A module's work for a new unit (the openness calendar's due items …), registered by name from the
 * module's own files: the org use case calls them without knowing the modules.
 */
export function registerOrgCreatedHook(name: string, hook: OrgCreatedHook): void {
  hooks.set(name, hook);
}

export async function runOrgCreatedHooks(tx: Queryable, ctx: AppContext, org: CreatedOrg): Promise<void> {
  for (const hook of hooks.values()) await hook(tx, ctx, org);
}
