import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admonitionsDemo } from '../../src/cli/demo/admonitions.js';
import { cadresDemo } from '../../src/cli/demo/cadres.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { petitionsDemo } from '../../src/cli/demo/petitions.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { admonitions, inquiries } from '../../src/server/modules/admonitions/schema.js';
import { petitionEvents } from '../../src/server/modules/petitions/schema.js';
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
  summary = (await loadDemo(t.ctx, [platformDemo, cadresDemo, petitionsDemo, admonitionsDemo])).summary;
}, 180_000);
afterAll(async () => t.close());

it('gives 大兴镇 five admonitions of its own in 2025: released, one 调离岗位, one from an inquiry, one still tracking', async () => {
  expect(summary.at(-1)).toBe('谈话诫勉：5 人次（大兴镇），函询 2 件');
  const rows = await t.ctx.db.select().from(admonitions);
  expect(rows.map((a) => a.sourceKind).sort()).toEqual([
    '函询',
    '动态考核',
    '民主测评',
    '民主生活会',
    '组织考察',
  ]);
  expect(rows.filter((a) => a.status === 'released')).toHaveLength(3);
  expect(rows.filter((a) => a.status === 'measures').map((a) => a.measureKind)).toEqual(['transfer']);
  const tracking = rows.filter((a) => a.status === 'tracking');
  expect(tracking).toHaveLength(1);
  // as of 2026-03-02, every check-in due is held: none late
  expect(tracking[0].nextCheckInOn! >= '2026-03-02').toBe(true);
  const inq = await t.ctx.db.select().from(inquiries);
  expect(inq.map((i) => i.conclusion).sort()).toEqual(['admonition', 'clarified']);
  expect(inq.every((i) => i.repliedOn && i.repliedOn <= i.dueOn && i.endorsedBy)).toBe(true);
  const fromPetition = inq.find((i) => i.petitionId)!;
  const events = await t.ctx.db
    .select()
    .from(petitionEvents)
    .where(eq(petitionEvents.petitionId, fromPetition.petitionId!));
  expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['inquiry', 'inquiry_concluded']));
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});

it('shows the 2025 figures of 大兴镇 to its party secretary', async () => {
  const [u] = await t.ctx.db.select().from(users).where(eq(users.username, 'daxing_party_secretary'));
  const [town] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, u.orgId));
  // demo accounts start with a password to change: give the secretary a known, changed one
  await t.ctx.db
    .update(users)
    .set({
      passwordHash: await hashPassword(GOOD_PASSWORD),
      mustChangePassword: false,
      passwordChangedAt: t.clock.now(),
    })
    .where(eq(users.id, u.id));
  const s = await signIn(t, u.username);
  const q = `orgId=${town.id}&from=2025-01-01&to=2025-12-31`;
  const keys =
    'admonitions.started,admonitions.released,admonitions.measures,admonitions.tracking,inquiries.sent';
  const res = await call(t, s, 'GET', `/api/v1/figures?keys=${keys}&${q}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(Object.fromEntries(res.json().figures.map((f: any) => [f.key, f.value]))).toEqual({
    'admonitions.started': 5,
    'admonitions.released': 3,
    'admonitions.measures': 1,
    'admonitions.tracking': 1,
    'inquiries.sent': 2,
  });
});
