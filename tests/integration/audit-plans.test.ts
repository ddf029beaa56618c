import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPlans, econAudits } from '../../src/server/modules/audits/schema.js';
import { auditWorld } from '../support/audit-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 审计计划 of a year: 定期, 重点 and 离任, each in the officer's scope; an audit names its plan.
let t: TestApp;
let w: Awaited<ReturnType<typeof auditWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await auditWorld(t);
});
afterAll(async () => t.close());

const plan = (over: Record<string, unknown> = {}) => ({
  orgId: w.townA,
  year: 2026,
  kind: 'periodic',
  title: '2026年村级财务定期审计计划',
  ...over,
});

describe('audit plans per year', () => {
  it('refuses a bad kind, another township’s org and a unit head, naming the field; nothing written', async () => {
    const kind = await w.api('auditor', 'POST', '/api/v1/audit-plans', plan({ kind: 'monthly' }));
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields).toHaveProperty('kind');
    const other = await w.api('auditor', 'POST', '/api/v1/audit-plans', plan({ orgId: w.townB }));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields).toHaveProperty('orgId');
    expect((await w.api('headA', 'POST', '/api/v1/audit-plans', plan())).statusCode).toBe(403);
    expect(await t.ctx.db.select().from(auditPlans)).toEqual([]);
  });

  it('records periodic, targeted and departure plans; lists them by year in scope; an audit names its plan', async () => {
    for (const [kind, title, year] of [
      ['periodic', '2026年村级财务定期审计计划', 2026],
      ['targeted', '2026年惠农资金重点审计计划', 2026],
      ['departure', '2025年离任审计计划', 2025],
    ] as const) {
      const res = await w.api('auditor', 'POST', '/api/v1/audit-plans', plan({ kind, title, year }));
      expect(res.statusCode, res.body).toBe(200);
    }
    const y2026 = (await w.api('auditor2', 'GET', '/api/v1/audit-plans?year=2026')).json().items;
    expect(y2026.map((p: any) => p.kind).sort()).toEqual(['periodic', 'targeted']);
    expect(y2026[0].orgName).toBe('甲镇');
    expect((await w.api('otherTown', 'GET', '/api/v1/audit-plans')).json().items).toEqual([]);
    const audit = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
      orgId: w.unitB,
      planId: y2026.find((p: any) => p.kind === 'targeted').id,
      kind: 'targeted',
      title: '红星村惠农资金重点审计',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(audit.statusCode, audit.body).toBe(200);
    const [row] = await t.ctx.db.select().from(econAudits).where(eq(econAudits.id, audit.json().id));
    expect(row.planId).toBe(y2026.find((p: any) => p.kind === 'targeted').id);
    const bad = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
      orgId: w.unitB,
      planId: 999999,
      kind: 'targeted',
      title: '红星村惠农资金重点审计二',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('planId');
  });
});
