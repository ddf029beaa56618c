import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { addDays } from '../../domain/calendar.js';
import { leadingZeroBits } from '../../domain/proof-of-work.js';
import { answerObjection } from '../../server/modules/openness/objections/answer-objection.js';
import { disclosureObjections } from '../../server/modules/openness/objections/schema.js';
import { submitObjection } from '../../server/modules/openness/objections/submit-objection.js';
import { sweepOverdueObjections } from '../../server/modules/openness/objections/sweep-objections.js';
import { disclosures } from '../../server/modules/openness/schema.js';
import { issueChallenge } from '../../server/modules/petitions/portal/challenge.js';
import type { Actor } from '../../server/platform/access/actor.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Tx } from '../../server/platform/db/client.js';

/** The portal's anti-bot challenge answered the way the browser's worker answers it. */
function solvedChallenge(ctx: AppContext) {
  const { token, difficulty } = issueChallenge(ctx);
  for (let counter = 0; ; counter++) {
    const digest = createHash('sha256').update(`${token}${counter}`, 'latin1').digest();
    if (leadingZeroBits(digest) >= difficulty) return { token, counter };
  }
}

/**
 * Villagers' objections (村民异议) to 大兴镇's published items, sent from the portal a few days after
 * publication: [item title, days after publication, the text, days after receipt the unit answers,
 * or `late`: after the deadline, once the township's 督办 has escalated it].
 */
const OBJECTIONS: [string, number, string, number | 'late', string][] = [
  [
    '红旗村2025-07村级财务收支公开',
    3,
    '7月份道路维修支出 1800 元，具体修的是哪一段路？请村里说明。',
    2,
    '经核对，该款用于村东头至小学路段的坑洼修补，施工合同和票据可到村委会查阅。',
  ],
  [
    '东风村2025-10村级财务收支公开',
    4,
    '办公费比上个月多了不少，想了解一下都买了什么。',
    'late',
    '经村务监督委员会核对，办公费含复印机维修 180 元，相关票据已在公开栏补充张贴。',
  ],
  [
    '柳湾村2025-Q2村务一般事项公开',
    2,
    '公开栏上的低保名单没有写评议时间，请补充。',
    4,
    '低保评议于 2025 年 5 月 16 日召开村民代表会议进行，已在公开栏补充评议时间和参会人数。',
  ],
];

/** Returns how many objections, and how many of them were answered after their deadline. */
export async function opennessObjectionsDemo(tx: Tx, day: (on: string) => AppContext, officer: Actor) {
  let late = 0;
  for (const [title, after, text, answerAfter, answer] of OBJECTIONS) {
    const [item] = await tx
      .select({ id: disclosures.id, publishedOn: disclosures.publishedOn })
      .from(disclosures)
      .where(and(eq(disclosures.title, title), eq(disclosures.status, 'published')));
    if (!item?.publishedOn) throw new Error(`演示数据缺少已公开事项：${title}`);
    const receivedOn = addDays(item.publishedOn, after);
    const ctx = day(receivedOn);
    const sent = await submitObjection(ctx, item.id, {
      text,
      challenge: solvedChallenge(ctx),
      idempotencyKey: `demo-objection-${item.id}-${receivedOn}`,
    });
    const [row] = await tx
      .select({ id: disclosureObjections.id, version: disclosureObjections.version })
      .from(disclosureObjections)
      .where(eq(disclosureObjections.disclosureId, item.id));
    let answeredOn = addDays(receivedOn, answerAfter === 'late' ? 0 : answerAfter);
    if (answerAfter === 'late') {
      await sweepOverdueObjections(day(addDays(sent.dueOn, 1)));
      answeredOn = addDays(sent.dueOn, 4);
      late++;
    }
    await answerObjection({
      ctx: day(answeredOn),
      actor: officer,
      id: row.id,
      input: { answer, version: row.version },
    });
  }
  return { objections: OBJECTIONS.length, late };
}
