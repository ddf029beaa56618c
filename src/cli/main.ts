import { Command } from 'commander';
import { FieldKeyError } from '../server/platform/crypto/key-check.js';
import { DataDirBusyError } from '../server/platform/db/data-lock.js';
import { AppError } from '../server/platform/http/errors.js';
import { CliError } from './errors.js';
import { serve } from './serve.js';
import { localize } from './zh-output.js';

// Everything the system writes (database, key, backups, uploads) is for the server's account only.
process.umask(0o077);

const program = localize(new Command('jiandu').description('监督 Jiandu — 干部监督管理系统'));

program.command('serve').description('启动服务（默认端口 3000）').action(serve);

/** Commands register themselves here, one file each. */
export { program };

async function main() {
  const extra = await import('./commands.js');
  extra.register(program);
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof DataDirBusyError) {
      console.error(e.message);
      process.exit(3);
    }
    if (e instanceof FieldKeyError) {
      console.error(e.message);
      process.exit(e.exitCode);
    }
    if (e instanceof CliError || e instanceof AppError) {
      console.error(e.message);
      process.exit(e instanceof CliError ? e.exitCode : 1);
    }
    console.error(`命令执行失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

await main();
