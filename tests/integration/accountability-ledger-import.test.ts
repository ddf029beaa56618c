import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTABILITY_LEDGER_COLUMNS } from '../../src/domain/accountability/ledger.js';
import { accountabilityRecords } from '../../src/server/modules/accountability/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { accountabilityWorld } from '../support/accountability-world.js';
import { call, type Session } from '../support/factories.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// the register kept in one system (a), its 台帐 imported into a fresh one (b); today is 2026-03-02
let a: TestApp;
let b: TestApp;
let wa: Awaited<ReturnType<typeof accountabilityWorld>>;
let wb: Awaited<ReturnType<typeof accountabilityWorld>>;
const HEADERS = ACCOUNTABILITY_LEDGER_COLUMNS.map((c) => c.header);
const IMPORT = '/api/v1/accountability/ledger/import';
let ledger: Buffer;

async function exported(t: TestApp, s: Session) {
  const res = await call(t, s, 'GET', '/api/v1/accountability/ledger.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload as Buffer;
}
async function rowsOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as any);
  const ws = book.getWorksheet('责任追究台帐')!;
  const out: Record<string, string>[] = [];
  for (let r = 3; r <= ws.rowCount; r++)
    out.push(Object.fromEntries(HEADERS.map((h, i) => [h, String(ws.getCell(r, i + 1).value ?? '')])));
  return out;
}
async function workbookOf(rows: Record<string, unknown>[]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('责任追究台帐');
  ws.addRow(['责任追究台帐（手工整理）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function importFile(t: TestApp, s: Session, file: Buffer) {
  const res = await upload(t, s, IMPORT, file, '责任追究台帐.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  for (;;) {
    const job = (await call(t, s, 'GET', `/api/v1/accountability/ledger/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const count = async (t: TestApp) => (await t.ctx.db.select().from(accountabilityRecords)).length;

beforeAll(async () => {
  a = await createTestApp();
  wa = await accountabilityWorld(a);
  const register = async (body: unknown) => {
    const r = await wa.api('discipline', 'POST', '/api/v1/accountability', body);
    expect(r.statusCode, r.body).toBe(200);
    const c = await wa.api('discipline', 'POST', `/api/v1/accountability/${r.json().id}/confirm`, {
      version: 1,
    });
    expect(c.statusCode, c.body).toBe(200);
  };
  await register(wa.workError([{ kind: 'party_warning' }]));
  await register({
    orgId: wa.townA,
    kind: 'selection_oversight',
    title: '村干部任用失察',
    facts: '对拟任人选把关不严。',
    basis: '《干部选拔任用工作责任追究办法》',
    decidingBody: '中共甲镇委员会',
    decidedOn: '2025-09-01',
    persons: [
      {
        cadreId: wa.cadres.li,
        role: '推荐人',
        sanctions: [{ kind: 'criticism' }, { kind: 'public_review' }],
      },
      { name: '钱七', post: '原村党支部书记', role: '承办人', sanctions: [{ kind: 'criticism' }] },
    ],
  });
  ledger = await exported(a, wa.s.discipline);
});
// the fresh system, set up in its own hook (each hook has its own time limit)
beforeAll(async () => {
  b = await createTestApp();
  wb = await accountabilityWorld(b);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('责任追究台帐 import', () => {
  it('refuses a ledger with bad rows as a whole, each marked with its reason in Chinese', async () => {
    const [first] = await rowsOf(ledger);
    const base = { ...first, 事由: '另一事由' };
    const rows = [
      { ...base, 事由: '事由一', 状态: '待确认' }, // row 3: not in force
      { ...base, 事由: '事由二', 申诉复查情况: '2025-08-01 申诉撤销党内警告：理由' }, // row 4
      { ...base, 事由: '事由三', 处理结果: '罚款' }, // row 5: not a sanction kind
      { ...base, 事由: '事由四', 处理结果: '诫勉' }, // row 6: through the 诫勉台帐
      { ...base, 事由: '事由五', 决定日期: '2026-05-01', 处理生效日期: '2026-05-01' }, // row 7: future
      { ...base, 事由: '事由_x0000_六' }, // row 8: NUL
      { ...base, 事由: '事由七' }, // row 9: fine
    ];
    const job = await importFile(b, wb.s.discipline, await workbookOf(rows));
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(job.message).toBe('第 3 行等 6 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    expect(await count(b)).toBe(0);
    const reasons = Object.fromEntries(
      [3, 4, 5, 6, 7, 8].map((r) => [
        r,
        job.result.errors
          .filter((e: any) => e.row === r)
          .map((e: any) => `${e.column}：${e.message}`)
          .join('；'),
      ]),
    );
    expect(reasons[3]).toContain('状态：只能导入已生效的追究');
    expect(reasons[4]).toContain('申诉复查情况：有申诉、复查变更或撤销的处理');
    expect(reasons[5]).toContain('处理结果：“罚款”不是可选值');
    expect(reasons[6]).toContain('处理结果：“诫勉”请经诫勉台帐导入');
    expect(reasons[7]).toContain('决定日期：不能晚于今天（2026-03-02）');
    expect(reasons[8]).toContain('事由：含有无法保存的字符');
    const res = await call(
      b,
      wb.s.discipline,
      'GET',
      `/api/v1/accountability/ledger/imports/${job.id}/errors.xlsx`,
    );
    expect(res.statusCode).toBe(200);
    const [audit] = await b.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'accountability.ledger_import'), eq(auditLog.result, 'failure')));
    expect(audit.detail).toMatchObject({ badRows: 6, rows: 7 });
  });

  it('round-trips into a fresh system: the same ledger rows, in force, the sanctions in eligibility, no to-dos', async () => {
    expect((await upload(b, wb.s.self, IMPORT, ledger, '责任追究台帐.xlsx')).statusCode).toBe(403);
    const job = await importFile(b, wb.s.discipline, ledger);
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', result: { imported: 2 } });
    expect(await rowsOf(await exported(b, wb.s.discipline))).toEqual(await rowsOf(ledger));
    const records = await b.ctx.db.select().from(accountabilityRecords);
    expect(records.map((r) => [r.status, r.source])).toEqual([
      ['in_force', 'import'],
      ['in_force', 'import'],
    ]);
    // 党内警告 of 2025-06-10: one year by the rule of that day
    const on = (await wb.eligibility('org', wb.cadres.zhang, '2026-03-01')).json();
    expect(on.reasons.find((r: any) => r.code === 'sanction')).toMatchObject({ clearsOn: '2026-06-10' });
    const open = await b.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'accountability'), eq(todos.status, 'open')));
    expect(open).toHaveLength(0);
  });

  it('refuses the same ledger uploaded again', async () => {
    const job = await importFile(b, wb.s.discipline, ledger);
    expect(job.status).toBe('failed');
    expect(job.result.errors[0].message).toContain('疑为重复导入');
    expect(await count(b)).toBe(2);
  });
});
