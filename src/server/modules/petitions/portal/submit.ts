import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/http/errors.js';
import { petitionAttachments, petitions, portalSubmissions } from '../schema.js';
import { noticeSubject } from '../under-notice.js';
import { todayOf } from '../workflow/petition-clock.js';
import { registerPetition } from '../workflow/register-petition.js';
import { checkAttachments, keepAttachments, publicAttachmentRows } from './attachments.js';
import { checkAnswer, refusedCheck, spendChallenge } from './challenge.js';
import { submissionInput } from './contract.js';
import { formProblem } from './form-problem.js';
import { portalOrg } from './portal-options.js';
import { publicStatus } from './public-status.js';
import type { PortalForm } from './read-form.js';
import { newReceipt } from './receipt.js';
import { recallReceipt, rememberReceipt } from './recent-receipts.js';

/**
 * A report from the public portal. Checked in order: the form, the hidden field, a resend of a
 * form already registered (answered as a duplicate: one record per form), the anti-bot answer,
 * the files by content (nothing written); then, in one transaction serialised per form key, the
 * challenge is spent, the files kept, the petition registered (channel online, no actor), the
 * files attached and the form key kept.
 * The receipt code is returned once; only its keyed digest is stored.
 */
export async function submitReport(ctx: AppContext, form: PortalForm) {
  const parsed = submissionInput.safeParse(form.data);
  if (!parsed.success) throw formProblem(parsed.error);
  const input = parsed.data;
  if (input.website?.trim()) throw refusedCheck();
  const key = ctx.crypto.digest(`portal-form|${input.idempotencyKey}`);
  const at = { keyDigest: key, formKey: input.idempotencyKey };
  const earlier = await duplicateOf(ctx, ctx.db, at);
  if (earlier) return earlier;

  const answer = checkAnswer(ctx, input.challenge);
  const org = await portalOrg(ctx.db, input.orgId);
  if (!org) throw badRequest('请选择受理乡镇', { orgId: '请选择受理乡镇' });
  const checked = checkAttachments(form.files);
  // a report from a 任前公示 page names the person under notice (the interlock reads the link)
  const named = input.notice ? await noticeSubject(ctx.db, input.notice, todayOf(ctx)) : null;
  if (input.notice && (!named || named.orgId !== org.id))
    throw badRequest('该任前公示已结束或不存在', { notice: '该任前公示已结束或不存在' });

  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jiandu.portal_form'), hashtext(${key}))`);
    const raced = await duplicateOf(ctx, tx, at);
    if (raced) return raced;
    await spendChallenge(tx, ctx, answer);
    // only now, with the challenge spent, is anything written: a replay stores no file
    const stored = await keepAttachments(ctx, checked);
    const receipt = newReceipt(ctx);
    const petition = await registerPetition(tx, ctx, null, {
      orgId: org.id,
      channel: 'online',
      receivedOn: todayOf(ctx),
      realName: !input.anonymous,
      reporter: input.anonymous ? null : input.reporter,
      title: input.title,
      content: input.content,
      category: input.category || null,
      subjects: [
        ...(named ? [{ cadreId: named.cadreId, name: named.name, unitText: named.unitText }] : []),
        ...input.subjects.map((s) => ({ name: s.name, unitText: s.unitText ?? null })),
      ],
      receiptDigest: receipt.digest,
    });
    if (stored.length)
      await tx.insert(petitionAttachments).values(publicAttachmentRows(petition.id, stored, ctx.clock.now()));
    await tx.insert(portalSubmissions).values({ key, petitionId: petition.id, createdAt: ctx.clock.now() });
    await rememberReceipt(tx, ctx, at, receipt.code);
    return {
      duplicate: false,
      receiptCode: receipt.code,
      orgName: org.name,
      status: await publicStatus(ctx, petition, tx),
    };
  });
}

/** The answer to a resend of a form already registered: its status, and its code while remembered. */
async function duplicateOf(ctx: AppContext, db: Queryable, at: { keyDigest: string; formKey: string }) {
  const [hit] = await db
    .select({ petition: petitions })
    .from(portalSubmissions)
    .innerJoin(petitions, eq(petitions.id, portalSubmissions.petitionId))
    .where(eq(portalSubmissions.key, at.keyDigest));
  if (!hit) return null;
  const org = await portalOrg(db, hit.petition.orgId);
  return {
    duplicate: true,
    receiptCode: await recallReceipt(db, ctx, at),
    orgName: org?.name ?? '',
    status: await publicStatus(ctx, hit.petition, db),
  };
}
