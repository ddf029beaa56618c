import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../src/domain/petition-ledger.js';
import { petitionDocuments, petitionEvents, petitions } from '../../src/server/modules/petitions/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { LEDGER_REPORTER, seedDaxing, statsWorld } from '../support/petition-stats-world.js';
import { act, postPetition } from '../support/petition-workflow-world.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof statsWorld>>;
let xinxing: { id: number };
let importer: Session;
const LEDGER = '/api/v1/petitions/ledger.xlsx';
const IMPORT = '/api/v1/petitions/ledger/import';
const HEADERS = LEDGER_COLUMNS.map((c) => c.header);

beforeAll(async () => {
  t = await createTestApp();
  w = await statsWorld(t);
  await seedDaxing(t, w);
  // two cases entered today through the workflow itself: one declined, one accepted
  const base = {
    orgId: w.daxing.id,
    receivedOn: '2026-03-02',
    realName: false,
    content: '具体情况见来信。',
    category: 'work_style',
  };
  const declined = await postPetition(t, w.s.officer, {
    ...base,
    channel: 'letter',
    title: '反映村务公开不及时',
  });
  expect(
    (await act(t, w.s.officer, declined.id, 'decline', { declineReason: '已通过其他途径解决' })).statusCode,
  ).toBe(200);
  const accepted = await postPetition(t, w.s.officer, {
    ...base,
    channel: 'phone',
    title: '反映干部作风问题',
  });
  expect((await act(t, w.s.officer, accepted.id, 'accept')).statusCode).toBe(200);
  xinxing = await makeOrg(t.ctx, '新兴镇', w.district.id);
  importer = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: xinxing.id, roles: ['discipline_officer'] })).username,
  );
});
afterAll(async () => t.close());

