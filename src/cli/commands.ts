import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { findFieldKey } from '../server/platform/crypto/key-check.js';
import { DataDirBusyError } from '../server/platform/db/data-lock.js';
import { backupCommand, backupThroughServer, restoreCommand } from './backup-commands.js';
import { createAdminCommand } from './create-admin.js';
import { demoCommand } from './demo-command.js';
import { migrateCommand } from './migrate-command.js';
import { openDatabaseForCommand, openForCommand } from './open.js';
import { readPassword } from './password-input.js';
import { reindexPetitionsCommand } from './reindex-petitions.js';
import { verifyAuditCommand } from './verify-audit.js';

const print = (lines: string[]) => console.log(lines.join('\n'));

/** Every command other than serve. One block per command; larger ones live in their own file. */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移并写入基础数据')
    .action(async () => {
      print(await migrateCommand());
    });

  program
    .command('create-admin')
    .description('创建管理员账号（密码从标准输入读取，或在终端中输入两次）')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--org <name>', '所属组织名称（须已存在；系统中尚无任何组织时新建为区级组织）')
    .option('--create-org', '组织不存在时新建为区级组织')
    .option('--role <role>', '角色：sys_admin（默认）、security_admin 或 audit_admin')
    .option('--display-name <name>', '姓名（默认同用户名）')
    .action(
      async (o: {
        username: string;
        org: string;
        role: string;
        displayName?: string;
        createOrg?: boolean;
      }) => {
        const { ctx, close } = await openForCommand();
        try {
          const password = await readPassword();
          print(await createAdminCommand(ctx, { ...o, password }));
        } finally {
          await close();
        }
      },
    );

  program
    .command('demo')
    .description('加载演示数据（新城区及大兴镇、青山镇），演示账号密码随机生成并只显示一次')
    .action(async () => {
      const { ctx, close } = await openForCommand();
      try {
        print(await demoCommand(ctx));
      } finally {
        await close();
      }
    });

  program
    .command('backup')
    .description(
      '备份全部数据到一个文件（可在内置数据库与 PostgreSQL 之间恢复）；服务正在运行时由服务完成备份',
    )
    .requiredOption('--out <file>', '备份文件，如 jiandu-2026-03-01.jsonl.gz')
    .action(async (o: { out: string }) => {
      const config = loadConfig();
      let opened: Awaited<ReturnType<typeof openDatabaseForCommand>>;
      try {
        opened = await openDatabaseForCommand(config);
      } catch (e) {
        // the server holds the embedded database: it makes the backup itself
        if (e instanceof DataDirBusyError && !config.databaseUrl) {
          print(await backupThroughServer(config, o.out, e));
          return;
        }
        throw e;
      }
      try {
        const r = await backupCommand(opened.database, o.out, { dataDir: config.dataDir });
        print(r.lines);
        if (!r.ok) process.exitCode = 1;
      } finally {
        await opened.close();
      }
    });

  program
    .command('restore')
    .description('从备份文件恢复到一个空数据库，并校验恢复结果')
    .requiredOption('--from <file>', '备份文件')
    .option(
      '--ignore-key-mismatch',
      '字段加密密钥缺失或与备份不符时仍然恢复（恢复后服务在得到原密钥之前会拒绝启动）',
    )
    .action(async (o: { from: string; ignoreKeyMismatch?: boolean }) => {
      const config = loadConfig();
      const fieldKey = findFieldKey(config.fieldKey, config.dataDir);
      const { database, close } = await openDatabaseForCommand(config, { asOwner: true });
      try {
        const r = await restoreCommand(database, o.from, {
          filesDir: path.join(config.dataDir, 'files'),
          fieldKey,
          ignoreKeyMismatch: o.ignoreKeyMismatch,
        });
        print(r.lines);
        if (!r.ok) process.exitCode = 1;
      } finally {
        await close();
      }
    });

  program
    .command('verify-audit')
    .description('校验审计日志哈希链，报告第一处断裂；并与审计锚点核对，发现末尾记录被删除')
    .option(
      '--anchor <file>',
      '另行保存的锚点文件或备份文件（可多次指定），与数据库和数据目录中的锚点一起核对',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(async (o: { anchor: string[] }) => {
      const config = loadConfig();
      const { database, close } = await openDatabaseForCommand(config);
      try {
        const r = await verifyAuditCommand(database.db, { dataDir: config.dataDir, anchorFiles: o.anchor });
        print(r.lines);
        if (!r.ok) process.exitCode = 1;
      } finally {
        await close();
      }
    });

  program
    .command('reindex-petitions')
    .description('重新计算全部信访件的全文检索词（分批进行，只更新有变化的）')
    .action(async () => {
      const { ctx, close } = await openForCommand();
      try {
        print(await reindexPetitionsCommand(ctx.db));
      } finally {
        await close();
      }
    });
}
