import { and, eq } from 'drizzle-orm';
import { type DisclosureStatus, disclosureTransition } from '../../../domain/openness/review.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import { loadDisclosure, loadUnit } from './access.js';
import type { ScheduleInput } from './contract.js';
import { disclosureEvent } from './events.js';
import { getDisclosure } from './get-disclosure.js';
import { disclosures } from './schema.js';

const fmt = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
    hour12: false,
  }).format(d);

/**
 * 定时公开: an item that could be published now (a village's once the committee approved it) is set
 * to be published at a later time by the `disclosure.publish_scheduled` job; `publishAt` null
 * cancels. Editing the draft cancels it too.
 */
export async function scheduleDisclosure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: ScheduleInput;
}) {
  const { ctx, actor, id, input } = opts;
  await ctx.db.transaction(async (tx) => {
    const row = await loadDisclosure(tx, actor, id, true);
    const unit = (await loadUnit(tx, row.orgId))!;
    const step = disclosureTransition(row.status as DisclosureStatus, 'publish', unit.kind === 'village');
    if ('problem' in step)
      throw unprocessable(step.problem.message, { [step.problem.field]: step.problem.message });
    const at = input.publishAt ? new Date(input.publishAt) : null;
    if (at && at.getTime() <= ctx.clock.now().getTime()) {
      const m = '定时公开的时间须晚于现在';
      throw unprocessable(m, { publishAt: m });
    }
    if (!at && !row.publishAt) {
      const m = '该事项没有定时公开';
      throw unprocessable(m, { publishAt: m });
    }
    const [saved] = await tx
      .update(disclosures)
      .set({
        publishAt: at,
        scheduledBy: at ? actor.userId : null,
        version: input.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(disclosures.id, id), eq(disclosures.version, input.version)))
      .returning({ id: disclosures.id });
    if (!saved) throw conflict();
    const note = at ? `定于 ${fmt(at)} 公开` : '取消定时公开';
    await disclosureEvent(tx, ctx, {
      disclosureId: id,
      action: at ? 'schedule' : 'unschedule',
      fromStatus: row.status,
      toStatus: row.status,
      note,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx.clock, actor, {
      action: 'disclosure.schedule',
      objectType: 'disclosure',
      objectId: id,
      detail: { title: row.title, publishAt: at?.toISOString() ?? null },
    });
  });
  return getDisclosure({ ctx, actor, id });
}
