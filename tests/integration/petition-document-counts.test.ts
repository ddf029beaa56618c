import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionDocuments, petitions } from '../../src/server/modules/petitions/schema.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { seedPetition } from '../support/petition-stats-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let s: Session;
let orgId: number;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrg(t.ctx, '计件镇')).id;
  s = await signIn(t, (await makeUser(t.ctx, { orgId, roles: ['discipline_officer'] })).username);
});
afterAll(async () => t.close());

const countsOf = async (id: number) => {
  const [row] = await t.ctx.db
    .select({ reports: petitions.reportCount, opinions: petitions.opinionCount })
    .from(petitions)
    .where(eq(petitions.id, id));
  return row;
};

describe("a petition's report and opinion counts", () => {
  it('follow its documents as they are written, moved and removed', async () => {
    const p = await seedPetition(t, orgId, {
      code: 'XF2026-0101',
      channel: 'letter',
      receivedOn: '2026-01-05',
      status: 'reported',
      acceptedOn: '2026-01-06',
      reports: ['【2026-01-20】调查报告'],
      opinions: ['【2026-01-21】处理意见一', '【2026-01-22】处理意见二'],
    });
    expect(await countsOf(p.id)).toEqual({ reports: 1, opinions: 2 });
    const other = await seedPetition(t, orgId, {
      code: 'XF2026-0102',
      channel: 'letter',
      receivedOn: '2026-01-05',
      status: 'registered',
    });
    const [first] = await t.ctx.db
      .select()
      .from(petitionDocuments)
      .where(eq(petitionDocuments.petitionId, p.id))
      .orderBy(petitionDocuments.id);
    await t.ctx.db
      .update(petitionDocuments)
      .set({ petitionId: other.id, kind: 'opinion' })
      .where(eq(petitionDocuments.id, first.id));
    expect(await countsOf(p.id)).toEqual({ reports: 0, opinions: 2 });
    expect(await countsOf(other.id)).toEqual({ reports: 0, opinions: 1 });
    await t.ctx.db.delete(petitionDocuments).where(eq(petitionDocuments.petitionId, p.id));
    expect(await countsOf(p.id)).toEqual({ reports: 0, opinions: 0 });
  });

  it('are what the statistics sum: the figures equal the documents counted one by one', async () => {
    const stats = (await call(t, s, 'GET', '/api/v1/petitions/stats?from=2026-01-01&to=2026-12-31')).json();
    const [docs] = rowsOf<{ reports: number; opinions: number }>(
      await t.ctx.db.execute(sql`select count(*) filter (where kind = 'report')::int as reports,
        count(*) filter (where kind = 'opinion')::int as opinions
        from petition_documents d join petitions p on p.id = d.petition_id where p.org_id = ${orgId}`),
    );
    expect(docs.opinions).toBeGreaterThan(0);
    expect(stats.figures.reports.value).toBe(docs.reports);
    expect(stats.figures.opinions.value).toBe(docs.opinions);
  });
});

it('lists search results newest first, the work queue otherwise', async () => {
  // running and due first in the queue; received later and finished
  await seedPetition(t, orgId, {
    code: 'XF2026-0201',
    channel: 'letter',
    receivedOn: '2026-01-02',
    status: 'registered',
    title: '反映排序检验事项甲',
  });
  await seedPetition(t, orgId, {
    code: 'XF2026-0202',
    channel: 'letter',
    receivedOn: '2026-01-08',
    status: 'declined',
    declinedOn: '2026-01-09',
    declineReason: '不属于受理范围',
    title: '反映排序检验事项乙',
  });
  const codes = async (url: string) =>
    (await call(t, s, 'GET', url)).json().items.map((r: { code: string }) => r.code);
  const q = encodeURIComponent('排序检验');
  expect(await codes(`/api/v1/petitions?q=${q}`)).toEqual(['XF2026-0202', 'XF2026-0201']);
  const queue = await codes('/api/v1/petitions?pageSize=200');
  expect(queue.indexOf('XF2026-0201')).toBeLessThan(queue.indexOf('XF2026-0202'));
});
