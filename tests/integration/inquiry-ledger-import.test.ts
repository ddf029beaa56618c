import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INQUIRY_LEDGER_COLUMNS } from '../../src/domain/admonitions/inquiry-ledger.js';
import { inquiries } from '../../src/server/modules/admonitions/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { type AdmonitionWorld, admonitionWorld, ok } from '../support/admonition-world.js';
import { call, type Session } from '../support/factories.js';
import { setNow } from '../support/petition-workflow-world.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// the 函询台帐 of 2025 kept in one system (a), imported into a fresh one (b)
let a: TestApp;
let b: TestApp;
let wa: AdmonitionWorld;
let wb: AdmonitionWorld;
const NOW = '2026-03-10T02:00:00Z';
const HEADERS = INQUIRY_LEDGER_COLUMNS.map((c) => c.header);
const IMPORT = '/api/v1/inquiries/ledger/import';
let ledger: Buffer;

async function exported(t: TestApp, s: Session) {
  const res = await call(t, s, 'GET', '/api/v1/inquiries/ledger.xlsx?year=2025');
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload as Buffer;
}
async function rowsOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as any);
  const ws = book.getWorksheet('函询台帐')!;
  const out: Record<string, string>[] = [];
  for (let r = 3; r <= ws.rowCount; r++)
    out.push(Object.fromEntries(HEADERS.map((h, i) => [h, String(ws.getCell(r, i + 1).value ?? '')])));
  return out;
}
async function workbookOf(rows: Record<string, unknown>[]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('函询台帐');
  ws.addRow(['函询台帐（手工整理）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function importFile(t: TestApp, s: Session, file: Buffer) {
  const res = await upload(t, s, IMPORT, file, '函询台帐.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  for (;;) {
    const job = (await call(t, s, 'GET', `/api/v1/inquiries/ledger/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const count = async (t: TestApp) => (await t.ctx.db.select().from(inquiries)).length;

beforeAll(async () => {
  a = await createTestApp();
  wa = await admonitionWorld(a);
  // 2025: two inquiries, replied, endorsed by the unit head and concluded
  const run = async (cadre: 'cadre' | 'otherCadre', cadreId: number, sourceKind: string, day: string) => {
    await setNow(a, `${day}T02:00:00Z`);
    const i = await ok(a, wa.s.officer, 'POST', '/api/v1/inquiries', {
      cadreId,
      sourceKind,
      question: `请就${sourceKind}中反映的问题作出说明。`,
    });
    await ok(a, wa.s[cadre], 'POST', `/api/v1/me/inquiries/${i.id}/reply`, { version: 1, reply: '已说明。' });
    await ok(a, wa.s.unitHead, 'POST', `/api/v1/inquiries/${i.id}/endorse`, { version: 2, note: '属实' });
    await ok(a, wa.s.officer, 'POST', `/api/v1/inquiries/${i.id}/conclude`, {
      version: 3,
      conclusion: 'clarified',
      note: '经核，反映问题不实，予以澄清。',
    });
  };
  await run('cadre', wa.cadreId, '审计', '2025-04-07');
  await run('otherCadre', wa.otherCadreId, '其他', '2025-06-02');
  await setNow(a, NOW);
  ledger = await exported(a, wa.s.officer);
});
// the fresh system, set up in its own hook (each hook has its own time limit)
beforeAll(async () => {
  b = await createTestApp();
  wb = await admonitionWorld(b);
  await setNow(b, NOW);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('函询台帐 import', () => {
  it('refuses a ledger with bad rows as a whole, each marked with its reason in Chinese', async () => {
    const [first] = await rowsOf(ledger);
    const base = { ...first, 编号: '' };
    const rows = [
      { ...base, 函询事项: '事项一', 状态: '待回复' }, // row 3: not concluded
      { ...base, 函询事项: '事项二', 了结日期: '2025-04-01' }, // row 4: concluded before the reply
      { ...base, 函询事项: '事项三', 信访件编号: 'DX-XF2025-0099' }, // row 5: unknown petition
      { ...base, 函询事项: '事项四', 姓名: '赵青山', 单位: '青山镇' }, // row 6: outside the importer's org
      { ...base, 函询事项: '情况_x0000_说明' }, // row 7: NUL in a cell
      { ...base, 函询事项: '事项六', 发函日期: '2026-05-01' }, // row 8: in the future
      { ...base, 函询事项: '事项七' }, // row 9: fine
    ];
    const job = await importFile(b, wb.s.officer, await workbookOf(rows));
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(job.message).toBe('第 3 行等 6 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    expect(await count(b)).toBe(0);
    const res = await call(b, wb.s.officer, 'GET', `/api/v1/inquiries/ledger/imports/${job.id}/errors.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const ws = book.getWorksheet('函询台帐')!;
    const col = HEADERS.length + 1;
    const marked: Record<number, string> = {};
    for (let r = 3; r <= ws.rowCount; r++)
      if (ws.getCell(r, col).value) marked[r] = String(ws.getCell(r, col).value);
    expect(Object.keys(marked).map(Number)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(marked[3]).toContain('状态：只能导入已了结的函询');
    expect(marked[4]).toContain('了结日期：不能早于背书日期');
    expect(marked[5]).toContain('信访件编号：未找到信访件 DX-XF2025-0099');
    expect(marked[6]).toBe('姓名：未找到该干部，或不在您的管理范围内（“赵青山”）');
    expect(marked[7]).toContain('函询事项：含有无法保存的字符');
    expect(marked[8]).toContain('发函日期：不能晚于今天（2026-03-10）');
    const [audit] = await b.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inquiry.ledger_import'), eq(auditLog.result, 'failure')));
    expect(audit.detail).toMatchObject({ badRows: 6, rows: 7 });
  });

  it('round-trips: the ledger exported by one system, imported into a fresh one, exports the same rows', async () => {
    expect((await upload(b, wb.s.cadre, IMPORT, ledger, '函询台帐.xlsx')).statusCode).toBe(403);
    const job = await importFile(b, wb.s.officer, ledger);
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', result: { imported: 2 } });
    expect(await rowsOf(await exported(b, wb.s.officer))).toEqual(await rowsOf(ledger));
    const rows = await b.ctx.db.select().from(inquiries);
    expect(rows.map((r) => r.status)).toEqual(['concluded', 'concluded']);
    // concluded in an earlier year: no to-do, each audited
    const open = await b.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'inquiry'), eq(todos.status, 'open')));
    expect(open).toHaveLength(0);
    expect(await b.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'inquiry.import'))).toHaveLength(
      2,
    );
  });

  it('refuses the same ledger uploaded again', async () => {
    const job = await importFile(b, wb.s.officer, ledger);
    expect(job.status).toBe('failed');
    expect(job.result.errors[0].message).toMatch(/已登记，疑为重复导入/);
    const unnumbered = (await rowsOf(ledger)).map((r) => ({ ...r, 编号: '' }));
    const again = await importFile(b, wb.s.officer, await workbookOf(unnumbered));
    expect(again.status).toBe('failed');
    expect(again.result.errors[0].message).toContain('疑为重复导入');
    expect(await count(b)).toBe(2);
  });
});
