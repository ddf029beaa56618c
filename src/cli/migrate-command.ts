import { appliedMigrationCount } from '../server/platform/db/migrate.js';
import { openDatabaseForCommand, openForCommand } from './open.js';

/**
 * `jiandu migrate`: applies the migrations not yet applied and writes the reference data — by
 * opening the system as the server does (as the tables' owner, the field key checked against the
 * database's own) — then says how many it applied (drizzle's record, counted before and after).
 */
export async function migrateCommand(): Promise<string[]> {
  const raw = await openDatabaseForCommand();
  let before: number;
  try {
    before = await appliedMigrationCount(raw.database);
  } finally {
    await raw.close();
  }
  const { ctx, close } = await openForCommand();
  try {
    return migrateMessage(before, await appliedMigrationCount(ctx.database));
  } finally {
    await close();
  }
}

export function migrateMessage(before: number, after: number): string[] {
  const applied = after - before;
  return applied > 0
    ? [`已执行 ${applied} 个数据库迁移，数据库结构已是最新（共 ${after} 个迁移）。`]
    : [`数据库已是最新结构（共 ${after} 个迁移），未执行新的迁移。`];
}
