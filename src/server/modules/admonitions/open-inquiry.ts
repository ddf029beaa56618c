import type { InquirySource } from '../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { loadCadre } from '../cadres/load-cadre.js';
import type { Inquiry } from './access.js';
import { inquiryEvent } from './events.js';
import { moveInquiryTodo } from './inquiry-todos.js';
import { checkPetitionForInquiry, petitionNote } from './petition-link.js';
import { nextRecordCode } from './record-code.js';
import { inquiries } from './schema.js';
import { checkStepDate, todayOf } from './tracking.js';

export interface OpenInquiryInput {
  cadreId: number;
  sourceKind: InquirySource;
  /** A petition under 谈话函询 that names the cadre. */
  petitionId?: number | null;
  question: string;
  sentOn?: string;
}

/**
 * 发函: numbers the inquiry, sets the reply's last day (inquiry.reply working days on the calendar,
 * by the rule in force on the day it is sent), links the petition both ways, gives the cadre the
 * to-do to reply and audits it — inside the caller's transaction.
 */
export async function openInquiryIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: OpenInquiryInput,
): Promise<Inquiry> {
  const cadre = await loadCadre(tx, actor, input.cadreId);
  const sentOn = input.sentOn ?? todayOf(ctx);
  checkStepDate(ctx, 'sentOn', '发函日期', sentOn, { on: null, label: '' });
  if (input.petitionId && input.sourceKind !== '信访')
    throw badRequest('由信访件发出的函询，来源应为信访', { sourceKind: '由信访件发出的函询，来源应为信访' });
  const petition = input.petitionId
    ? await checkPetitionForInquiry(tx, actor, input.petitionId, cadre.id, sentOn)
    : null;
  const days = await ctx.rules.value<number>('inquiry.reply', sentOn);
  const dueOn = await ctx.calendar.addWorkingDays(sentOn, days);
  const code = await nextRecordCode(tx, 'inquiries', cadre.orgId, Number(sentOn.slice(0, 4)));
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(inquiries)
    .values({
      orgId: cadre.orgId,
      cadreId: cadre.id,
      code,
      status: 'sent',
      sourceKind: input.sourceKind,
      petitionId: petition?.id ?? null,
      question: input.question.trim(),
      sentOn,
      dueOn,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await inquiryEvent(tx, ctx, {
    inquiryId: row.id,
    action: 'send',
    occurredOn: sentOn,
    userId: actor.userId,
    note: `回复期限 ${dueOn}（${days} 个工作日）${petition ? `；信访件 ${petition.code}` : ''}`,
  });
  if (petition)
    await petitionNote(tx, ctx, petition.id, {
      action: 'inquiry',
      on: sentOn,
      userId: actor.userId,
      note: `已向${cadre.name}发出函询 ${code}，回复期限 ${dueOn}`,
    });
  await moveInquiryTodo(tx, ctx, row);
  await recordAudit(tx, ctx.clock, actor, {
    action: 'inquiry.open',
    objectType: 'inquiry',
    objectId: row.id,
    detail: { code, cadreId: cadre.id, petitionId: petition?.id ?? null, dueOn },
  });
  return row;
}

export async function openInquiry(opts: { ctx: AppContext; actor: Actor; input: OpenInquiryInput }) {
  const { ctx, actor, input } = opts;
  const row = await ctx.db.transaction((tx) => openInquiryIn(tx, ctx, actor, input));
  return row.id;
}