async function download(s: Session, url: string) {
  const res = await call(t, s, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  return { res, wb, ws: wb.getWorksheet('信访台帐')! };
}
const rowsOf = (ws: ExcelJS.Worksheet, from = 3) => {
  const out: Record<string, string>[] = [];
  for (let r = from; r <= ws.rowCount; r++)
    out.push(Object.fromEntries(HEADERS.map((h, i) => [h, String(ws.getCell(r, i + 1).value ?? '')])));
  return out;
};
async function workbookOf(rows: Record<string, unknown>[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信访台帐');
  ws.addRow(['信访台帐（手工整理）']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function importFile(s: Session, file: Buffer, orgId = xinxing.id) {
  const res = await upload(t, s, `${IMPORT}?orgId=${orgId}`, file, '信访台帐.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ kind: 'petitions_ledger', status: 'running' });
  for (;;) {
    const job = (await call(t, s, 'GET', `/api/v1/petitions/ledger/imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const statsOf = async (s: Session, orgId: number) => {
  const body = (await call(t, s, 'GET', `/api/v1/petitions/stats?orgId=${orgId}`)).json();
  return {
    figures: Object.fromEntries(Object.entries(body.figures).map(([k, f]: [string, any]) => [k, f.value])),
    visitors: body.visitors.value,
    rate: body.conclusionRate.value,
    byCategory: body.byCategory.map((c: any) => [c.label, c.count]),
  };
};

describe('信访台帐 export', () => {
  it('writes the period and org in a title row, the ledger columns, the cases in receipt order, audited', async () => {
    const { res, ws } = await download(w.s.officer, LEDGER);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('信访台帐-大兴镇-20260101-20261231.xlsx')}`,
    );
    expect(ws.getCell(1, 1).value).toBe('信访台帐（大兴镇  2026-01-01 至 2026-12-31）');
    expect(HEADERS.map((_, i) => ws.getCell(2, i + 1).value)).toEqual(HEADERS);
    const rows = rowsOf(ws);
    expect(rows.map((r) => r.登记编号)).toEqual([
      'XF2026-0001',
      'XF2026-0005',
      'XF2026-0006',
      'XF2026-0002',
      'XF2026-0003',
      'XF2026-0004',
      'XF2026-0007',
      'HX2026-0001',
      // registered through the workflow: 大兴镇's prefix, the year's sequence continued
      'DX-XF2026-0008',
      'DX-XF2026-0009',
    ]);
    expect(rows[0]).toMatchObject({
      序号: '1',
      收件日期: '2026-01-05',
      来源渠道: '来信',
      反映人类别: '实名',
      被反映人: '周德明',
      被反映人单位: '大兴镇农业服务中心',
      问题类别: '干部作风',
      受理情况: '受理',
      受理日期: '2026-01-08',
      处置方式: '初步核实',
      调查报告: '【2026-01-20】调查报告：反映问题部分属实',
      处理意见: '【2026-01-25】给予批评教育\n【2026-01-26】责令退还多收款项\n【2026-01-28】审批通过',
      回复日期: '2026-02-01',
      办结日期: '2026-02-03',
      办理状态: '已办结',
      是否超期: '否',
    });
    const visit = rows.find((r) => r.登记编号 === 'XF2026-0002')!;
    expect(visit).toMatchObject({ 来访人数: '3', 被反映人: '钱有才、孙德胜', 被反映人单位: '红星村、无' });
    const declined = rows.find((r) => r.登记编号 === 'XF2026-0003')!;
    expect(declined).toMatchObject({
      受理情况: '不予受理',
      受理日期: '2026-01-20',
      不予受理理由: '不属于纪检监察机关受理范围',
    });
    expect(rows.find((r) => r.登记编号 === 'XF2026-0004')!.是否超期).toBe('是');
    expect(rows.find((r) => r.登记编号 === 'XF2026-0005')).toMatchObject({
      交办机关: '区纪委',
      交办期限: '2026-02-06',
    });
    expect(rows.find((r) => r.登记编号 === 'XF2026-0007')).toMatchObject({
      交办机关: '区信访局',
      延期天数: '10',
    });
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'petition.ledger_export'));
    expect(audit.detail).toMatchObject({
      orgId: w.daxing.id,
      from: '2026-01-01',
      rows: 10,
    });
  });

  it('carries no identity: the reporter’s name and phone are nowhere in the file', async () => {
    const { res } = await download(w.s.district, `${LEDGER}?orgId=${w.daxing.id}`);
    const bytes = res.rawPayload;
    const text = Object.values(unzipSync(new Uint8Array(bytes)))
      .map((u) => strFromU8(u))
      .join('\n');
    expect(text).toContain('反映干部作风问题');
    for (const secret of Object.values(LEDGER_REPORTER)) {
      expect(text).not.toContain(secret);
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('keeps to scope and permission', async () => {
    expect((await call(t, w.s.changan, 'GET', `${LEDGER}?orgId=${w.daxing.id}`)).statusCode).toBe(404);
    expect((await call(t, w.s.secretary, 'GET', LEDGER)).statusCode).toBe(403);
    const { ws } = await download(w.s.changan, LEDGER);
    expect(rowsOf(ws).map((r) => r.登记编号)).toEqual(['XF2026-0001']);
  });

  it('hands out the import template: the same layout, no rows', async () => {
    const { ws } = await download(importer, '/api/v1/petitions/ledger/template.xlsx');
    expect(HEADERS.map((_, i) => ws.getCell(2, i + 1).value)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(2);
  });
});

describe('信访台帐 import', () => {
  it('imports nothing from a ledger with bad rows and marks exactly those, with their reasons', async () => {
    const { ws } = await download(w.s.officer, LEDGER);
    const rows: Record<string, unknown>[] = rowsOf(ws);
    rows[1] = { ...rows[1], 收件日期: '2026-02-30' }; // sheet row 4
    rows[3] = { ...rows[3], 来访人数: '' }; // row 6: a visit without visitors
    rows[4] = { ...rows[4], 受理情况: '', 受理日期: '', 不予受理理由: '', 办结日期: '2026-02-01' }; // row 7: concluded, never accepted
    rows[0] = { ...rows[0], 回复日期: '2026-01-02' }; // row 3: reply before acceptance
    rows[6] = { ...rows[6], 来源渠道: '传真' }; // row 9
    rows[8] = { ...rows[8], 登记编号: 'XF2026-0001' }; // row 11: a number twice in the file
    rows[2] = { ...rows[2], 交办文号: '' }; // row 5: an assigned case without its reference
    const job = await importFile(importer, await workbookOf(rows));
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    const errors = await download(importer, `/api/v1/petitions/ledger/imports/${job.id}/errors.xlsx`);
    const reasonCol = HEADERS.length + 1;
    const marked: Record<number, string> = {};
    for (let r = 3; r <= errors.ws.rowCount; r++) {
      const v = errors.ws.getCell(r, reasonCol).value;
      if (v) marked[r] = String(v);
    }
    expect(job.message).toBe('第 3 行等 7 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    expect(await t.ctx.db.select().from(petitions).where(eq(petitions.orgId, xinxing.id))).toHaveLength(0);

    expect(errors.ws.getCell(2, reasonCol).value).toBe('错误原因');
    expect(Object.keys(marked).map(Number)).toEqual([3, 4, 5, 6, 7, 9, 11]);
    expect(marked[3]).toContain('回复日期：2026-01-02 早于审批日期');
    expect(marked[4]).toContain('收件日期：日期不存在');
    expect(marked[5]).toContain('交办文号：上级交办件须填写交办文号');
    expect(marked[6]).toContain('来访人数：来访须填写来访人数');
    expect(marked[7]).toContain('办结日期：办结的件须已受理');
    expect(marked[9]).toContain('来源渠道：“传真”不是可选值');
    expect(marked[11]).toContain('登记编号：与第 3 行重复');
    // the first problems are on the page too, by row, with the column they name
    expect(job.result.badRows).toBe(7);
    expect([...new Set(job.result.errors.map((e: { row: number }) => e.row))]).toEqual([
      3, 4, 5, 6, 7, 9, 11,
    ]);
    const fax = job.result.errors.find((e: { row: number }) => e.row === 9);
    expect(fax.column).toBe('来源渠道');
    expect(fax.message).toContain('“传真”不是可选值');
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'petition.ledger_import'), eq(auditLog.result, 'failure')));
    expect(audit.detail).toMatchObject({ badRows: 7, rows: 10, orgId: xinxing.id });
  });

  it('reports a cell holding NUL (written _x0000_ in the file) as the row’s error, not a failed import', async () => {
    const { ws } = await download(w.s.officer, LEDGER);
    const [row] = rowsOf(ws);
    const job = await importFile(
      importer,
      await workbookOf([{ ...row, 登记编号: '', 主要内容: '情况_x0000_说明' }]),
    );
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(job.message).toBe('第 3 行等 1 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    const errors = await download(importer, `/api/v1/petitions/ledger/imports/${job.id}/errors.xlsx`);
    expect(String(errors.ws.getCell(3, HEADERS.length + 1).value)).toContain(
      '含有无法保存的字符（如空字符），请删除后重新导入',
    );
    expect(await t.ctx.db.select().from(petitions).where(eq(petitions.orgId, xinxing.id))).toHaveLength(0);
  });

  it('refuses a file that is not a workbook, and an org outside the caller’s scope', async () => {
    const fake = await upload(t, importer, IMPORT, Buffer.from('%PDF-1.7 not a sheet'), '台帐.xlsx');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toMatch(/不是 Excel 工作簿/);
    const other = await upload(
      t,
      importer,
      `${IMPORT}?orgId=${w.daxing.id}`,
      await workbookOf([]),
      '台帐.xlsx',
    );
    expect(other.statusCode).toBe(404);
  });

  it('brings in an exported ledger: marked imported, dates kept, no to-do for finished cases — and the same statistics', async () => {
    const { res } = await download(w.s.officer, LEDGER);
    const job = await importFile(importer, res.rawPayload);
    expect(job, job.message).toMatchObject({ status: 'succeeded', result: { imported: 10 } });

    const rows = await t.ctx.db.select().from(petitions).where(eq(petitions.orgId, xinxing.id));
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.imported)).toBe(true);
    const first = rows.find((r) => r.code === 'XF2026-0001')!;
    expect(first).toMatchObject({
      receivedOn: '2026-01-05',
      acceptedOn: '2026-01-08',
      approvedOn: '2026-01-28',
      repliedOn: '2026-02-01',
      concludedOn: '2026-02-03',
      status: 'concluded',
      realName: true,
      reporterEnc: null,
      dueOn: null,
    });
    const docs = await t.ctx.db
      .select()
      .from(petitionDocuments)
      .where(eq(petitionDocuments.petitionId, first.id));
    expect(docs.filter((d) => d.kind !== 'reply').map((d) => [d.kind, d.occurredOn])).toEqual([
      ['report', '2026-01-20'],
      ['opinion', '2026-01-25'],
      ['opinion', '2026-01-26'],
    ]);
    const events = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, first.id))
      .orderBy(petitionEvents.id);
    expect(events.map((e) => [e.action, e.occurredOn])).toEqual([
      ['register', '2026-01-05'],
      ['accept', '2026-01-08'],
      ['investigate', '2026-01-08'],
      ['report', '2026-01-20'],
      ['opinion', '2026-01-25'],
      ['opinion', '2026-01-26'],
      ['submit', '2026-01-26'],
      ['approve', '2026-01-28'],
      ['reply', '2026-02-01'],
      ['conclude', '2026-02-03'],
    ]);
    const openTodos = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'petition'), eq(todos.status, 'open')));
    const openFor = new Set(openTodos.map((x) => Number(x.recordId)));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const code of ['XF2026-0001', 'XF2026-0003', 'XF2026-0005', 'XF2026-0006'])
      expect(openFor.has(byCode.get(code)!.id), code).toBe(false);
    for (const code of ['XF2026-0002', 'XF2026-0004', 'XF2026-0007'])
      expect(openFor.has(byCode.get(code)!.id), code).toBe(true);
    expect(byCode.get('XF2026-0007')!.dueOn).toBe('2026-04-14');

    expect(await statsOf(importer, xinxing.id)).toEqual(await statsOf(w.s.officer, w.daxing.id));
    // and the imported ledger exports as the original did
    const again = rowsOf((await download(importer, LEDGER)).ws);
    const original = rowsOf((await download(w.s.officer, LEDGER)).ws);
    expect(again).toEqual(original);
  });

  it('refuses the same ledger twice: its numbers are taken', async () => {
    const { res } = await download(w.s.officer, LEDGER);
    const job = await importFile(importer, res.rawPayload);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/^第 3 行等 10 行有误/);
  });
});

