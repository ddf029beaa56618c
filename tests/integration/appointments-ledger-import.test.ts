import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_LEDGER_COLUMNS } from '../../src/domain/appointments/case-ledger.js';
import { appointmentCandidates, appointmentCases } from '../../src/server/modules/appointments/schema.js';
import { appointmentWorld } from '../support/appointment-world.js';
import { upload } from '../support/lrmx-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof appointmentWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is Monday 2026-03-02 in China
  w = await appointmentWorld(t);
}, 60_000);
afterAll(async () => t.close());

const BASE = '/api/v1/appointments/ledger';
const HEADERS = CASE_LEDGER_COLUMNS.map((c) => c.header);

async function ledgerOf(rows: Record<string, unknown>[]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('选拔任用纪实台帐');
  ws.addRow(['选拔任用纪实台帐（2024年）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return { name: '纪实台帐.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) };
}

async function importFile(file: { name: string; bytes: Uint8Array }) {
  const res = await upload(t, w.s.org, `${BASE}/import`, file);
  expect(res.statusCode, res.body).toBe(200);
  for (;;) {
    const job = (await w.api('org', 'GET', `${BASE}/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const caseA = {
  编号: '甲组〔2024〕1号',
  单位: '甲镇',
  事项: '财政所所长选拔',
  选拔方式: '竞争上岗',
  动议日期: '2024-03-01',
  决定机构: '干部工作小组会',
  任前公示: '甲组公〔2024〕1号（2024-03-11 至 2024-03-15）',
  任免文件: '甲组干〔2024〕1号（2024-03-20）',
  事项进度: '任职',
  '责任人（推荐、考察、承办、决定）': '推荐人：王五；承办人：周立新',
};
const rowsA = [
  {
    ...caseA,
    人选: '张三',
    拟任职务: '财政所所长',
    推荐得票: 30,
    笔试成绩: '86.5',
    面试成绩: 88,
    排名: 1,
    '表决（同意/反对/弃权）': '7/0/0',
    结果: '已任职',
  },
  { ...caseA, 人选: '李四', 拟任职务: '财政所所长', 推荐得票: 22, 排名: 2, 结果: '推荐人选' },
];

describe('选拔任用纪实台帐 of earlier years', () => {
  it('offers the template with the export’s columns; only the organisation office may import', async () => {
    const res = await w.api('org', 'GET', `${BASE}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    expect((book.worksheets[0].getRow(2).values as string[]).slice(1)).toEqual(HEADERS);
    expect((await w.api('discipline', 'GET', `${BASE}/template.xlsx`)).statusCode).toBe(403);
    expect((await upload(t, w.s.discipline, `${BASE}/import`, await ledgerOf(rowsA))).statusCode).toBe(403);
  });

  it('a ledger with bad rows writes nothing and names each row’s problem', async () => {
    const job = await importFile(
      await ledgerOf([
        ...rowsA,
        { ...rowsA[0], 编号: '甲组〔2024〕2号', 单位: '乙镇' }, // another township
        { ...rowsA[0], 编号: '甲组〔2024〕3号', 人选: '吴十' }, // another township's cadre
        { ...rowsA[0], 编号: '甲组〔2024〕4号', 事项进度: '讨论决定' }, // not over
        { ...rowsA[1], 人选: '王五', 动议日期: '2024-03-02' }, // the case's facts differ from its first row
        { ...rowsA[0], 编号: '甲组2024-5' }, // not a number
      ]),
    );
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true, result: { badRows: 5 } });
    expect(job.result.errors.map((e: any) => [e.row, e.column])).toEqual([
      [5, '单位'],
      [6, '人选'],
      [7, '事项进度'],
      [8, '编号'],
      [9, '编号'],
    ]);
    expect(await t.ctx.db.select().from(appointmentCases)).toHaveLength(0);
  });

  it('imports each case with its historical dates, scores, votes and results; it counts and exports again', async () => {
    const job = await importFile(
      await ledgerOf([
        ...rowsA,
        {
          ...caseA,
          编号: '甲组〔2023〕7号',
          事项: '党政办主任推荐',
          选拔方式: '组织推荐',
          动议日期: '2023-06-01',
          任前公示: null,
          任免文件: null,
          事项进度: '已撤销',
          人选: '赵六',
          拟任职务: '党政办主任',
          结果: '终止任用',
        },
      ]),
    );
    expect(job).toMatchObject({ status: 'succeeded', result: { imported: 3 } });
    const list = (await w.api('org', 'GET', '/api/v1/appointments?year=2024')).json();
    expect(list.items.map((c: any) => [c.code, c.step, c.proposedOn, c.noticeStartsOn])).toEqual([
      ['甲组〔2024〕1号', 'appointed', '2024-03-01', '2024-03-11'],
    ]);
    const c = (await w.api('org', 'GET', `/api/v1/appointments/${list.items[0].id}`)).json();
    expect(c).toMatchObject({
      dispatchCode: '甲组干〔2024〕1号',
      dispatchOn: '2024-03-20',
      methodLabel: '竞争上岗',
    });
    expect(
      c.candidates.map((x: any) => [x.name, x.status, x.recommendVotes, x.examScore, x.approve]),
    ).toEqual([
      ['张三', 'appointed', 30, 86.5, 7],
      ['李四', 'recommended', 22, null, null],
    ]);
    expect(c.responsibles.map((p: any) => `${p.roleLabel}：${p.name}`)).toEqual([
      '推荐人：王五',
      '承办人：周立新',
    ]);
    expect(c.events.map((e: any) => [e.action, e.occurredOn])).toEqual([['import', '2024-03-01']]);
    // recusal holds for imported cases: 张三's relative does not see it
    expect((await w.api('spouse', 'GET', `/api/v1/appointments/${c.id}`)).statusCode).toBe(404);
    // the 2024 figure counts the imported 任职 on its 任免文件's day
    const fig = await w.api(
      'org',
      'GET',
      `/api/v1/figures/appointments.appointed/records?orgId=${w.townA}&from=2024-01-01&to=2024-12-31&asOf=2024-12-31`,
    );
    expect(fig.statusCode, fig.body).toBe(200);
    expect(fig.json().total).toBe(1);
    const stopped = await t.ctx.db
      .select()
      .from(appointmentCandidates)
      .where(eq(appointmentCandidates.cadreId, w.cadres.zhao));
    expect(stopped.map((x) => x.status)).toEqual(['stopped']);
    // the exported ledger goes back in as it came out — and is refused as already registered
    const exported = await w.api('org', 'GET', '/api/v1/appointments/ledger.xlsx?year=2024');
    const again = await importFile({ name: 'x.xlsx', bytes: exported.rawPayload });
    expect(again.status).toBe('failed');
    expect(again.result.errors[0]).toMatchObject({
      column: '编号',
      message: '“甲组〔2024〕1号”已登记，疑为重复导入',
    });
  });
});
