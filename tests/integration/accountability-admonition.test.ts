import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { accountabilityWorld } from '../support/accountability-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Through the routes: a register record whose sanction is 诫勉, confirmed by the discipline officer,
 * opens one admonition for the cadre (source 责任追究, linked to the record) in the same step; a
 * draft opens none; the admonition then carries the promotion block from its talk.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof accountabilityWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await accountabilityWorld(t);
});
afterAll(async () => t.close());

const admonitionsOf = (cadreId: number) =>
  t.ctx.db.select().from(admonitions).where(eq(admonitions.cadreId, cadreId));

it('confirming a 诫勉 sanction opens the admonition, linked to the record; the draft alone opens nothing', async () => {
  const made = await w.api(
    'discipline',
    'POST',
    '/api/v1/accountability',
    w.workError([{ kind: 'admonition' }]),
  );
  expect(made.statusCode, made.body).toBe(200);
  const id = made.json().id;
  expect(await admonitionsOf(w.cadres.zhang)).toEqual([]);

  const confirmed = await w.api('discipline', 'POST', `/api/v1/accountability/${id}/confirm`, { version: 1 });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const [a] = await admonitionsOf(w.cadres.zhang);
  expect(a).toMatchObject({
    kind: 'admonition',
    status: 'pending_talk',
    sourceKind: '责任追究',
    sourceRefType: 'accountability',
    sourceRefId: id,
    openedOn: '2025-06-10',
    orgId: w.townA,
  });
  expect(await admonitionsOf(w.cadres.zhang)).toHaveLength(1);

  // the organization office sees it in its list and gets the talk as a to-do
  const list = await w.api('org', 'GET', `/api/v1/admonitions?cadreId=${w.cadres.zhang}`);
  expect(list.statusCode).toBe(200);
  expect(list.json().items.map((x: any) => x.id)).toEqual([a.id]);
  const talk = await t.ctx.db
    .select()
    .from(todos)
    .where(
      and(eq(todos.recordType, 'admonition'), eq(todos.recordId, String(a.id)), eq(todos.status, 'open')),
    );
  expect(talk).toHaveLength(1);
  expect(talk[0].title).toContain('诫勉谈话');

  // the talk starts the block on promotion, from the admonition (the sanction adds none of its own)
  const held = await w.api('org', 'POST', `/api/v1/admonitions/${a.id}/talk`, {
    version: a.version,
    talkOn: '2026-03-02',
    place: '镇党委会议室',
    talkers: ['张书记', '刘委员'],
    record: '指出问题，提出整改要求。',
    cadreStatement: '接受诫勉。',
    acknowledgedOn: '2026-03-02',
  });
  expect(held.statusCode, held.body).toBe(200);
  const reasons = (await w.eligibility('org', w.cadres.zhang, '2026-03-03')).json().reasons;
  expect(reasons.filter((r: any) => r.code === 'admonition')).toHaveLength(1);
  expect(reasons.filter((r: any) => r.code === 'sanction')).toEqual([]);
});
