import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LEDGER_COLUMNS } from '../../src/domain/audits/audit-ledger.js';
import { auditFindings, econAudits, rectificationItems } from '../../src/server/modules/audits/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { auditWorld } from '../support/audit-world.js';
import { call } from '../support/factories.js';
import { setNow } from '../support/petition-workflow-world.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// the 审计台帐 of 2025 kept in one system (a), imported into a fresh one (b) on 2026-03-02
let a: TestApp;
let b: TestApp;
let wa: Awaited<ReturnType<typeof auditWorld>>;
let wb: Awaited<ReturnType<typeof auditWorld>>;
const HEADERS = AUDIT_LEDGER_COLUMNS.map((c) => c.header);
const BASE = '/api/v1/econ-audits/ledger';
let ledger: Buffer;

async function exported(w: typeof wa) {
  const res = await w.api('auditor', 'GET', '/api/v1/rectification-items/ledger.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload as Buffer;
}
async function rowsOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as any);
  const ws = book.getWorksheet('审计台帐')!;
  expect((ws.getRow(2).values as string[]).slice(1)).toEqual(HEADERS);
  const out: Record<string, string>[] = [];
  for (let r = 3; r <= ws.rowCount; r++)
    out.push(Object.fromEntries(HEADERS.map((h, i) => [h, String(ws.getCell(r, i + 1).value ?? '')])));
  return out;
}
async function workbookOf(rows: Record<string, unknown>[]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('审计台帐');
  ws.addRow(['审计台帐（手工整理）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function importFile(w: typeof wa, t: TestApp, who: string, file: Buffer) {
  const res = await upload(t, w.s[who], `${BASE}/import`, file, '审计台帐.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ kind: 'econ_audits_ledger', status: 'running' });
  for (;;) {
    const job = (await call(t, w.s[who], 'GET', `${BASE}/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const counts = async (t: TestApp) => ({
  audits: (await t.ctx.db.select().from(econAudits)).length,
  findings: (await t.ctx.db.select().from(auditFindings)).length,
  items: (await t.ctx.db.select().from(rectificationItems)).length,
});
const openTodos = (t: TestApp, itemId: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(
      and(
        eq(todos.recordType, 'rectification'),
        eq(todos.recordId, String(itemId)),
        eq(todos.status, 'open'),
      ),
    );

beforeAll(async () => {
  a = await createTestApp();
  wa = await auditWorld(a);
  await setNow(a, '2025-03-03T02:00:00Z');
  const ok = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await wa.api(who, method, url, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const audit = async (orgId: number, kind: string, title: string) =>
    (
      await ok('auditor', 'POST', '/api/v1/econ-audits', {
        orgId,
        kind,
        title,
        periodFrom: '2023-01-01',
        periodTo: '2024-12-31',
        auditorUserIds: [wa.ids.auditor2],
      })
    ).id as number;
  const finding = async (auditId: number, over: Record<string, unknown>) => {
    const cur = await ok('auditor', 'GET', `/api/v1/econ-audits/${auditId}`);
    const res = await ok('auditor', 'POST', `/api/v1/econ-audits/${auditId}/findings`, {
      ...wa.finding(cur.version, over),
    });
    return res.findings.at(-1).item.id as number;
  };
  const step = async (who: string, id: number, body: Record<string, unknown>) => {
    const cur = await ok(who, 'GET', `/api/v1/rectification-items/${id}`);
    return ok(who, 'POST', `/api/v1/rectification-items/${id}/steps`, { version: cur.version, ...body });
  };
  const plan = (who: string, id: number) =>
    step(who, id, {
      action: 'plan',
      measures: '清退违规资金，建立审批制度',
      responsibleUnit: '农业服务中心',
      responsiblePerson: '李四',
      deadline: '2025-06-30',
    });
  const a1 = await audit(wa.unitA, 'periodic', '2025年农业服务中心定期审计');
  const closed = await finding(a1, { summary: '违规发放津补贴' });
  const continuing = await finding(a1, { summary: '固定资产未入账', problemType: 'assets', amount: null });
  await finding(a1, { summary: '会计凭证不规范', problemType: 'accounts', severity: 'minor' });
  const a2 = await audit(wa.unitB, 'targeted', '2025年红星村专项资金重点审计');
  const rectifying = await finding(a2, { unitOrgId: wa.unitB, summary: '挪用专项资金' });
  const applied = await finding(a2, { unitOrgId: wa.unitB, summary: '虚列支出', amount: '1200.50' });
  await plan('headA', closed);
  await plan('headA', continuing);
  await plan('headB', rectifying);
  await step('headB', rectifying, { action: 'report', progress: '已追回 2 万元' });
  await plan('headB', applied);
  await step('headB', applied, { action: 'apply', evidence: '冲账凭证 3 份' });
  await step('headA', closed, { action: 'apply', evidence: '清退收款凭证 12 份' });
  await step('headA', continuing, { action: 'apply', evidence: '资产卡片' });
  await setNow(a, '2025-04-15T02:00:00Z');
  await step('auditor2', closed, { action: 'accept' });
  await step('auditor', continuing, {
    action: 'continue',
    reasonCategory: 'historical',
    nextCheckpoint: '2025-09-30',
  });
  ledger = await exported(wa);

  b = await createTestApp(); // 2026-03-02 in China
  wb = await auditWorld(b);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('审计台帐 import', () => {
  it('the template is the export’s layout; a unit head may neither download it nor import', async () => {
    const res = await wb.api('auditor', 'GET', `${BASE}/template.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    expect((book.worksheets[0].getRow(2).values as string[]).slice(1)).toEqual(HEADERS);
    expect((await wb.api('headA', 'GET', `${BASE}/template.xlsx`)).statusCode).toBe(403);
    expect((await upload(b, wb.s.headA, `${BASE}/import`, ledger, '审计台帐.xlsx')).statusCode).toBe(403);
  });

  it('a bad row refuses the whole file, in Chinese, with the error sheet; nothing written', async () => {
    const rows = await rowsOf(ledger);
    const bad = [
      ...rows,
      { ...rows[0], 问题摘要: '另一个问题', 具体描述: '情况_x0000_说明' }, // NUL, as the file writes it
      { ...rows[0], 问题摘要: '第三个问题', 整改单位: '不存在的单位' },
      { ...rows[0], 问题摘要: '第四个问题', 销号: '已销号', 涉及金额: '12.345' },
      { ...rows[1], 问题摘要: '第五个问题', 整改措施: '' },
      rows[2],
    ];
    const job = await importFile(wb, b, 'auditor', await workbookOf(bad));
    expect(job.status).toBe('failed');
    expect(job.message).toContain('未导入任何数据');
    const errors = job.result.errors as { row: number; column: string; message: string }[];
    const first = rows.length + 3;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: first,
          column: '具体描述',
          message: expect.stringContaining('空字符'),
        }),
        expect.objectContaining({
          row: first + 1,
          column: '整改单位',
          message: expect.stringContaining('不在您的管理范围内'),
        }),
        expect.objectContaining({ row: first + 2, column: '销号' }),
        expect.objectContaining({ row: first + 2, column: '涉及金额' }),
        expect.objectContaining({ row: first + 3, column: '整改措施' }),
        expect.objectContaining({
          row: first + 4,
          column: '问题摘要',
          message: expect.stringContaining('疑为同一问题'),
        }),
      ]),
    );
    expect(await counts(b)).toEqual({ audits: 0, findings: 0, items: 0 });
    const sheet = await wb.api('auditor', 'GET', `${BASE}/imports/${job.id}/errors.xlsx`);
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as any);
    const ws = book.worksheets[0];
    expect(ws.getRow(2).getCell(HEADERS.length + 1).value).toBe('错误原因');
    expect(String(ws.getRow(first).getCell(HEADERS.length + 1).value)).toContain('具体描述');
  });

  it('another township’s officer cannot import units outside their scope', async () => {
    const job = await importFile(wb, b, 'otherTown', ledger);
    expect(job.status).toBe('failed');
    expect(job.result.errors[0]).toMatchObject({ column: '整改单位' });
    expect(await counts(b)).toEqual({ audits: 0, findings: 0, items: 0 });
  });

  it('round trip: the export imported into a fresh database exports the same rows', async () => {
    const job = await importFile(wb, b, 'auditor', ledger);
    expect(job.status, job.message).toBe('succeeded');
    expect(job.result.imported).toBe(5);
    expect(await rowsOf(await exported(wb))).toEqual(await rowsOf(ledger));
    expect(await counts(b)).toEqual({ audits: 2, findings: 5, items: 5 });
    const audits = await b.ctx.db.select().from(econAudits);
    expect(
      audits.map((x) => [x.title, x.kind, x.status, x.source, x.orgId, x.periodFrom, x.periodTo]),
    ).toEqual(
      expect.arrayContaining([
        [
          '2025年农业服务中心定期审计',
          'periodic',
          'reported',
          'import',
          wb.unitA,
          '2023-01-01',
          '2024-12-31',
        ],
        [
          '2025年红星村专项资金重点审计',
          'targeted',
          'reported',
          'import',
          wb.unitB,
          '2023-01-01',
          '2024-12-31',
        ],
      ]),
    );
    expect(audits.every((x) => x.auditorUserIds.includes(wb.ids.auditor))).toBe(true);
    const [logged] = await b.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'econ_audit.ledger_import'), eq(auditLog.result, 'success')));
    expect(logged.detail).toMatchObject({ imported: 5 });
  });

  it('items keep their historical state and dates; clocks and to-dos only for what is still due', async () => {
    const items = await b.ctx.db
      .select({ i: rectificationItems, summary: auditFindings.summary, type: auditFindings.problemType })
      .from(rectificationItems)
      .innerJoin(auditFindings, eq(auditFindings.id, rectificationItems.findingId));
    const by = Object.fromEntries(items.map((x) => [x.summary, x]));
    expect(by.违规发放津补贴.i).toMatchObject({
      status: 'closed',
      issuedOn: '2025-03-03',
      closedOn: '2025-04-15',
      verdict: '已整改',
      dueOn: null,
      nextReportDue: null,
    });
    expect(await openTodos(b, by.违规发放津补贴.i.id)).toEqual([]);
    expect(by.固定资产未入账).toMatchObject({ type: 'assets' });
    expect(by.固定资产未入账.i).toMatchObject({
      status: 'continuing',
      continueReason: 'historical',
      nextCheckpoint: '2025-09-30',
      dueOn: '2025-09-30',
      nextReportDue: '2026-04-02',
    });
    expect(by.会计凭证不规范.i).toMatchObject({
      status: 'issued',
      issuedOn: '2025-03-03',
      dueOn: '2025-03-17',
    });
    const [planTodo] = await openTodos(b, by.会计凭证不规范.i.id);
    expect(planTodo).toMatchObject({ assigneeRole: 'unit_head', orgId: wb.unitA, dueOn: '2025-03-17' });
    expect(by.挪用专项资金.i).toMatchObject({
      status: 'rectifying',
      progress: '已追回 2 万元',
      deadline: '2025-06-30',
      dueOn: '2025-06-30',
      nextReportDue: '2026-04-02',
    });
    const [reportTodo] = await openTodos(b, by.挪用专项资金.i.id);
    expect(reportTodo).toMatchObject({ orgId: wb.unitB, dueOn: '2025-06-30' });
    expect(by.虚列支出.i).toMatchObject({ status: 'applied', evidence: '冲账凭证 3 份', dueOn: null });
    const [verify] = await openTodos(b, by.虚列支出.i.id);
    expect(verify).toMatchObject({ assigneeRole: 'audit_officer' });
    // the importer, an auditor of the imported audit, takes the 认定 still due
    const cur = (await wb.api('auditor', 'GET', `/api/v1/rectification-items/${by.虚列支出.i.id}`)).json();
    const accept = await wb.api('auditor', 'POST', `/api/v1/rectification-items/${by.虚列支出.i.id}/steps`, {
      version: cur.version,
      action: 'accept',
    });
    expect(accept.statusCode, accept.body).toBe(200);
  });

  it('the same ledger uploaded again is refused as a repeat; nothing more written', async () => {
    const before = await counts(b);
    const job = await importFile(wb, b, 'auditor', ledger);
    expect(job.status).toBe('failed');
    expect(job.result.errors[0].message).toContain('已登记，疑为重复导入');
    expect(await counts(b)).toEqual(before);
  });
});
