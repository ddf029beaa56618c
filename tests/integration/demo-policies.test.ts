import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/cli/demo/index.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { policiesDemo } from '../../src/cli/demo/policies.js';
import { policies, policyReads, policyVersions } from '../../src/server/modules/policies/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let summary: string[];
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  summary = (await loadDemo(t.ctx, [platformDemo, policiesDemo])).summary;
}, 120_000);
afterAll(async () => t.close());

it('puts the seed’s 14 institutions in 大兴镇 and two in 青山镇, some adopted in 2025, two revised then', async () => {
  expect(summary.at(-1)).toMatch(/^制度汇编：16 项制度/);
  const rows = await t.ctx.db
    .select({ title: policies.title, town: orgs.name, version: policies.currentVersionNo })
    .from(policies)
    .innerJoin(orgs, eq(orgs.id, policies.orgId));
  const daxing = rows.filter((r) => r.town === '大兴镇').map((r) => r.title);
  expect(daxing).toHaveLength(14);
  for (const title of [
    '干部任前公示制',
    '竞争上岗制',
    '公开选拔制',
    '公开推荐制',
    '大兴镇干部管理工作暂行规定',
    '谈话诫勉制度',
    '干部向组织回复有关问题制度',
    '干部动态考核制度',
    '离任审计制度',
    '三改四制',
    '考察失误追究制度',
    '选拔任用干部失察追究制度',
    '工作失误追究制',
    '末位惩处制度',
  ])
    expect(daxing).toContain(title);
  expect(rows.filter((r) => r.town === '青山镇')).toHaveLength(2);
  const revised = await t.ctx.db.select().from(policyVersions).where(eq(policyVersions.versionNo, 2));
  expect(revised.map((v) => v.adoptedOn.slice(0, 4))).toEqual(['2025', '2025']);
  const v1 = await t.ctx.db.select().from(policyVersions).where(eq(policyVersions.versionNo, 1));
  expect(v1.some((v) => v.adoptedOn < '2025-01-01') && v1.some((v) => v.adoptedOn >= '2025-01-01')).toBe(
    true,
  );
  expect(v1.find((v) => v.body.includes('考察任命权下放'))?.ruleKeys).toContain(
    'ranking.last_place_warning_rounds',
  );
});

it('gives the 2025 versions to the township to read: most confirmed, the rest have open to-dos', async () => {
  const reads = await t.ctx.db.select().from(policyReads);
  const done = reads.filter((r) => r.confirmedAt);
  expect(reads.length).toBeGreaterThan(20);
  expect(done.length / reads.length).toBeGreaterThan(0.7);
  expect(done.length).toBeLessThan(reads.length);
  const open = await t.ctx.db.select().from(todos).where(eq(todos.recordType, 'policy_read'));
  expect(open.filter((o) => o.status === 'open')).toHaveLength(reads.length - done.length);
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});

it('runs once', async () => {
  expect((await loadDemo(t.ctx, [platformDemo, policiesDemo])).alreadyLoaded).toBe(true);
});
