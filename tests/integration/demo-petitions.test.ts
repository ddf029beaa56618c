import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OBJECTION } from '../../src/cli/demo/appointments.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { demoUser } from '../../src/cli/demo/lookup.js';
import { PETITION_STATUSES } from '../../src/domain/petition-workflow.js';
import { openReporter } from '../../src/server/modules/petitions/reporter-identity.js';
import {
  petitionDocuments,
  petitionEvents,
  petitionSubjects,
  petitions,
} from '../../src/server/modules/petitions/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import type { TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoTestApp(); // the demo, loaded once per run (tests/support/demo-app.ts) // today is 2026-03-02 in China
}, DEMO_HOOK_TIMEOUT);
afterAll(async () => t.close());

const TODAY = '2026-03-02';
const everyCase = () => t.ctx.db.select().from(petitions).orderBy(asc(petitions.id));
/**
 * The petitions demo's own cases: not the case the audits demo's 移送 opens (channel 审计移送), nor
 * the objection the appointments demo sends from a 任前公示 page.
 */
const all = async () =>
  (await everyCase()).filter((p) => p.channel !== 'audit_referral' && p.title !== OBJECTION.title);

// 青山镇: 75 over the last twelve months; 大兴镇: the demo year 2025 (64) and 32 in 2026
const TOTAL = 75 + 64 + 32;

it('adds a year of petitions in both townships, from every channel, real-name and anonymous', async () => {
  const rows = await all();
  expect(rows).toHaveLength(TOTAL);
  const towns = await t.ctx.db.select().from(orgs).where(eq(orgs.kind, 'township'));
  const byTown = new Map(towns.map((o) => [o.id, o.name]));
  expect(new Set(rows.map((p) => byTown.get(p.orgId)))).toEqual(new Set(['大兴镇', '青山镇']));
  expect(rows.every((p) => p.receivedOn >= '2025-01-01' && p.receivedOn < TODAY)).toBe(true);
  const qingshan = towns.find((o) => o.name === '青山镇')!.id;
  expect(rows.filter((p) => p.orgId === qingshan).every((p) => p.receivedOn >= '2025-03-02')).toBe(true);
  expect(new Set(rows.map((p) => p.channel))).toEqual(
    new Set(['letter', 'visit', 'phone', 'online', 'assigned', 'transferred']),
  );
  const visits = rows.filter((p) => p.channel === 'visit');
  expect(visits.every((p) => p.visitors! >= 1 && p.visitors! <= 5)).toBe(true);
  const assigned = rows.filter((p) => p.channel === 'assigned');
  expect(
    assigned.every(
      (p) =>
        p.assignedBy === '区纪委' &&
        /^新纪信交〔\d{4}〕\d+号$/.test(p.assignedRef!) &&
        p.assignedDueOn! > p.receivedOn,
    ),
  ).toBe(true);
  expect(rows.filter((p) => p.channel === 'online').every((p) => p.createdBy === null)).toBe(true);
  const real = rows.filter((p) => p.realName);
  expect(real.length).toBeGreaterThan(30);
  expect(real.every((p) => openReporter(t.ctx.crypto, p.reporterEnc!).name.length >= 2)).toBe(true);
  expect(rows.filter((p) => !p.realName && !p.reporterEnc).length).toBeGreaterThan(30);
  expect(new Set(rows.map((p) => p.category)).size).toBe(7);
  expect(rows.every((p) => p.searchTokens.length > 0 && !p.imported)).toBe(true);
  expect(new Set(rows.map((p) => `${p.orgId}/${p.code}`)).size).toBe(TOTAL);
});

it('names demo cadres and hands some cases to the unit head’s village', async () => {
  const subjects = await t.ctx.db.select().from(petitionSubjects);
  expect(subjects.filter((s) => s.cadreId !== null).length).toBeGreaterThan(40);
  const head = await demoUser(t.ctx.db, 'daxing_unit_head');
  const handed = (await all()).filter((p) => p.assignedUnitOrgId === head.orgId);
  expect(handed.length).toBeGreaterThan(3);
});

