import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, scopeFilter } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { isoDay, text } from '../../platform/http/text.js';
import { orgs } from '../../platform/orgs/schema.js';
import { itemVisibility } from './access.js';
import { followUpVisits, rectificationItems } from './schema.js';

const required = (label: string, max: number) =>
  text().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const visitIn = z.strictObject({
  orgId: z.number({ message: '请选择单位' }).int().positive('请选择单位'),
  unitOrgId: z.number({ message: '请选择回访单位' }).int().positive('请选择回访单位'),
  visitedOn: isoDay('请填写回访日期'),
  visitors: z.array(required('回访人员', 60)).min(1, '请填写回访人员').max(20, '回访人员最多 20 人'),
  checked: required('检查内容', 2000),
  itemIds: z.array(z.number().int().positive('整改事项不正确')).max(100, '最多 100 项').default([]),
  result: required('回访结果', 2000),
});

/** 跟踪回访: who visited which unit, what was checked, the items it covered (the unit's own) and the result. */
export async function createVisit(opts: { ctx: AppContext; actor: Actor; input: z.infer<typeof visitIn> }) {
  const { ctx, actor, input } = opts;
  return ctx.db.transaction(async (tx) => {
    for (const field of ['orgId', 'unitOrgId'] as const)
      if (!(await orgInScope(tx, actor, input[field])))
        throw badRequest('单位不存在或不在您的管理范围内', { [field]: '单位不存在或不在您的管理范围内' });
    if (input.visitedOn > chinaDate(ctx.clock.now()))
      throw badRequest('回访日期不能晚于今天', { visitedOn: '回访日期不能晚于今天' });
    const ids = [...new Set(input.itemIds)];
    if (ids.length) {
      const found = await tx
        .select({ id: rectificationItems.id })
        .from(rectificationItems)
        .where(
          and(
            inArray(rectificationItems.id, ids),
            eq(rectificationItems.unitOrgId, input.unitOrgId),
            itemVisibility(actor),
          ),
        );
      if (found.length !== ids.length)
        throw badRequest('回访的整改事项须为该单位的整改事项', {
          itemIds: '回访的整改事项须为该单位的整改事项',
        });
    }
    const [row] = await tx
      .insert(followUpVisits)
      .values({ ...input, itemIds: ids, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, ctx.clock, actor, {
      action: 'econ_audit.visit',
      objectType: 'econ_audit_visit',
      objectId: row.id,
      detail: { unitOrgId: input.unitOrgId, visitedOn: input.visitedOn, items: ids.length },
    });
    return { ...row, createdAt: row.createdAt.toISOString() };
  });
}

export async function listVisits(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const rows = await ctx.db
    .select({ v: followUpVisits, unitName: orgs.name })
    .from(followUpVisits)
    .leftJoin(orgs, eq(orgs.id, followUpVisits.unitOrgId))
    .where(scopeFilter(actor, followUpVisits.orgId))
    .orderBy(desc(followUpVisits.visitedOn), desc(followUpVisits.id));
  return { items: rows.map(({ v, unitName }) => ({ ...v, createdAt: v.createdAt.toISOString(), unitName })) };
}
