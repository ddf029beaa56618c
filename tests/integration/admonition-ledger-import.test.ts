import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMONITION_LEDGER_COLUMNS } from '../../src/domain/admonitions/admonition-ledger.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { type AdmonitionWorld, admonitionWorld, ok, twoTalkers } from '../support/admonition-world.js';
import { call, type Session } from '../support/factories.js';
import { setNow } from '../support/petition-workflow-world.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// the ledgers of 2025 and 2026 kept in one system (a), imported into a fresh one (b)
let a: TestApp;
let b: TestApp;
let wa: AdmonitionWorld;
let wb: AdmonitionWorld;
const NOW = '2026-03-10T02:00:00Z';
const HEADERS = ADMONITION_LEDGER_COLUMNS.map((c) => c.header);
const IMPORT = '/api/v1/admonitions/ledger/import';
const ledgers: Record<number, Buffer> = {};

async function exported(t: TestApp, s: Session, year: number) {
  const res = await call(t, s, 'GET', `/api/v1/admonitions/ledger.xlsx?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload as Buffer;
}
async function rowsOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as any);
  const ws = book.getWorksheet('诫勉台帐')!;
  const out: Record<string, string>[] = [];
  for (let r = 3; r <= ws.rowCount; r++)
    out.push(Object.fromEntries(HEADERS.map((h, i) => [h, String(ws.getCell(r, i + 1).value ?? '')])));
  return out;
}
async function workbookOf(rows: Record<string, unknown>[], extra: string[] = []) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('诫勉台帐');
  ws.addRow(['诫勉台帐（手工整理）']);
  ws.addRow([...HEADERS, ...extra]);
  for (const r of rows) ws.addRow([...HEADERS, ...extra].map((h) => r[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function importFile(t: TestApp, s: Session, file: Buffer) {
  const res = await upload(t, s, IMPORT, file, '诫勉台帐.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ kind: 'admonitions_ledger', status: 'running' });
  for (;;) {
    const job = (await call(t, s, 'GET', `/api/v1/admonitions/ledger/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const count = async (t: TestApp) => (await t.ctx.db.select().from(admonitions)).length;

beforeAll(async () => {
  a = await createTestApp();
  wa = await admonitionWorld(a);
  // 2025: 王建军 admonished, tracked six months and released; 李明 admonished, then removed from post;
  // a 提醒谈话. 2026: 王建军 admonished again, under tracking today with one check-in held.
  await setNow(a, '2025-03-03T02:00:00Z');
  const open = (cadreId: number, body: Record<string, unknown> = {}) =>
    ok(a, wa.s.officer, 'POST', '/api/v1/admonitions', {
      cadreId,
      sourceKind: '民主测评',
      reason: '民主测评满意度偏低',
      ...body,
    });
  let x = await open(wa.cadreId, { talk: twoTalkers('2025-03-03') });
  for (const due of x.checkInDates as string[]) {
    await setNow(a, `${due}T02:00:00Z`);
    x = await ok(a, wa.s.officer, 'POST', `/api/v1/admonitions/${x.id}/check-ins`, {
      version: x.version,
      on: due,
      rating: '好',
      note: '有改进',
    });
  }
  await setNow(a, '2025-09-10T02:00:00Z');
  await ok(a, wa.s.officer, 'POST', `/api/v1/admonitions/${x.id}/release`, {
    version: x.version,
    on: '2025-09-10',
    note: '表现良好，解除诫勉。',
  });
  const m = await open(wa.otherCadreId, {
    sourceKind: '信访',
    reason: '工作失职',
    talk: twoTalkers('2025-09-10'),
  });
  await setNow(a, '2025-11-03T02:00:00Z');
  await ok(a, wa.s.officer, 'POST', `/api/v1/admonitions/${m.id}/measure`, {
    version: m.version,
    on: '2025-11-03',
    measure: 'transfer',
    note: '跟踪期间表现较差，调离岗位。',
  });
  await open(wa.otherCadreId, { kind: 'reminder', reason: '会议迟到', talk: twoTalkers('2025-11-03') });
  await setNow(a, '2026-01-05T02:00:00Z');
  const t2 = await open(wa.cadreId, {
    sourceKind: '组织考察',
    reason: '考察中发现作风问题',
    talk: twoTalkers('2026-01-05'),
  });
  await setNow(a, `${t2.checkInDates[0]}T02:00:00Z`);
  await ok(a, wa.s.officer, 'POST', `/api/v1/admonitions/${t2.id}/check-ins`, {
    version: t2.version,
    on: t2.checkInDates[0],
    rating: '一般',
    note: '仍需改进',
  });
  await setNow(a, NOW);
  ledgers[2025] = await exported(a, wa.s.officer, 2025);
  ledgers[2026] = await exported(a, wa.s.officer, 2026);
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

describe('诫勉台帐 import', () => {
  it('hands out the template: the export’s columns, no rows; only to those who open admonitions', async () => {
    const res = await call(b, wb.s.officer, 'GET', '/api/v1/admonitions/ledger/template.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const ws = book.getWorksheet('诫勉台帐')!;
    expect(HEADERS.map((_, i) => ws.getCell(2, i + 1).value)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(2);
    const cadre = await upload(b, wb.s.cadre, IMPORT, ledgers[2025], '诫勉台帐.xlsx');
    expect(cadre.statusCode).toBe(403);
    expect(await count(b)).toBe(0);
  });

  it('refuses a ledger with bad rows as a whole, marking each with its reason in Chinese', async () => {
    const [released] = await rowsOf(ledgers[2025]);
    const fresh = { ...released, 编号: '', 诫勉事由: '另一事由' };
    const rows = [
      { ...fresh, 诫勉事由: '事由一', 谈话人: '张书记' }, // row 3: one talker
      { ...fresh, 诫勉事由: '事由二', 谈话日期: '2026-04-01' }, // row 4: in the future
      { ...fresh, 诫勉事由: '事由三', 解除日期: '2025-08-01' }, // row 5: released before the tracking ends
      { ...fresh, 诫勉事由: '事由四', 姓名: '查无此人' }, // row 6: unknown cadre
      { ...fresh, 诫勉事由: '事由五', 姓名: '赵青山', 单位: '青山镇' }, // row 7: outside the importer's org
      { ...fresh, 诫勉事由: '情况_x0000_说明' }, // row 8: NUL in a cell
      { ...fresh, 诫勉事由: '事由七', 状态: '跟踪考察中' }, // row 9: tracking with a release date
      { ...fresh, 诫勉事由: '事由八' }, // row 10: fine
    ];
    const job = await importFile(b, wb.s.officer, await workbookOf(rows));
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(job.message).toBe('第 3 行等 7 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    expect(await count(b)).toBe(0);
    const res = await call(
      b,
      wb.s.officer,
      'GET',
      `/api/v1/admonitions/ledger/imports/${job.id}/errors.xlsx`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as any);
    const ws = book.getWorksheet('诫勉台帐')!;
    const col = HEADERS.length + 1;
    expect(ws.getCell(2, col).value).toBe('错误原因');
    const marked: Record<number, string> = {};
    for (let r = 3; r <= ws.rowCount; r++)
      if (ws.getCell(r, col).value) marked[r] = String(ws.getCell(r, col).value);
    expect(Object.keys(marked).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(marked[3]).toContain('谈话人：不少于 2 名');
    expect(marked[4]).toContain('谈话日期：不能晚于今天（2026-03-10）');
    expect(marked[5]).toContain('解除日期：跟踪考察期至');
    expect(marked[6]).toBe('姓名：未找到该干部，或不在您的管理范围内（“查无此人”）');
    expect(marked[7]).toBe('姓名：未找到该干部，或不在您的管理范围内（“赵青山”）');
    expect(marked[8]).toContain('诫勉事由：含有无法保存的字符');
    expect(marked[9]).toContain('解除日期：状态为“跟踪考察中”，不应填写解除日期');
    // the first problems on the page as well, and the refusal audited
    expect(job.result.errors[0]).toMatchObject({ row: 3, column: '谈话人' });
    const [audit] = await b.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admonition.ledger_import'), eq(auditLog.result, 'failure')));
    expect(audit.detail).toMatchObject({ badRows: 7, rows: 8 });
  });

  it('round-trips: the ledgers exported by one system, imported into a fresh one, export the same rows', async () => {
    for (const year of [2025, 2026]) {
      const job = await importFile(b, wb.s.officer, ledgers[year]);
      expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded' });
      expect(await rowsOf(await exported(b, wb.s.officer, year))).toEqual(await rowsOf(ledgers[year]));
    }
    expect(await count(b)).toBe(4);
    const audits = await b.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'admonition.import'));
    expect(audits).toHaveLength(4);
  });

  it('writes history without to-dos for past clocks; the one under tracking goes on with its next check-in', async () => {
    const rows = await b.ctx.db.select().from(admonitions);
    const open = await b.ctx.db.select().from(todos).where(eq(todos.status, 'open'));
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r]));
    const tracking = byStatus.tracking;
    expect(tracking).toMatchObject({ checkInsDone: 1, talkOn: '2026-01-05' });
    expect(tracking.nextCheckInOn).toBe(tracking.checkInDates[1]);
    const recordTodos = open.filter((x) => x.recordType === 'admonition');
    expect(recordTodos).toHaveLength(1);
    expect(recordTodos[0]).toMatchObject({ recordId: String(tracking.id), dueOn: tracking.checkInDates[1] });
    expect(byStatus.released).toMatchObject({ checkInsDone: 6, releasedOn: '2025-09-10' });
    // eligibility reads the imported records: 王建军 is blocked by the 2026 admonition
    const e = await ok(b, wb.s.orgOfficer, 'GET', `/api/v1/cadres/${wb.cadreId}/eligibility`);
    expect(e.reasons.find((r: any) => r.code === 'admonition')).toMatchObject({ since: '2026-01-05' });
    const m = await ok(b, wb.s.orgOfficer, 'GET', `/api/v1/cadres/${wb.otherCadreId}/eligibility`);
    expect(m.reasons.map((r: any) => r.code)).toContain('org_measure');
  });

  it('refuses the same ledger uploaded again, naming the numbers already registered', async () => {
    const job = await importFile(b, wb.s.officer, ledgers[2025]);
    expect(job.status).toBe('failed');
    expect(job.result.errors[0].message).toMatch(/已登记，疑为重复导入/);
    expect(await count(b)).toBe(4);
    // without numbers, the same cadre, day and 事由 are the same admonition
    const rows = (await rowsOf(ledgers[2025])).map((r) => ({ ...r, 编号: '' }));
    const again = await importFile(b, wb.s.officer, await workbookOf(rows));
    expect(again.status).toBe('failed');
    expect(again.result.errors[0].message).toContain('干部、日期和事由均相同，疑为重复导入');
    expect(await count(b)).toBe(4);
  });
});
