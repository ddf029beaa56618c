import { and, asc, eq, isNull } from 'drizzle-orm';
import { DAY_MS } from '../../../domain/todo-due.js';
import type { AppContext } from '../context.js';
import { registerJob } from '../jobs/registry.js';
import { orgs } from '../orgs/schema.js';
import { completeTodos } from '../todos/close-todos.js';
import { createTodo } from '../todos/create-todo.js';
import { registerTodoRecordType } from '../todos/record-types.js';
import { todos } from '../todos/schema.js';
import { applyRetention, makeBackup } from './live-backup.js';

export const BACKUP_JOB = 'backup.nightly';
/** 02:00 China time (18:00 UTC), when nobody works. */
export const BACKUP_OFFSET_MS = 18 * 3_600_000;
/** The to-do that tells the system administrator the nightly backup failed (one open at a time). */
export const BACKUP_TODO = { recordType: 'backup', recordId: 'nightly' };
registerTodoRecordType(BACKUP_TODO.recordType, 'backup.manage');

/**
 * The nightly backup: made, verified, anchored, then old copies removed by the retention rules
 * (`backup.keep_days`, `backup.keep_min`). A failure puts a to-do on the system administrators'
 * list (and the scheduler retries); the next good night moves it to 已办.
 */
export async function nightlyBackup(ctx: AppContext): Promise<void> {
  try {
    const record = await makeBackup(ctx, { kind: 'scheduled' });
    if (!record.verified) throw new Error(`备份文件 ${record.name} 校验未通过：${record.problem}`);
    const keepDays = await ctx.rules.value<number>('backup.keep_days');
    const keepMin = await ctx.rules.value<number>('backup.keep_min');
    applyRetention(ctx, ctx.clock.now(), keepDays, keepMin);
    await completeTodos(ctx.db, ctx.clock, BACKUP_TODO);
  } catch (e) {
    await reportFailure(ctx, e instanceof Error ? e.message : String(e));
    throw e;
  }
}

async function reportFailure(ctx: AppContext, message: string): Promise<void> {
  const [root] = await ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(isNull(orgs.parentId), isNull(orgs.deletedAt)))
    .orderBy(asc(orgs.id))
    .limit(1);
  if (!root) return; // nobody to tell yet: no org, so no administrator
  await ctx.db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: todos.id })
      .from(todos)
      .where(
        and(
          eq(todos.recordType, BACKUP_TODO.recordType),
          eq(todos.recordId, BACKUP_TODO.recordId),
          eq(todos.status, 'open'),
        ),
      );
    if (open) return;
    await createTodo(tx, ctx.clock, {
      title: `自动备份失败，请检查：${message}`.slice(0, 200),
      ...BACKUP_TODO,
      link: '/backups',
      orgId: root.id,
      assigneeRole: 'sys_admin',
    });
  });
}

export function registerBackupJobs(): void {
  registerJob({
    name: BACKUP_JOB,
    everyMs: DAY_MS,
    offsetMs: BACKUP_OFFSET_MS,
    run: (ctx) => nightlyBackup(ctx),
  });
}
