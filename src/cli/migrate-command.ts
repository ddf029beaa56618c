import type { Database } from '../server/platform/db/client.js';
import { appliedMigrationCount, migrate } from '../server/platform/db/migrate.js';
import { seedReferenceData } from '../server/platform/seed.js';

/**
 * `jiandu migrate`: applies the migrations not yet applied and writes the reference data, then
 * says how many it applied (drizzle's record of applied migrations, counted before and after).
 */
export async function migrateCommand(database: Database): Promise<string[]> {
  const before = await appliedMigrationCount(database);
  await migrate(database);
  await seedReferenceData(database.db, new Date());
  const after = await appliedMigrationCount(database);
  const applied = after - before;
  return applied > 0
    ? [`已执行 ${applied} 个数据库迁移，数据库结构已是最新（共 ${after} 个迁移）。`]
    : [`数据库已是最新结构（共 ${after} 个迁移），未执行新的迁移。`];
}
