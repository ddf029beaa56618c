import { registerJob } from '../jobs/registry.js';
import { registerEmailTask } from './notify.js';
import { sweepReminders } from './reminder-sweep.js';

export const REMINDER_JOB = 'todo.reminders';

/** The reminder sweep every 5 minutes, and the email sender job it enqueues. */
export function registerTodoJobs(): void {
  registerJob({
    name: REMINDER_JOB,
    everyMs: 5 * 60_000,
    run: async (ctx) => {
      await sweepReminders(ctx);
    },
  });
  registerEmailTask();
}
