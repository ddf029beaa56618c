import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALLY_COLUMNS } from '../../src/domain/appointments/tally-sheet.js';
import { appointmentCandidates } from '../../src/server/modules/appointments/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
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

const BASE = '/api/v1/appointments/tally';
const HEADERS = TALLY_COLUMNS.map((c) => c.header);

async function sheetOf(rows: Record<string, unknown>[]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('民主推荐计票表');
  ws.addRow(['财政所所长民主推荐计票表']);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return { name: '计票表.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) };
}

async function send(who: string, file: { name: string; bytes: Uint8Array }, fields: Record<string, unknown>) {
  return upload(
    t,
    w.s[who],
    `${BASE}/import`,
    file,
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
  );
}

async function finished(who: string, jobId: number) {
  for (;;) {
    const job = (await w.api(who, 'GET', `${BASE}/imports/${jobId}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('民主推荐 votes imported from the counting sheet', () => {
  let id: number;
  let version: number;
  const form = () => ({
    version,
    on: '2026-03-03',
    kind: 'meeting',
    due: 40,
    present: 36,
    recommenders: [{ cadreId: w.cadres.wang }],
  });

  it('offers the template, with the sheet’s columns', async () => {
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '财政所所长、农业服务中心副主任选拔',
      method: 'org_recommendation',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.director, w.posts.deputy],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    expect(created.statusCode, created.body).toBe(200);
    id = created.json().id;
    version = created.json().version;
    const res = await w.api('org', 'GET', `${BASE}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    expect((book.worksheets[0].getRow(2).values as string[]).slice(1)).toEqual(HEADERS);
    expect((await w.api('discipline', 'GET', `${BASE}/template.xlsx`)).statusCode).toBe(403);
  });

  it('refuses a bad form, another township’s case, a case past 动议 at once', async () => {
    const file = await sheetOf([{ 姓名: '张三', 拟任职务: '财政所所长', 得票数: 30 }]);
    const noPresent = await send('org', file, {
      caseId: String(id),
      form: { ...form(), present: undefined },
    });
    expect(noPresent.statusCode).toBe(400);
    expect(noPresent.json().error.fields).toEqual({ present: '实参加人数须为非负整数' });
    const noCase = await send('org', file, { form: form() });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().error.fields).toEqual({ caseId: '请选择选拔任用事项' });
    expect((await send('otherTown', file, { caseId: String(id), form: form() })).statusCode).toBe(404);
    // fewer present than the rule's share of those due (2/3 of 40 is 27): refused, by form as by sheet
    const thin = await w.api('org', 'POST', `/api/v1/appointments/${id}/recommendation`, {
      ...form(),
      present: 26,
      candidates: [{ cadreId: w.cadres.zhang, positionId: w.posts.director, votes: 20 }],
    });
    expect(thin.statusCode).toBe(422);
    expect(thin.json().error.fields).toEqual({
      present: '参加民主推荐人数不足：应参加 40 人，须至少 27 人参加（规则：民主推荐参加人数比例）',
    });
    expect((await send('discipline', file, { caseId: String(id), form: form() })).statusCode).toBe(403);
    const notXlsx = await send(
      'org',
      { name: 'x.xlsx', bytes: Buffer.from('not a workbook') },
      {
        caseId: String(id),
        form: form(),
      },
    );
    expect(notXlsx.statusCode).toBe(400);
  });

  it('a sheet with bad rows writes nothing and hands back the rows marked', async () => {
    const file = await sheetOf([
      { 姓名: '张三', 拟任职务: '财政所所长', 得票数: 30 },
      { 姓名: '吴十', 拟任职务: '财政所所长', 得票数: 3 }, // another township's cadre
      { 姓名: '李四', 拟任职务: '财政所所长', 得票数: 37 }, // more than present
      { 姓名: '赵六', 拟任职务: '副镇长', 得票数: 5 }, // not a post of the case
      { 姓名: '张三', 拟任职务: '财政所所长', 得票数: 2 }, // twice
      { 姓名: '王五', 得票数: 2 }, // two posts: which one?
    ]);
    const res = await send('org', file, { caseId: String(id), form: form() });
    expect(res.statusCode, res.body).toBe(200);
    const job = await finished('org', res.json().id);
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(job.message).toBe('第 4 行等 5 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    expect(job.result.errors.map((e: any) => [e.row, e.column])).toEqual([
      [4, '姓名'],
      [5, '得票数'],
      [6, '拟任职务'],
      [7, '姓名'],
      [8, '拟任职务'],
    ]);
    const errors = await w.api('org', 'GET', `${BASE}/imports/${job.id}/errors.xlsx`);
    expect(errors.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(errors.rawPayload as never);
    expect(String(book.worksheets[0].getRow(5).getCell(HEADERS.length + 1).value)).toContain(
      '多于实参加人数 36',
    );
    const c = (await w.api('org', 'GET', `/api/v1/appointments/${id}`)).json();
    expect([c.step, c.candidates.length, c.version]).toEqual(['proposed', 0, version]);
    // another user does not see the job
    expect((await w.api('spouse', 'GET', `${BASE}/imports/${job.id}`)).statusCode).toBe(404);
  });

  it('a good sheet records the recommendation as the form does: ranked per post, audited', async () => {
    const file = await sheetOf([
      { 序号: 1, 姓名: '李四', 拟任职务: '财政所所长', 得票数: 25 },
      { 序号: 2, 姓名: '张三', 单位: '甲镇', 拟任职务: '财政所所长', 得票数: '３０' },
      { 序号: 3, 姓名: '赵六', 拟任职务: '农业服务中心副主任', 得票数: 20 },
    ]);
    const res = await send('org', file, { caseId: String(id), form: form() });
    expect(res.statusCode, res.body).toBe(200);
    const job = await finished('org', res.json().id);
    expect(job).toMatchObject({ status: 'succeeded', result: { imported: 3 } });
    expect(job.message).toBe('已导入 3 名推荐人选的得票');
    const c = (await w.api('org', 'GET', `/api/v1/appointments/${id}`)).json();
    expect(c.step).toBe('recommended');
    expect(c.recommendation).toMatchObject({ kind: 'meeting', due: 40, present: 36, on: '2026-03-03' });
    const rows = await t.ctx.db
      .select()
      .from(appointmentCandidates)
      .where(eq(appointmentCandidates.caseId, id));
    expect(
      rows
        .map((r) => [r.cadreId, r.positionId, r.recommendVotes, r.rank])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual(
      [
        [w.cadres.zhang, w.posts.director, 30, 1],
        [w.cadres.li, w.posts.director, 25, 2],
        [w.cadres.zhao, w.posts.deputy, 20, 1],
      ].sort((a, b) => a[0] - b[0]),
    );
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.result, 'success'), eq(auditLog.objectType, 'appointment')));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['appointment.recommend', 'appointment.tally_import']),
    );
    // the case has moved on: a second sheet is refused at once
    const again = await send('org', file, { caseId: String(id), form: { ...form(), version: c.version } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('该选拔任用事项当前为“民主推荐”，不能录入民主推荐结果');
  });

  it('逾期: the list finds the case once its integrity opinion is past its day', async () => {
    const c = (await w.api('org', 'GET', `/api/v1/appointments/${id}`)).json();
    const ins = await w.api('org', 'POST', `/api/v1/appointments/${id}/inspection`, {
      version: c.version,
      on: '2026-03-04',
      candidateIds: c.candidates.filter((x: any) => x.rank === 1).map((x: any) => x.id),
      team: [{ cadreId: w.cadres.zhou }, { cadreId: w.cadres.wang }],
      talkedTo: 20,
      findings: '德才表现较好。',
    });
    expect(ins.statusCode, ins.body).toBe(200);
    const listed = async (overdue: string) =>
      (await w.api('org', 'GET', `/api/v1/appointments?overdue=${overdue}`))
        .json()
        .items.map((x: any) => x.id);
    expect(await listed('true')).toEqual([]);
    expect(await listed('false')).toEqual([id]);
    await w.advanceDays(30);
    expect(await listed('true')).toEqual([id]);
    expect(await listed('false')).toEqual([]);
    const bad = await w.api('org', 'GET', '/api/v1/appointments?overdue=yes');
    expect(bad.statusCode).toBe(400);
  });
});
