import { asc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { loadCadre } from '../load-cadre.js';
import { collectRecords } from '../providers.js';
import { familyMembers, tenures } from '../schema.js';
import { serializeLrmx } from './serialize.js';

/**
 * A cadre's 干部任免审批表 as an .lrmx file, with the full ID number (the form carries it):
 * 奖惩情况 and 年度考核结果 from the system's records where there are any. Audited.
 */
export async function exportLrmx(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const cadre = await loadCadre(ctx.db, actor, id);
  const posts = await ctx.db
    .select({
      title: tenures.title,
      orgName: orgs.name,
      startDate: tenures.startDate,
      endDate: tenures.endDate,
    })
    .from(tenures)
    .leftJoin(orgs, eq(orgs.id, tenures.orgId))
    .where(eq(tenures.cadreId, id))
    .orderBy(asc(tenures.startDate), asc(tenures.id));
  const family = await ctx.db
    .select()
    .from(familyMembers)
    .where(eq(familyMembers.cadreId, id))
    .orderBy(asc(familyMembers.sort), asc(familyMembers.id));
  const records = await collectRecords(ctx.db, id);
  const bytes = serializeLrmx({
    cadre,
    idNumber: cadre.idNumberEnc ? ctx.crypto.decrypt(cadre.idNumberEnc) : null,
    tenures: posts,
    family: family.map((m) => ({
      relation: m.relation,
      name: m.name,
      birthDate: m.birthDate,
      politicalStatus: m.politicalStatus,
      workUnit: m.workUnit,
    })),
    records,
    today: chinaDate(ctx.clock.now()),
    filledBy: actor.displayName,
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'cadre.lrmx_export',
    objectType: 'cadre',
    objectId: id,
    detail: { name: cadre.name },
  });
  return { bytes, fileName: `${cadre.name}.lrmx` };
}
