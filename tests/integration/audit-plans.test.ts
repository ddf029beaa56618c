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

describe('the audit record: its report and a dismissed draft', () => {
  it('the report carries its 文书号, the overall opinion and the amount in yuan; bad input names the field', async () => {
    const created = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
      orgId: w.unitA,
      kind: 'periodic',
      title: '农业服务中心2025年度定期审计',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(created.statusCode, created.body).toBe(200);
    const { id, version } = created.json();
    const report = (over: Record<string, unknown>) =>
      w.api('auditor', 'POST', `/api/v1/econ-audits/${id}/report`, {
        version,
        reportedOn: '2026-03-02',
        reportNo: '甲审报〔2026〕1号',
        opinion: '财务收支基本真实，存在津补贴发放不规范问题。',
        amount: '1250000.50',
        ...over,
      });
    const amount = await report({ amount: '12.345' });
    expect(amount.statusCode).toBe(400);
    expect(amount.json().error.fields).toHaveProperty('amount');
    const no = await report({ reportNo: '' });
    expect(no.statusCode).toBe(400);
    expect(no.json().error.fields).toHaveProperty('reportNo');
    const ok = await report({});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'reported',
      reportNo: '甲审报〔2026〕1号',
      opinion: '财务收支基本真实，存在津补贴发放不规范问题。',
      amount: '1250000.50',
    });
  });

  it('a departure draft is dismissed only with a reason; its to-do is done', async () => {
    const end = await w.api('org', 'POST', `/api/v1/tenures/${w.post}/end`, {
      endDate: '2026-02-27',
      endReason: 'transfer',
    });
    expect(end.statusCode, end.body).toBeLessThan(300);
    const [draft] = await t.ctx.db
      .select()
      .from(econAudits)
      .where(eq(econAudits.subjectCadreId, w.cadres.zhang));
    const bare = await w.api('auditor', 'POST', `/api/v1/econ-audits/${draft.id}/dismiss`, {
      version: draft.version,
      reason: '',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toHaveProperty('reason');
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${draft.id}/dismiss`, {
      version: draft.version,
      reason: '任期不满一年且已于上年度开展经济责任审计。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('dismissed');
    const todos = (await w.api('auditor', 'GET', '/api/v1/todos')).json().items;
    expect(
      todos.filter((x: any) => x.recordType === 'econ_audit' && x.recordId === String(draft.id)),
    ).toEqual([]);
  });
});
