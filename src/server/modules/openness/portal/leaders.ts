import { and, asc, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { cadres, positions, tenures } from '../../cadres/schema.js';
import type { Unit } from '../access.js';
import { leaderContacts } from './schema.js';
import { publicUnit } from './visible.js';

/**
 * The people holding a post of the unit on `day`, from the registry: a tenure begun on or before the
 * day and not yet ended (a leaver is gone from the tenure's end date on), principal posts first.
 */
export const holdersOn = (db: Queryable, unit: Unit, day: string) =>
  db
    .select({
      tenureId: tenures.id,
      cadreId: cadres.id,
      name: cadres.name,
      post: tenures.title,
      phone: cadres.phone,
      duties: leaderContacts.duties,
      officePhone: leaderContacts.officePhone,
      hours: leaderContacts.hours,
      mobileConsent: leaderContacts.mobileConsent,
      version: leaderContacts.version,
    })
    .from(tenures)
    .innerJoin(cadres, eq(cadres.id, tenures.cadreId))
    .leftJoin(positions, eq(positions.id, tenures.positionId))
    .leftJoin(leaderContacts, eq(leaderContacts.tenureId, tenures.id))
    .where(
      and(
        eq(tenures.orgId, unit.id),
        isNull(cadres.deletedAt),
        lte(tenures.startDate, day),
        or(isNull(tenures.endDate), gt(tenures.endDate, day)),
      ),
    )
    .orderBy(desc(tenures.isPrincipal), asc(positions.sort), asc(tenures.startDate), asc(tenures.id))
    .limit(200);

/** 领导干部公开: post, 分工, office phone, hours, and the mobile only where the person agreed. */
export async function publicLeaders(ctx: AppContext, id: number) {
  const unit = await publicUnit(ctx.db, id);
  const asOf = chinaDate(ctx.clock.now());
  const rows = await holdersOn(ctx.db, unit, asOf);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    asOf,
    leaders: rows.map((r) => ({
      name: r.name,
      post: r.post,
      duties: r.duties ?? null,
      officePhone: r.officePhone ?? null,
      mobile: r.mobileConsent ? (r.phone ?? null) : null,
      hours: r.hours ?? null,
    })),
  };
}
