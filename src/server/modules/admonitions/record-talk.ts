import {
  type AdmonitionKind,
  type AdmonitionStatus,
  admonitionTransition,
} from '../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, unprocessable } from '../../platform/http/errors.js';
import { type Admonition, loadAdmonition } from './access.js';
import type { TalkInput } from './contract.js';
import { admonitionEvent } from './events.js';
import { saveAdmonition } from './save-admonition.js';
import { checkStepDate, planFor } from './tracking.js';

/**
 * The talk (谈话) inside the caller's transaction: at least the rule's number of talkers
 * (admonition.min_talkers on the talk's day), a date between the opening and today; an 诫勉谈话
 * then starts its tracking, planned on that day's rules and calendar; a 提醒谈话 ends with it.
 */
export async function talkIn(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  a: Admonition,
  input: TalkInput,
): Promise<Admonition> {
  const step = admonitionTransition(a.kind as AdmonitionKind, a.status as AdmonitionStatus, 'talk');
  if ('error' in step) throw unprocessable(step.error);
  checkStepDate(ctx, 'talkOn', '谈话日期', input.talkOn, { on: a.openedOn, label: '立项日期' });
  if (input.acknowledgedOn)
    checkStepDate(ctx, 'acknowledgedOn', '签字确认日期', input.acknowledgedOn, {
      on: input.talkOn,
      label: '谈话日期',
    });
  const talkers = [...new Set(input.talkers)];
  const min = await ctx.rules.inForce<number>('admonition.min_talkers', input.talkOn);
  if (talkers.length < min.value) {
    const message = `谈话人不少于 ${min.value} 名（${min.name}，${min.source}），现有 ${talkers.length} 名`;
    throw badRequest(message, { talkers: message });
  }
  const plan = step.to === 'tracking' ? await planFor(ctx, input.talkOn) : null;
  const saved = await saveAdmonition(tx, ctx, a, {
    status: step.to,
    talkOn: input.talkOn,
    talkPlace: input.place,
    talkers,
    talkRecord: input.record,
    cadreStatement: input.cadreStatement ?? null,
    acknowledgedOn: input.acknowledgedOn ?? null,
    trackingEndsOn: plan?.endsOn ?? null,
    checkInDates: plan?.checkIns ?? [],
    reportDates: plan?.reports ?? [],
    nextCheckInOn: plan?.checkIns[0] ?? null,
    decideBy: plan?.decideBy ?? null,
  });
  const note = `谈话人：${talkers.join('、')}；地点：${input.place}`;
  await admonitionEvent(tx, ctx, {
    admonitionId: a.id,
    action: 'talk',
    occurredOn: input.talkOn,
    userId: actor.userId,
    note,
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'admonition.talk',
    objectType: 'admonition',
    objectId: a.id,
    detail: {
      code: a.code,
      talkOn: input.talkOn,
      talkers: talkers.length,
      trackingEndsOn: plan?.endsOn ?? null,
    },
  });
  return saved;
}

/** POST /admonitions/:id/talk */
export async function recordTalk(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: TalkInput & { version: number };
}): Promise<number> {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const a = await loadAdmonition(tx, actor, id, true);
    if (a.version !== input.version) throw conflict();
    const { version: _v, ...talk } = input;
    await talkIn(tx, ctx, actor, a, talk);
  });
  return id;
}
