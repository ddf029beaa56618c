import type { AdmonitionKind, AdmonitionSource } from '../../../domain/admonitions/admonition-workflow.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { loadCadre } from '../cadres/load-cadre.js';
import type { Admonition } from './access.js';
import type { TalkInput } from './contract.js';
import { admonitionEvent } from './events.js';
import { nextRecordCode } from './record-code.js';
import { talkIn } from './record-talk.js';
import { admonitions } from './schema.js';
import { checkStepDate, moveAdmonitionTodo, todayOf } from './tracking.js';

export interface OpenAdmonitionInput {
  cadreId: number;
  /** 诫勉谈话 (default) or the lighter 提醒谈话 (no tracking, no effect on promotion). */
  kind?: AdmonitionKind;
  /** Where it comes from, and the record that led to it where it is in the system. */
  source: { kind: AdmonitionSource; refType?: string | null; refId?: number | null; note?: string | null };
  reason: string;
  /** The day it is decided (default: today); never in the future. */
  openedOn?: string;
  /** The officer who runs the tracking (default: the caller). */
  responsibleUserId?: number | null;
  /** The talk, when it was held at once. */
  talk?: TalkInput;
}

/**
 * Opens an admonition inside the caller's transaction — the one way in for the officers' route,
 * an inquiry's 诫勉 conclusion, the accountability register's 诫勉 sanction and the demo. Checks
 * the cadre is in the caller's scope (and not recused), numbers it, writes its 'open' event, its
 * to-do and its audit record, and records the talk when given. Uses only `tx`.
 */
export async function openAdmonition(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: OpenAdmonitionInput,
): Promise<Admonition> {
  const cadre = await loadCadre(tx, actor, input.cadreId);
  const openedOn = input.openedOn ?? todayOf(ctx);
  checkStepDate(ctx, 'openedOn', '立项日期', openedOn, { on: null, label: '' });
  const reason = input.reason.trim();
  if (!reason) throw badRequest('请填写诫勉事由', { reason: '请填写诫勉事由' });
  if ((input.source.refType == null) !== (input.source.refId == null))
    throw badRequest('来源记录须同时给出类型和编号', { source: '来源记录须同时给出类型和编号' });
  const code = await nextRecordCode(tx, 'admonitions', cadre.orgId, Number(openedOn.slice(0, 4)));
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(admonitions)
    .values({
      orgId: cadre.orgId,
      cadreId: cadre.id,
      code,
      kind: input.kind ?? 'admonition',
      status: 'pending_talk',
      sourceKind: input.source.kind,
      sourceRefType: input.source.refType ?? null,
      sourceRefId: input.source.refId ?? null,
      reason,
      openedOn,
      responsibleUserId: input.responsibleUserId ?? actor.userId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await admonitionEvent(tx, ctx, {
    admonitionId: row.id,
    action: 'open',
    occurredOn: openedOn,
    userId: actor.userId,
    note: input.source.note ?? `来源：${input.source.kind}`,
  });
  await recordAudit(tx, ctx.clock, actor, {
    action: 'admonition.open',
    objectType: 'admonition',
    objectId: row.id,
    detail: {
      code,
      kind: row.kind,
      source: input.source.kind,
      refType: row.sourceRefType,
      refId: row.sourceRefId,
    },
  });
  if (!input.talk) {
    await moveAdmonitionTodo(tx, ctx, row);
    return row;
  }
  return talkIn(tx, ctx, actor, row, input.talk);
}
