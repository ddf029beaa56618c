import { recusedUsers } from '../access/recusal.js';
import type { Clock } from '../context.js';
import type { Queryable } from '../db/client.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { registerTask } from '../jobs/registry.js';
import type { Recipient } from './recipients.js';
import { notifications } from './schema.js';
import type { OutgoingMessage } from './senders.js';

export const EMAIL_JOB = 'notify.email';

export interface Message {
  title: string;
  body: string;
  link?: string | null;
  /**
   * The cadres of the record the message is about (a to-do's subject cadres). Users who must recuse
   * from them get nothing — no notification, no email — and the row keeps them, so a recusal
   * registered later hides it too.
   */
  subjectCadreIds?: number[];
}

/**
 * In-app notification to each recipient, and an email to those with an address. The email is a job
 * enqueued in the same transaction: sent (and retried) by the scheduler only if the change commits.
 * Every notification goes through here, so recusal is applied here once for all senders.
 */
export async function notifyUsers(
  db: Queryable,
  clock: Clock,
  recipients: Recipient[],
  msg: Message,
  opts: { email?: boolean } = {},
): Promise<void> {
  const subjectCadreIds = [...new Set(msg.subjectCadreIds ?? [])];
  const recused = await recusedUsers(
    db,
    recipients.map((r) => r.id),
    subjectCadreIds,
  );
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()].filter((r) => !recused.has(r.id));
  if (unique.length === 0) return;
  const now = clock.now();
  const link = msg.link ?? null;
  const rows = unique.map((r) => ({
    userId: r.id,
    title: msg.title,
    body: msg.body,
    link,
    subjectCadreIds,
    createdAt: now,
  }));
  await db.insert(notifications).values(rows);
  if (opts.email === false) return;
  for (const r of unique) {
    if (!r.email) continue;
    const payload: OutgoingMessage = { to: r.email, subject: `【监督】${msg.title}`, body: msg.body };
    await enqueueJob(db, clock, { name: EMAIL_JOB, payload });
  }
}

export function registerEmailTask(): void {
  registerTask<OutgoingMessage>({ name: EMAIL_JOB, run: (ctx, message) => ctx.senders.email.send(message) });
}