describe('信访台帐 as clerks keep it', () => {
  const clerkLedger = [
    // 予以了结 with no 处理意见 copied into the ledger
    {
      收件日期: '2025-03-03',
      来源渠道: '来信',
      反映人类别: '匿名',
      反映事由: '反映村道硬化质量问题',
      受理情况: '受理',
      受理日期: '2025-03-05',
      处置方式: '予以了结',
      办结日期: '2025-03-20',
    },
    // 暂存待查, later concluded
    {
      收件日期: '2025-04-01',
      来源渠道: '来电',
      反映人类别: '实名',
      反映事由: '反映低保评定不公',
      受理情况: '受理',
      受理日期: '2025-04-02',
      处置方式: '暂存待查',
      办结日期: '2025-06-30',
    },
    // two opinions written one a line, without dates
    {
      收件日期: '2025-05-06',
      来源渠道: '来信',
      反映人类别: '匿名',
      反映事由: '反映村干部多收费用',
      受理情况: '受理',
      受理日期: '2025-05-08',
      处置方式: '初步核实',
      调查报告: '【2025-05-20】反映问题属实',
      处理意见: '给予批评教育\n责令退还多收款项\n【2025-05-28】审批通过',
      回复日期: '2025-06-01',
      答复意见: '已责令退还。',
      办结日期: '2025-06-03',
    },
  ];
  let town: { id: number };
  let clerk: Session;
  beforeAll(async () => {
    town = await makeOrg(t.ctx, '长乐镇', w.district.id);
    clerk = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: town.id, roles: ['discipline_officer'] })).username,
    );
  });
  const ofTitle = async (title: string) => {
    const [p] = await t.ctx.db
      .select()
      .from(petitions)
      .where(and(eq(petitions.orgId, town.id), eq(petitions.title, title)));
    const docs = await t.ctx.db
      .select()
      .from(petitionDocuments)
      .where(eq(petitionDocuments.petitionId, p.id));
    const events = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, p.id))
      .orderBy(petitionEvents.id);
    return { p, docs, events: events.map((e) => [e.action, e.occurredOn]) };
  };

  it('imports 予以了结 without 处理意见 and 暂存待查 later concluded as the workflow has them, inventing no opinion', async () => {
    const job = await importFile(clerk, await workbookOf(clerkLedger), town.id);
    expect(job, job.message).toMatchObject({
      status: 'succeeded',
      message: '已导入 3 件信访件（另有 1 条说明）',
      result: {
        imported: 3,
        notes: ['第 5 行：处理意见有 2 段未注明日期，按 2 条处理意见计入（日期记为 2025-05-28）'],
      },
    });
    const closed = await ofTitle('反映村道硬化质量问题');
    expect(closed.p).toMatchObject({ status: 'concluded', disposal: 'close', opinionCount: 0 });
    expect(closed.docs).toEqual([]);
    expect(closed.events).toEqual([
      ['register', '2025-03-03'],
      ['accept', '2025-03-05'],
      ['close', '2025-03-05'],
      ['conclude', '2025-03-20'],
    ]);
    const held = await ofTitle('反映低保评定不公');
    expect(held.p).toMatchObject({ status: 'concluded', disposal: 'close', realName: true, opinionCount: 0 });
    expect(held.events).toEqual([
      ['register', '2025-04-01'],
      ['accept', '2025-04-02'],
      ['hold', '2025-04-02'],
      ['close', '2025-04-02'],
      ['conclude', '2025-06-30'],
    ]);
    // each paragraph the clerk wrote is one opinion, as the statistics count them
    const lines = await ofTitle('反映村干部多收费用');
    expect(lines.p.opinionCount).toBe(2);
    expect(lines.docs.filter((d) => d.kind === 'opinion').map((d) => [d.content, d.occurredOn])).toEqual([
      ['给予批评教育', '2025-05-28'],
      ['责令退还多收款项', '2025-05-28'],
    ]);
  });

  it('refuses the same ledger without 登记编号 uploaded again, naming each row and the case it repeats', async () => {
    const job = await importFile(clerk, await workbookOf(clerkLedger), town.id);
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(job.message).toBe('第 3 行等 3 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    const errors = await download(clerk, `/api/v1/petitions/ledger/imports/${job.id}/errors.xlsx`);
    const reasonCol = HEADERS.length + 1;
    const first = (await ofTitle('反映村道硬化质量问题')).p.code;
    expect(first).toMatch(/^CL-XF2025-\d{4}$/);
    expect(errors.ws.getCell(3, reasonCol).value).toBe(
      `反映事由：与已登记的信访件 ${first} 收件日期、来源渠道、反映事由、反映人类别均相同，疑为重复导入；确为另一件的，请填写登记编号加以区分`,
    );
    for (const r of [4, 5]) expect(String(errors.ws.getCell(r, reasonCol).value)).toContain('疑为重复导入');
    expect(await t.ctx.db.select().from(petitions).where(eq(petitions.orgId, town.id))).toHaveLength(3);
  });

  it('refuses a row repeated within the file, unless the clerk tells them apart by number', async () => {
    const row = { ...clerkLedger[0], 收件日期: '2025-09-09', 受理日期: '2025-09-10', 办结日期: '2025-09-20' };
    const twice = await importFile(clerk, await workbookOf([row, row]), town.id);
    expect(twice.status).toBe('failed');
    const errors = await download(clerk, `/api/v1/petitions/ledger/imports/${twice.id}/errors.xlsx`);
    expect(errors.ws.getCell(4, HEADERS.length + 1).value).toBe(
      '反映事由：与第 3 行收件日期、来源渠道、反映事由、反映人类别均相同，疑为同一件；确为另一件的，请填写登记编号加以区分',
    );
    const numbered = await importFile(
      clerk,
      await workbookOf([
        { ...row, 登记编号: '长纪信〔2025〕31号' },
        { ...row, 登记编号: '长纪信〔2025〕32号' },
      ]),
      town.id,
    );
    expect(numbered, numbered.message).toMatchObject({ status: 'succeeded', result: { imported: 2 } });
  });
});
