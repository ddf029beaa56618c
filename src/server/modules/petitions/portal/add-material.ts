import { materialProblem } from '../../../../domain/petition-public.js';
import type { PetitionStatus } from '../../../../domain/petition-workflow.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { badRequest, unprocessable } from '../../../platform/http/errors.js';
import { petitionAttachments, petitionEvents } from '../schema.js';
import { todayOf } from '../workflow/petition-clock.js';
import { checkAttachments, keepAttachments, publicAttachmentRows } from './attachments.js';
import { materialInput } from './contract.js';
import { formProblem } from './form-problem.js';
import { publicStatus } from './public-status.js';
import type { PortalForm } from './read-form.js';
import { petitionByCode } from './receipt.js';

/**
 * The reporter adds material with the receipt code: text and/or files, kept as a `material` event
 * (the text in its note, for the officer's timeline) and attachments marked as from the public.
 * Refused once the case is concluded or declined, except while a review is running.
 */
export async function addMaterial(ctx: AppContext, ip: string, form: PortalForm) {
  const parsed = materialInput.safeParse(form.data);
  if (!parsed.success) throw formProblem(parsed.error);
  const text = parsed.data.text?.trim() ?? '';
  if (!text && !form.files.length)
    throw badRequest('请填写补充内容或选择附件', { text: '请填写补充内容或选择附件' });
  const petition = await petitionByCode(ctx, ip, parsed.data.code);
  const problem = materialProblem(petition.status as PetitionStatus);
  if (problem) throw unprocessable(problem);
  const checked = checkAttachments(form.files);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const stored = await keepAttachments(ctx, checked);
    const names = stored.map((f) => f.fileName).join('、');
    await tx.insert(petitionEvents).values({
      petitionId: petition.id,
      action: 'material',
      fromStatus: petition.status,
      toStatus: petition.status,
      occurredOn: todayOf(ctx),
      note: [text, names && `附件：${names}`].filter(Boolean).join('\n'),
      createdAt: now,
    });
    if (stored.length)
      await tx.insert(petitionAttachments).values(publicAttachmentRows(petition.id, stored, now));
    await recordAudit(tx, ctx.clock, null, {
      action: 'petition.material',
      objectType: 'petition',
      objectId: petition.id,
      detail: { code: petition.code, files: stored.length },
    });
    return publicStatus(ctx, petition, tx);
  });
}