it('shows every status, some overdue and one under review, each consistent with its events and documents', async () => {
  const rows = await all();
  expect(new Set(rows.map((p) => p.status))).toEqual(new Set(Object.keys(PETITION_STATUSES)));
  expect(rows.filter((p) => p.status === 'reviewing')).toHaveLength(1);
  const running = rows.filter((p) => !['concluded', 'declined'].includes(p.status));
  // every running step has its clock, except 办结 after the reply, which none of the rules times
  expect(running.filter((p) => p.dueOn === null).map((p) => p.status)).toEqual(
    running.filter((p) => p.status === 'replied').map((p) => p.status),
  );
  expect(running.filter((p) => p.dueOn! < TODAY).length).toBeGreaterThanOrEqual(3);
  expect(rows.filter((p) => p.status === 'concluded').length).toBeGreaterThan(60);

  // a case's history by date (an inquiry recorded later for a past day sits at its day)
  const events = await t.ctx.db
    .select()
    .from(petitionEvents)
    .orderBy(asc(petitionEvents.occurredOn), asc(petitionEvents.id));
  const docs = await t.ctx.db.select().from(petitionDocuments);
  for (const p of rows) {
    const mine = events.filter((e) => e.petitionId === p.id);
    expect(mine[0]).toMatchObject({ action: 'register', occurredOn: p.receivedOn });
    expect(mine.at(-1)!.toStatus, p.code).toBe(p.status);
    expect(mine.every((e, i) => i === 0 || e.occurredOn >= mine[i - 1].occurredOn)).toBe(true);
    expect(mine.every((e) => e.occurredOn < TODAY || e.occurredOn === TODAY)).toBe(true);
    const kinds = docs.filter((d) => d.petitionId === p.id).map((d) => d.kind);
    expect(kinds.includes('report'), p.code).toBe(p.reportedOn !== null);
    expect(kinds.includes('reply'), p.code).toBe(p.repliedOn !== null);
    if (['awaiting_approval', 'approved', 'replied', 'concluded'].includes(p.status))
      expect(kinds, p.code).toContain('opinion');
  }
  const open = await t.ctx.db.select().from(todos).where(eq(todos.status, 'open'));
  const referred = (await everyCase()).filter((p) => p.channel === 'audit_referral');
  expect(new Set(open.filter((x) => x.recordType === 'petition').map((x) => Number(x.recordId)))).toEqual(
    new Set([...running, ...referred].map((p) => p.id)),
  );
});

it('shows four eyes: every approval is the party secretary’s, never the one who submitted; numbers carry the township’s prefix', async () => {
  const rows = await all();
  const events = await t.ctx.db.select().from(petitionEvents).orderBy(asc(petitionEvents.id));
  const secretaries = new Set(
    await Promise.all(
      ['daxing', 'qingshan'].map(async (p) => (await demoUser(t.ctx.db, `${p}_party_secretary`)).id),
    ),
  );
  const approvals = events.filter((e) => e.action === 'approve');
  expect(approvals.length).toBeGreaterThan(40);
  for (const a of approvals) {
    expect(secretaries.has(a.userId!), String(a.petitionId)).toBe(true);
    const submitted = events.filter(
      (e) => e.petitionId === a.petitionId && e.toStatus === 'awaiting_approval' && e.id < a.id,
    );
    expect(submitted.at(-1)!.userId).not.toBe(a.userId);
  }
  const towns = await t.ctx.db.select().from(orgs).where(eq(orgs.kind, 'township'));
  const prefixOf = new Map(towns.map((o) => [o.id, o.petitionPrefix]));
  expect(new Set(towns.map((o) => o.petitionPrefix))).toEqual(new Set(['DX', 'QS']));
  expect(rows.every((p) => p.code.startsWith(`${prefixOf.get(p.orgId)}-XF`))).toBe(true);
});

it('keeps the audit chain whole, and a second run adds nothing', async () => {
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
  const again = await loadDemo(t.ctx);
  expect(again.alreadyLoaded).toBe(true);
  expect(await all()).toHaveLength(TOTAL);
});

it('gives 大兴镇 the seed’s demo year: 2025’s letters, visitors and assigned cases, all concluded by the year’s end; the showcase in 2026', async () => {
  const [daxing] = await t.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇'));
  const rows = (await all()).filter((p) => p.orgId === daxing.id);
  const year = rows.filter((p) => p.receivedOn < '2026-01-01');
  expect(year.filter((p) => p.channel === 'letter')).toHaveLength(44);
  expect(year.filter((p) => p.channel === 'visit').reduce((n, p) => n + p.visitors!, 0)).toBe(28);
  const assigned = year.filter((p) => p.channel === 'assigned');
  expect(assigned).toHaveLength(7);
  expect(assigned.every((p) => p.concludedOn! <= p.assignedDueOn!)).toBe(true);
  const accepted = year.filter((p) => p.acceptedOn);
  expect(accepted.every((p) => p.status === 'concluded' && p.concludedOn! <= '2025-12-31')).toBe(true);
  expect(year.every((p) => ['concluded', 'declined'].includes(p.status))).toBe(true);
  const docs = await t.ctx.db.select().from(petitionDocuments);
  const ids = new Set(year.map((p) => p.id));
  const mine = docs.filter((d) => ids.has(d.petitionId) && d.occurredOn <= '2025-12-31');
  expect(mine.filter((d) => d.kind === 'report')).toHaveLength(24);
  expect(mine.filter((d) => d.kind === 'opinion')).toHaveLength(36);
  // this year's cases are this year's: the open and overdue ones do not reach into 2025
  const running = rows.filter((p) => !['concluded', 'declined'].includes(p.status));
  expect(running.length).toBeGreaterThan(5);
  expect(running.every((p) => p.receivedOn >= '2026-01-01')).toBe(true);
});

it('has the one case the audits demo’s 移送 opened in 大兴镇, linked to its audit and naming the referred', async () => {
  const [daxing] = await t.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇'));
  const referred = (await everyCase()).filter((p) => p.channel === 'audit_referral');
  expect(referred).toHaveLength(1);
  expect(referred[0]).toMatchObject({ orgId: daxing.id, receivedOn: '2025-11-25' });
  expect(referred[0].sourceAuditId).not.toBeNull();
  const named = await t.ctx.db
    .select()
    .from(petitionSubjects)
    .where(eq(petitionSubjects.petitionId, referred[0].id));
  expect(named.map((n) => n.name)).toEqual(['周会计']);
});
