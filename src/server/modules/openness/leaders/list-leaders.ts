import { chinaDate } from '../../../../domain/calendar.js';
import { maskPhone } from '../../../../domain/mask.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { loadScopedUnit } from '../access.js';
import { holdersOn } from '../portal/leaders.js';

/** The unit's current post holders with what the directory publishes of them (the mobile masked here). */
export async function listLeaders(opts: { ctx: AppContext; actor: Actor; orgId: number }) {
  const { ctx, actor, orgId } = opts;
  const unit = await loadScopedUnit(ctx.db, actor, orgId);
  const rows = await holdersOn(ctx.db, unit, chinaDate(ctx.clock.now()));
  return {
    orgId: unit.id,
    orgName: unit.name,
    items: rows.map((r) => ({
      tenureId: r.tenureId,
      name: r.name,
      post: r.post,
      mobileMasked: maskPhone(r.phone),
      duties: r.duties ?? null,
      officePhone: r.officePhone ?? null,
      hours: r.hours ?? null,
      mobileConsent: r.mobileConsent ?? false,
      version: r.version ?? 0,
    })),
  };
}
