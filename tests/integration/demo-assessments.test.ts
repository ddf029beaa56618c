import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admonitionsDemo } from '../../src/cli/demo/admonitions.js';
import { assessmentsDemo } from '../../src/cli/demo/assessments.js';
import { cadresDemo } from '../../src/cli/demo/cadres.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { accountabilityRecords } from '../../src/server/modules/accountability/schema.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { annualGrades, evaluations, lastPlaces } from '../../src/server/modules/assessments/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let summary: string[];
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  summary = (await loadDemo(t.ctx, [platformDemo, cadresDemo, assessmentsDemo, admonitionsDemo])).summary;
}, 180_000);
afterAll(async () => t.close());

it('gives 大兴镇 two rounds of each kind, one village last twice: 警告 and the grade cap, all confirmed', async () => {
  expect(summary.at(-2)).toMatch(
    /^考核：单位考评 6 轮，动态考核 3 个村，民主测评 1 次（26 张测评票），2025 年度考核评定 \d+ 人（大兴镇）$/,
  );
  const lasts = await t.ctx.db.select().from(lastPlaces);
  expect(lasts).toHaveLength(6);
  const warned = lasts.filter((l) => l.outcome === 'warning');
  expect(warned).toHaveLength(1);
  expect(warned[0].cadreId).not.toBeNull();
  const records = await t.ctx.db
    .select()
    .from(accountabilityRecords)
    .where(eq(accountabilityRecords.kind, 'last_place'));
  expect(records.map((r) => r.status)).toEqual(Array(records.length).fill('in_force'));
  const [capped] = await t.ctx.db
    .select()
    .from(annualGrades)
    .where(and(eq(annualGrades.cadreId, warned[0].cadreId!), eq(annualGrades.year, 2025)));
  expect(capped.grade).toBe('不称职');
  const all = await t.ctx.db.select().from(annualGrades).where(eq(annualGrades.year, 2025));
  const excellent = all.filter((g) => g.grade === '优秀').length;
  expect(excellent).toBe(Math.floor(all.length * 0.2));
});

it('one democratic evaluation proposed the 民主测评 admonition, talked to and tracked by the admonitions step', async () => {
  const [ev] = await t.ctx.db.select().from(evaluations);
  expect(ev.status).toBe('closed');
  const rows = await t.ctx.db.select().from(admonitions).where(eq(admonitions.sourceKind, '民主测评'));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ sourceRefType: 'evaluation', sourceRefId: ev.id, talkOn: '2025-03-10' });
  expect(rows[0].status).toBe('released');
  expect(summary.at(-1)).toMatch(/^谈话诫勉：4 人次（大兴镇）/);
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});
