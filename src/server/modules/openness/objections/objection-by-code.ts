import { eq } from 'drizzle-orm';
import { normalizeReceiptCode } from '../../../../domain/receipt-code.js';
import type { AppContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { countWrongCode, refuseIfGuessing } from '../../petitions/portal/throttle.js';
import { disclosures } from '../schema.js';
import { disclosureObjections as o } from './schema.js';
import { objectionDigest } from './submit-objection.js';

export const NO_SUCH_OBJECTION = '未找到该查询码对应的异议';

/**
 * What the villager reads with the receipt code: the objection, its deadline and the unit's answer.
 * Wrong codes count against the address as the petitions' do (the same throttle), one answer for all.
 */
export async function objectionByCode(ctx: AppContext, ip: string, code: string) {
  await refuseIfGuessing(ctx, ip);
  const canonical = normalizeReceiptCode(code);
  const digest = objectionDigest(ctx, canonical ?? `invalid|${code.slice(0, 64)}`);
  const [row] = await ctx.db
    .select({ o, title: disclosures.title, status: disclosures.status, orgName: orgs.name })
    .from(o)
    .innerJoin(disclosures, eq(disclosures.id, o.disclosureId))
    .innerJoin(orgs, eq(orgs.id, o.orgId))
    .where(eq(o.receiptDigest, digest));
  if (!row || !canonical) {
    await countWrongCode(ctx, ip);
    throw notFound(NO_SUCH_OBJECTION);
  }
  return {
    itemId: row.o.disclosureId,
    // a withdrawn item's title is no longer public
    itemTitle: row.status === 'published' ? row.title : '（该公开事项已撤回）',
    orgName: row.orgName,
    text: row.o.text,
    receivedOn: row.o.receivedOn,
    dueOn: row.o.dueOn,
    answer: row.o.answer,
    answeredOn: row.o.answeredOn,
  };
}
