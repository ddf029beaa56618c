import { and, eq, isNull, like, lt } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cadresDemo } from '../../src/cli/demo/cadres.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { opennessDemo } from '../../src/cli/demo/openness.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { pledgesDemo } from '../../src/cli/demo/pledges.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { disclosureObjections } from '../../src/server/modules/openness/objections/schema.js';
import {
  disclosureDueItems,
  disclosureEvents,
  disclosures,
  disclosureVersions,
} from '../../src/server/modules/openness/schema.js';
import { pledgeProgress, pledges } from '../../src/server/modules/pledges/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { users } from '../../src/server/platform/users/schema.js';
import { call, GOOD_PASSWORD, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let summary: string[];
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  summary = (await loadDemo(t.ctx, [platformDemo, cadresDemo, opennessDemo, pledgesDemo])).summary;
}, 240_000);
afterAll(async () => t.close());

async function demoSession(username: string) {
  await t.ctx.db
    .update(users)
    .set({
      passwordHash: await hashPassword(GOOD_PASSWORD),
      mustChangePassword: false,
      passwordChangedAt: t.clock.now(),
    })
    .where(eq(users.username, username));
  return signIn(t, username);
}

it('gives 大兴镇 a year of openness items: a few late, two overdue now, one withdrawn with its reason, one table revised, three objections (one answered late)', async () => {
  const [daxing] = await t.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇'));
  expect(summary.find((s) => s.startsWith('政务村务公开'))).toMatch(
    /项逾期公开，1 项撤回，1 项公开后更正），2 项逾期未公开；村民异议 3 件（1 件逾期答复）；待村务监督委员会审核 3 项$/,
  );
  // villagers' objections: all answered, one after its deadline (escalated to the township first)
  const objections = await t.ctx.db.select().from(disclosureObjections);
  expect(objections).toHaveLength(3);
  expect(objections.every((o) => o.answeredOn && o.answer)).toBe(true);
  const answeredLate = objections.filter((o) => o.answeredOn! > o.dueOn);
  expect(answeredLate).toHaveLength(1);
  expect(answeredLate[0].escalatedOn).toBeTruthy();
  expect(objections.filter((o) => o.escalatedOn)).toHaveLength(1);
  const due = await t.ctx.db.select().from(disclosureDueItems);
  const late = due.filter((d) => d.publishedOn && d.publishedOn > d.dueOn);
  expect(late.length).toBeGreaterThanOrEqual(4);
  const overdue = await t.ctx.db
    .select({ d: disclosureDueItems, unit: orgs.name })
    .from(disclosureDueItems)
    .innerJoin(orgs, eq(orgs.id, disclosureDueItems.orgId))
    .where(
      and(
        isNull(disclosureDueItems.publishedOn),
        lt(disclosureDueItems.dueOn, '2026-03-02'),
        like(orgs.path, `${daxing.path}%`),
      ),
    );
  // 青山镇 has published nothing: its units owe the last period, overdue too
  expect(overdue.map((o) => `${o.unit} ${o.d.period}`).sort()).toEqual(['柳湾村 2026-01', '组织办 2025-Q3']);
  expect(overdue.every((o) => o.d.escalatedOn)).toBe(true);
  const all = await t.ctx.db.select().from(disclosures);
  expect(all.filter((d) => d.status === 'published').length).toBeGreaterThan(50);
  const withdrawn = all.filter((d) => d.status === 'withdrawn');
  expect(withdrawn).toHaveLength(1);
  expect(withdrawn[0].withdrawReason).toContain('身份证号码');
  const v2 = await t.ctx.db.select().from(disclosureVersions).where(eq(disclosureVersions.no, 2));
  expect(v2).toHaveLength(1);
  expect(v2[0].note).toContain('办公费');
  // the correction passed the village's committee before it was published
  const revised = (
    await t.ctx.db.select().from(disclosures).where(eq(disclosures.id, v2[0].disclosureId))
  )[0];
  expect(revised.revisionStatus).toBeNull();
  const steps = await t.ctx.db
    .select({ action: disclosureEvents.action, user: users.username })
    .from(disclosureEvents)
    .innerJoin(users, eq(users.id, disclosureEvents.userId))
    .where(eq(disclosureEvents.disclosureId, revised.id))
    .orderBy(disclosureEvents.at, disclosureEvents.id);
  expect(steps.filter((e) => e.action.startsWith('revis')).map((e) => `${e.action} ${e.user}`)).toEqual([
    'revise_submit daxing_org_officer',
    'revision_approve daxing_committee_1',
    'revision_publish daxing_org_officer',
  ]);
  // every village's finance table adds up (the use case refused any that did not)
  expect(all.filter((d) => d.finance).length).toBeGreaterThan(30);
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});

