import { type Config, loadConfig } from '../server/config.js';
import { openContext } from '../server/platform/bootstrap.js';
import type { AppContext } from '../server/platform/context.js';
import { lockDataDir } from '../server/platform/db/data-lock.js';

/**
 * Opens the system for a command. On the embedded database the data folder is locked first, so a
 * command never opens a database that a running server holds; it says so and stops instead.
 */
export async function openForCommand(
  config: Config = loadConfig(),
): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const ctx = await openContext({ config });
    return {
      ctx,
      close: async () => {
        await ctx.database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
