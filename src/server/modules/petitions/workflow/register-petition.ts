import { eq } from 'drizzle-orm';
import { petitionSearchTokens } from '../../../../domain/petition-code.js';
import { intakeProblems } from '../../../../domain/petition-intake.js';
import type { Actor } from '../../../platform/access/actor.js';
import { orgInScope } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { badRequest, outOfScope } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { requireDictCode } from '../../cadres/dict-code.js';
import { sealReporter } from '../reporter-identity.js';
import { petitionEvents, petitionSubjects, petitions } from '../schema.js';
import { cadresUnderNotice } from '../under-notice.js';
import { resolveNamedCadres } from './named-cadres.js';
import { clockFacts, clockOf, type Petition, todayOf } from './petition-clock.js';
import { nextPetitionCode } from './petition-code.js';
import { openStepTodo } from './petition-todos.js';
import { type RegisterInput, registerBody } from './register-contract.js';
import { zodProblem } from './zod-problem.js';

/**
 * Registers a petition from any channel, inside the caller's transaction: the officer's form (actor
 * in scope of the org), the portal (actor null, channel online), the ledger import (`imported`,
 * historical dates) and an audit's 移送 (`sourceAuditId`, channel audit_referral). Seals the
 * reporter's identity, links the named cadres, marks it urgent when one of them is under public notice, starts the acceptance clock, opens the to-do and writes the
 * `register` event and the audit record (which never holds the identity).
 */
export async function registerPetition(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor | null,
  raw: RegisterInput,
): Promise<Petition> {
  const parsed = registerBody.safeParse(raw);
  if (!parsed.success) throw zodProblem(parsed.error);
  const input = parsed.data;
  const today = todayOf(ctx);
  const problems = intakeProblems({ ...input, reporterName: input.reporter?.name }, today);
  const first = Object.values(problems)[0];
  if (first) throw badRequest(first, problems);
  // 审计移送 cases are opened by the audit's referral (linked to it), or come from an earlier ledger
  if (input.channel === 'audit_referral' && !raw.sourceAuditId && !raw.imported)
    throw badRequest('审计移送件由审计项目登记移送成效时自动生成，请选择其他来源渠道', {
      channel: '审计移送件由审计项目登记移送成效时自动生成，请选择其他来源渠道',
    });

  const [org] = await tx.select().from(orgs).where(eq(orgs.id, input.orgId));
  if (!org) throw badRequest('承办单位不存在', { orgId: '承办单位不存在' });
  if (actor && !(await orgInScope(tx, actor, org.id))) throw outOfScope();
  if (input.category)
    await requireDictCode(tx, 'petition_category', input.category, 'category', '问题类别不正确');
  const named = await resolveNamedCadres(tx, org, input.subjects);

  const { name, ...contact } = input.reporter ?? {};
  const hasContact = Object.values(contact).some((v) => v);
  const reporterEnc = input.realName
    ? sealReporter(ctx.crypto, { ...contact, name: name! })
    : hasContact
      ? sealReporter(ctx.crypto, { ...contact, name: '匿名' })
      : null;

  const code =
    raw.imported && raw.code?.trim()
      ? raw.code.trim()
      : await nextPetitionCode(tx, org, Number(input.receivedOn.slice(0, 4)));
  const cadreIds = named.flatMap((n) => (n.cadreId ? [n.cadreId] : []));
  const urgent = !raw.imported && (await cadresUnderNotice(tx, cadreIds, today)).size > 0;
  const isAssigned = input.channel === 'assigned';
  const base = {
    orgId: org.id,
    code,
    channel: input.channel,
    visitors: input.channel === 'visit' ? input.visitors! : null,
    receivedOn: input.receivedOn,
    assignedBy: isAssigned ? input.assignedBy! : null,
    assignedRef: isAssigned ? input.assignedRef! : null,
    assignedDueOn: isAssigned ? input.assignedDueOn! : null,
    transferredFrom: input.channel === 'transferred' ? input.transferredFrom! : null,
    realName: input.realName,
    reporterEnc,
    title: input.title,
    content: input.content,
    category: input.category || null,
    searchTokens: petitionSearchTokens(
      { code, title: input.title, content: input.content },
      named.map((n) => n.name),
    ),
    status: 'registered',
    urgent,
    imported: !!raw.imported,
    sourceAuditId: input.channel === 'audit_referral' ? (raw.sourceAuditId ?? null) : null,
    receiptDigest: raw.receiptDigest ?? null,
    createdBy: actor?.userId ?? null,
    extensionDays: 0,
    acceptedOn: null,
    approvedOn: null,
    reviewRequestedOn: null,
  };
  const clock = await clockOf(ctx, clockFacts(base as Petition));
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(petitions)
    .values({ ...base, ...clock, createdAt: now, updatedAt: now })
    .returning();
  if (named.length)
    await tx.insert(petitionSubjects).values(named.map((n) => ({ ...n, petitionId: row.id })));
  await tx.insert(petitionEvents).values({
    petitionId: row.id,
    action: 'register',
    toStatus: 'registered',
    occurredOn: input.receivedOn,
    userId: actor?.userId ?? null,
    note: urgent ? '反映对象正在任前公示期内，列为紧急件' : null,
    createdAt: now,
  });
  await openStepTodo(tx, ctx, row);
  await recordAudit(tx, ctx.clock, actor, {
    action: 'petition.register',
    objectType: 'petition',
    objectId: row.id,
    detail: { code, channel: input.channel, orgId: org.id, urgent, imported: !!raw.imported },
  });
  return row;
}
