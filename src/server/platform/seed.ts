import { seedCalendar } from './calendar/seed.js';
import type { Db } from './db/client.js';
import { seedDictionaries } from './dictionaries/seed.js';
import { seedRules } from './rules/seed.js';
import { repairRoleClasses, seedNewPermissions, seedRoles } from './users/seed-roles.js';

/** Reference data every installation needs; idempotent, run after migrations at every start. */
export async function seedReferenceData(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await seedRoles(tx);
    await seedNewPermissions(tx);
    await repairRoleClasses(tx, now);
    await seedRules(tx);
    await seedDictionaries(tx);
    await seedCalendar(tx);
  });
}
