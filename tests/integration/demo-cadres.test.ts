import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/cli/demo/index.js';
import { demoUser } from '../../src/cli/demo/lookup.js';
import { idNumberProblem } from '../../src/domain/id-number.js';
import { cadres, tenures } from '../../src/server/modules/cadres/schema.js';
import { recusals, users } from '../../src/server/platform/users/schema.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import type { TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoTestApp(); // the demo, loaded once per run (tests/support/demo-app.ts)
});
afterAll(async () => t.close());

it(
  'the demo adds about 300 cadres with valid ID numbers, tenures, an own record and a family recusal',
  async () => {
    const rows = await t.ctx.db.select().from(cadres);
    expect(rows).toHaveLength(300);
    const ids = rows.map((c) => t.ctx.crypto.decrypt(c.idNumberEnc!));
    expect(ids.filter((id) => idNumberProblem(id) !== null)).toEqual([]);
    expect(new Set(ids).size).toBe(300);
    expect(rows.every((c) => c.nameInitials.length > 0 && c.idNumberMasked?.includes('*'))).toBe(true);
    const [{ n }] = await t.ctx.db.select({ n: count() }).from(tenures);
    // one post each, the 9 posts of the selection case the 失察 case revoked, and the 2 posts the
    // appointments demo's 竞争上岗 and 公开选拔 filled (the posts they left ended the same day)
    expect(n).toBe(311);
    expect(await t.ctx.db.select().from(tenures).where(eq(tenures.endReason, 'revoked'))).toHaveLength(9);
    expect(
      (await t.ctx.db.select().from(tenures).where(isNotNull(tenures.probationEnd))).length,
    ).toBeGreaterThan(0);

    const own = await demoUser(t.ctx.db, 'daxing_cadre');
    const [account] = await t.ctx.db.select().from(users).where(eq(users.id, own.id));
    const [mine] = await t.ctx.db.select().from(cadres).where(eq(cadres.id, account.cadreId!));
    expect(mine.name).toBe(own.displayName);
    const head = await demoUser(t.ctx.db, 'daxing_unit_head');
    expect(await t.ctx.db.select().from(recusals).where(eq(recusals.userId, head.id))).toHaveLength(1);

    const again = await loadDemo(t.ctx);
    expect(again.alreadyLoaded).toBe(true);
    expect(await t.ctx.db.select({ id: cadres.id }).from(cadres)).toHaveLength(300);
  },
  DEMO_HOOK_TIMEOUT,
); // the whole demo loads here, petitions included
