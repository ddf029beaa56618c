import { INQUIRY_CONCLUSIONS, type InquiryConclusion } from '../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { forbidden } from '../../platform/http/errors.js';
import { loadInquiry } from './access.js';
import { inquiryEvent } from './events.js';
import { stepInquiry } from './inquiry-step.js';
import { openAdmonition } from './open-admonition.js';
import { petitionNote, returnToPetition } from './petition-link.js';
import { todayOf } from './tracking.js';

/**
 * The conclusion: 了结澄清; 予以提醒 (opens a 提醒谈话) or 诫勉 (opens an admonition) through
 * openAdmonition, linked both ways; 初步核实 hands the petition back to its handlers. The petition
 * (when there is one) gets the result on its history, for its reply to the reporter. One transaction.
 */
export async function concludeInquiry(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; conclusion: InquiryConclusion; note: string };
  tx?: Queryable;
}): Promise<number> {
  const { ctx, actor, id, input, tx: outer } = opts;
  const today = todayOf(ctx);
  const body = async (tx: Queryable) => {
    const i = await loadInquiry(tx, actor, id, true);
    const opens = input.conclusion === 'admonition' || input.conclusion === 'reminder';
    if (opens && !actor.permissions.has('admonition.manage'))
      throw forbidden('作出诫勉或提醒结论须有实施谈话诫勉的权限');
    const admonition = opens
      ? await openAdmonition(tx, ctx, actor, {
          cadreId: i.cadreId,
          kind: input.conclusion === 'reminder' ? 'reminder' : 'admonition',
          source: { kind: '函询', refType: 'inquiry', refId: i.id, note: `函询 ${i.code} 结论` },
          reason: input.note,
          openedOn: today,
        })
      : null;
    await stepInquiry(tx, ctx, i, input.version, 'conclude', {
      conclusion: input.conclusion,
      concludedOn: today,
      conclusionNote: input.note,
      admonitionId: admonition?.id ?? null,
    });
    const label = INQUIRY_CONCLUSIONS[input.conclusion];
    await inquiryEvent(tx, ctx, {
      inquiryId: i.id,
      action: 'conclude',
      occurredOn: today,
      userId: actor.userId,
      note: `${label}${admonition ? `（${admonition.code}）` : ''}：${input.note}`,
    });
    if (i.petitionId) {
      await petitionNote(tx, ctx, i.petitionId, {
        action: 'inquiry_concluded',
        on: today,
        userId: actor.userId,
        note: `函询 ${i.code} 结论：${label}`,
      });
      if (input.conclusion === 'preliminary_check') await returnToPetition(tx, ctx, i.petitionId, i.code);
    }
    await recordAudit(tx, ctx.clock, actor, {
      action: 'inquiry.conclude',
      objectType: 'inquiry',
      objectId: i.id,
      detail: { code: i.code, conclusion: input.conclusion, admonitionId: admonition?.id ?? null },
    });
  };
  if (outer) await body(outer);
  else await ctx.db.transaction(body);
  return id;
}
