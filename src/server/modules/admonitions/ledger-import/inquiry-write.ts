import { INQUIRY_CONCLUSIONS } from '../../../../domain/admonitions/inquiry-workflow.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { inquiryEvent } from '../events.js';
import { nextRecordCode } from '../record-code.js';
import { inquiries } from '../schema.js';
import type { GoodInquiryRow } from './inquiry-check.js';

/** Noon in China on a day: what the ledger's 背书日期 reads back as. */
const chinaNoon = (day: string) => new Date(`${day}T04:00:00Z`);

/**
 * Writes one concluded inquiry of a 函询台帐 as it was, inside the import's transaction: its dates,
 * the reply period of the rule on the day sent, the endorsement (by the principal's account when
 * it is here, else named in the note), the conclusion, and its timeline (发函, 回复, 背书, 结论)
 * marked as imported. Concluded, it has no to-do; a conclusion 诫勉 opens nothing — the admonition
 * is in the 诫勉台帐. Audited one by one.
 */
export async function writeImportedInquiry(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  g: GoodInquiryRow,
  meta: { jobId: number; rowNumber: number },
): Promise<number> {
  const { record: r, cadre } = g;
  const code = r.code ?? (await nextRecordCode(tx, 'inquiries', cadre.orgId, Number(r.sentOn.slice(0, 4))));
  const now = ctx.clock.now();
  const endorsed = r.endorsedOn !== null;
  const [row] = await tx
    .insert(inquiries)
    .values({
      orgId: cadre.orgId,
      cadreId: cadre.id,
      code,
      status: 'concluded',
      sourceKind: r.source,
      petitionId: g.petitionId,
      question: r.question,
      sentOn: r.sentOn,
      dueOn: g.dueOn,
      repliedOn: r.repliedOn,
      endorsedBy: endorsed ? g.endorserId : null,
      endorsedAt: r.endorsedOn ? chinaNoon(r.endorsedOn) : null,
      endorseNote: endorsed && !g.endorserId && r.endorser ? `背书人：${r.endorser}` : null,
      conclusion: r.conclusion,
      concludedOn: r.concludedOn,
      conclusionNote: r.conclusionNote,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const event = (action: string, occurredOn: string, note: string) =>
    inquiryEvent(tx, ctx, { inquiryId: row.id, action, occurredOn, userId: actor.userId, note });
  await event('send', r.sentOn, `台帐导入；回复期限 ${g.dueOn}`);
  await event('reply', r.repliedOn, '台帐导入：已回复');
  if (r.endorsedOn) await event('endorse', r.endorsedOn, `台帐导入：${r.endorser ?? ''}签字背书`);
  await event(
    'conclude',
    r.concludedOn,
    `${INQUIRY_CONCLUSIONS[r.conclusion]}${r.conclusionNote ? `：${r.conclusionNote}` : ''}`,
  );
  await recordAudit(tx, ctx.clock, actor, {
    action: 'inquiry.import',
    objectType: 'inquiry',
    objectId: row.id,
    detail: { code, conclusion: r.conclusion, jobId: meta.jobId, row: meta.rowNumber },
  });
  return row.id;
}
