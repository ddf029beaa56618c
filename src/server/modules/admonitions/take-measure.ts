import { ORG_MEASURES, type OrgMeasure } from '../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { admonitionStep } from './admonition-step.js';
import { admonitionEvent } from './events.js';
import { saveAdmonition } from './save-admonition.js';
import { checkStepDate } from './tracking.js';

/**
 * 组织措施 for a cadre who did poorly during the tracking (调离岗位, 免职, 降职): ends the tracking;
 * the measure blocks promotion from its day for its own rule period (org_measure.<kind>).
 */
export function takeMeasure(opts: {
  ctx: AppContext;
  actor: Actor;
  id: number;
  input: { version: number; on: string; measure: OrgMeasure; note: string };
  tx?: Queryable;
}) {
  const { ctx, actor, id, input, tx: outer } = opts;
  return admonitionStep(
    ctx,
    actor,
    id,
    input.version,
    'measure',
    async (tx, a) => {
      checkStepDate(ctx, 'on', '组织措施决定日期', input.on, { on: a.talkOn, label: '谈话日期' });
      await saveAdmonition(tx, ctx, a, {
        status: 'measures',
        measureKind: input.measure,
        measureOn: input.on,
        endNote: input.note,
        nextCheckInOn: null,
      });
      await admonitionEvent(tx, ctx, {
        admonitionId: a.id,
        action: 'measure',
        occurredOn: input.on,
        note: `${ORG_MEASURES[input.measure]}：${input.note}`,
        userId: actor.userId,
        detail: { measure: input.measure },
      });
      await recordAudit(tx, ctx.clock, actor, {
        action: 'admonition.measure',
        objectType: 'admonition',
        objectId: a.id,
        detail: { code: a.code, on: input.on, measure: input.measure },
      });
    },
    outer,
  );
}