it('gives each village a 村务监督委员会 member who sees their village’s review queue and not another’s', async () => {
  const villages = Object.fromEntries(
    (await t.ctx.db.select().from(orgs).where(eq(orgs.kind, 'village'))).map((o) => [o.name, o.id]),
  );
  const committee = await t.ctx.db
    .select({ username: users.username, orgId: users.orgId, dataScope: users.dataScope })
    .from(users)
    .where(like(users.username, '%_committee_%'))
    .orderBy(users.username);
  expect(committee.map((u) => u.username)).toEqual([
    'daxing_committee_1',
    'daxing_committee_2',
    'daxing_committee_3',
    'qingshan_committee_1',
    'qingshan_committee_2',
    'qingshan_committee_3',
  ]);
  expect(committee[0]).toMatchObject({ orgId: villages.东风村, dataScope: 'org' });
  expect(committee[3]).toMatchObject({ orgId: villages.青山村 });

  const dongfeng = await demoSession('daxing_committee_1');
  const queue = (await call(t, dongfeng, 'GET', '/api/v1/disclosures?status=in_review')).json();
  expect(queue.total).toBe(1);
  expect(queue.items[0]).toMatchObject({ orgName: '东风村', status: 'in_review' });
  // their to-do opens it, and they may approve it
  const mine = (await call(t, dongfeng, 'GET', '/api/v1/todos')).json();
  expect(JSON.stringify(mine)).toContain('审核村务公开');
  const one = (await call(t, dongfeng, 'GET', `/api/v1/disclosures/${queue.items[0].id}`)).json();
  const ok = await call(t, dongfeng, 'POST', `/api/v1/disclosures/${one.id}/approve`, {
    version: one.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  // not another village's queue, item or step
  const hongqi = (
    await t.ctx.db
      .select({ id: disclosures.id, version: disclosures.version })
      .from(disclosures)
      .where(and(eq(disclosures.orgId, villages.红旗村), eq(disclosures.status, 'in_review')))
  )[0];
  expect(hongqi).toBeTruthy();
  expect((await call(t, dongfeng, 'GET', `/api/v1/disclosures/${hongqi.id}`)).statusCode).toBe(404);
  const foreign = await call(t, dongfeng, 'POST', `/api/v1/disclosures/${hongqi.id}/approve`, {
    version: hongqi.version,
  });
  expect(foreign.statusCode).toBe(404);
  const other = await demoSession('daxing_committee_2');
  const theirs = (await call(t, other, 'GET', '/api/v1/disclosures?status=in_review')).json();
  expect(theirs.items.map((i: { orgName: string }) => i.orgName)).toEqual(['红旗村']);
  // 青山镇's committee sees nothing of 大兴镇
  const qs = await demoSession('qingshan_committee_1');
  expect((await call(t, qs, 'GET', '/api/v1/disclosures?status=in_review')).json().total).toBe(0);
});

it('gives each village cadre of 大兴镇 a pledge with progress, and one failed appraisal that opened an admonition', async () => {
  const rows = await t.ctx.db.select().from(pledges);
  expect(rows.length).toBeGreaterThanOrEqual(9);
  expect(rows.every((p) => p.reportedOn === '2025-12-28')).toBe(true);
  expect((await t.ctx.db.select().from(pledgeProgress)).length).toBe(rows.length * 5);
  const appraised = rows.filter((p) => p.appraisal);
  expect(appraised.length).toBeGreaterThanOrEqual(6);
  const opened = await t.ctx.db.select().from(admonitions);
  expect(opened).toHaveLength(1);
  expect(summary.at(-1)).toMatch(/1 人评诺未通过，已启动诫勉谈话/);
  // loading again adds nothing
  expect((await loadDemo(t.ctx, [platformDemo, cadresDemo, opennessDemo, pledgesDemo])).alreadyLoaded).toBe(
    true,
  );
});
