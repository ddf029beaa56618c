import { and, eq } from 'drizzle-orm';
import {
  type InquiryAction,
  type InquiryStatus,
  inquiryTransition,
} from '../../../domain/admonitions/inquiry-workflow.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import type { Inquiry } from './access.js';
import { moveInquiryTodo } from './inquiry-todos.js';
import { inquiries } from './schema.js';

/** Checks version and transition, writes the change under the version and moves the to-do. */
export async function stepInquiry(
  tx: Queryable,
  ctx: AppContext,
  i: Inquiry,
  version: number,
  action: InquiryAction,
  change: Partial<Inquiry>,
): Promise<Inquiry> {
  const step = inquiryTransition(i.status as InquiryStatus, action);
  if ('error' in step) throw unprocessable(step.error);
  if (i.version !== version) throw conflict();
  const [saved] = await tx
    .update(inquiries)
    .set({ ...change, status: step.to, version: i.version + 1, updatedAt: ctx.clock.now() })
    .where(and(eq(inquiries.id, i.id), eq(inquiries.version, i.version)))
    .returning();
  if (!saved) throw conflict();
  await moveInquiryTodo(tx, ctx, saved);
  return saved;
}
