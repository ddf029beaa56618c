import type { Command } from 'commander';
import { openForCommand } from './open.js';

/** Every command other than serve. One block per command; larger ones live in their own file. */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移并写入基础数据')
    .action(async () => {
      const { close } = await openForCommand();
      await close();
      console.log('数据库已是最新结构');
    });
}
