import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GRADES_LEDGER_COLUMNS } from '../../src/domain/assessments/grades-ledger.js';
import { annualGrades } from '../../src/server/modules/assessments/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// today is 2026-03-02: 2024 and 2025 are past years; five active cadres → at most one 优秀 a year
let t: TestApp;
let s: Session;
const HEADERS = GRADES_LEDGER_COLUMNS.map((c) => c.header);
const BASE = '/api/v1/assessments/grades/ledger';

async function workbookOf(rows: Record<string, unknown>[]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('考核结果台帐');
  ws.addRow(['往年考核结果（手工整理）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function importRows(rows: Record<string, unknown>[]) {
  const res = await upload(t, s, `${BASE}/import`, await workbookOf(rows), '考核结果台帐.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ kind: 'assessment_grades_ledger' });
  for (;;) {
    const job = (await call(t, s, 'GET', `${BASE}/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const grades = async () => (await t.ctx.db.select().from(annualGrades)).length;
const row = (name: string, year: number, grade: string, more: Record<string, unknown> = {}) => ({
  姓名: name,
  年度: String(year),
  考核等次: grade,
  ...more,
});

beforeAll(async () => {
  t = await createTestApp();
  const town = await makeOrg(t.ctx, '甲镇');
  const village = await makeOrg(t.ctx, '东村', town.id, 'village');
  await insertCadres(
    t.ctx.db,
    t.ctx,
    ['张一', '张二', '张三', '张四', '张五'].map((name, i) => ({
      orgId: i < 3 ? town.id : village.id,
      name,
      status: 'active' as const,
    })),
    'manual',
  );
  await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'], username: 'gi_org' });
  s = await signIn(t, 'gi_org');
});
afterAll(async () => t?.app.close());

it('offers the template with the ledger’s columns', async () => {
  const res = await call(t, s, 'GET', `${BASE}/template.xlsx`);
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as any);
  expect(book.getWorksheet('考核结果台帐')!.getRow(2).values).toEqual([undefined, ...HEADERS]);
});

it('refuses a ledger with bad rows, naming each, and writes nothing', async () => {
  const job = await importRows([
    row('张一', 2024, '优秀'),
    row('无此人', 2024, '称职'),
    row('张二', 2026, '称职'),
    row('张三', 2024, '良好'),
    row('张一', 2024, '称职'),
  ]);
  expect(job.status).toBe('failed');
  expect(job.result.errors).toEqual([
    { row: 4, column: '姓名', message: '未找到该干部，或不在您的管理范围内（“无此人”）' },
    { row: 5, column: '年度', message: '只能导入往年（2025 年及以前）的考核结果' },
    { row: 6, column: '考核等次', message: '“良好”不是可选值（优秀、称职、基本称职、不称职、不定等次）' },
    { row: 7, column: '年度', message: '与第 3 行为同一干部同一年度' },
  ]);
  expect(await grades()).toBe(0);
});

it('holds the 优秀 cap across the imported rows: past it, nothing is written', async () => {
  const job = await importRows([row('张一', 2024, '优秀'), row('张二', 2024, '优秀')]);
  expect(job.status).toBe('failed');
  expect(job.message).toBe(
    '第 4 行：优秀等次已达上限：本年度考核 5 人，优秀最多 1 人（已有 1 人），未导入任何数据',
  );
  expect(await grades()).toBe(0);
});

it('imports past grades through the grading rules: audited, two 不称职 years open dismissal; again is refused', async () => {
  const job = await importRows([
    row('张一', 2024, '优秀', { 等次依据: '民主测评', 评定日期: '2025-01-15' }),
    row('张二', 2024, '不称职'),
    row('张二', 2025, '不称职'),
    row('张四', 2025, '基本称职', { 单位: '东村', 备注: '年度考核会议决定' }),
  ]);
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
  expect(job.message).toBe('已导入 4 条考核结果');
  const list = (await call(t, s, 'GET', '/api/v1/assessments/grades?year=2024')).json();
  expect(
    list.items.filter((g: any) => g.grade).map((g: any) => [g.name, g.grade, g.source, g.decidedOn]),
  ).toEqual(
    expect.arrayContaining([
      ['张一', '优秀', 'evaluation', '2025-01-15'],
      ['张二', '不称职', 'decision', '2025-01-31'],
    ]),
  );
  const audited = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'assessment.grade'));
  expect(audited).toHaveLength(4);
  const dismissal = await t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'annual_grade'), eq(todos.status, 'open')));
  expect(dismissal.map((x) => x.title)).toEqual(['连续 2 年考核不称职，启动辞退（免职）程序：张二']);

  const again = await importRows([row('张四', 2025, '基本称职')]);
  expect(again.result.errors).toEqual([
    { row: 3, column: '年度', message: '张四 2025 年度已评定等次，疑为重复导入' },
  ]);
  expect(await grades()).toBe(4);

  // the ledger exported for a year carries the 年度 the import reads back
  const exported = await call(t, s, 'GET', '/api/v1/assessments/grades/ledger.xlsx?year=2025');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported.rawPayload as any);
  const ws = book.getWorksheet('考核结果台帐')!;
  expect(ws.getRow(2).values).toEqual([undefined, ...HEADERS]);
  expect(ws.getRow(3).getCell(4).value).toBe('2025');
});
