import { and, count, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../src/server/modules/cadres/excel/columns.js';
import { cadres, tenures } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import {
  idNumberFor,
  rosterRow,
  rosterWorkbook,
  sheetRows,
  upload,
  waitForJob,
} from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const IMPORT = '/api/v1/cadres/import/excel';
let t: TestApp;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  await makeOrg(t.ctx, '党政办', daxing.id, 'department');
  await makeOrg(t.ctx, '红星村', daxing.id, 'village');
  const changan = await makeOrg(t.ctx, '长安镇', district.id);
  await makeOrg(t.ctx, '党政办', changan.id, 'department');
  officer = await signIn(t, (await makeUser(t.ctx, { orgId: daxing.id, roles: ['org_officer'] })).username);
});
afterAll(async () => t.close());

const cadreCount = async () =>
  (await t.ctx.db.select({ n: count() }).from(cadres).where(isNull(cadres.deletedAt)))[0].n;
const unit = (i: number) => (i % 2 ? '大兴镇/党政办' : '红星村');

async function importFile(file: Buffer, name?: string) {
  const res = await upload(t, officer, IMPORT, file, name);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ kind: 'cadres_excel', status: 'running' });
  return waitForJob(t, officer, res.json().id);
}

async function errorSheetOf(jobId: number) {
  const res = await call(t, officer, 'GET', `/api/v1/cadre-imports/${jobId}/errors.xlsx`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  return wb;
}

describe('Excel import of the roster', () => {
  it('imports nothing from a 200-row sheet with 3 bad rows, marks exactly those, then imports the corrected sheet', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => rosterRow(i, unit(i)));
    const goodId = rows[10].身份证号码 as string;
    rows[10].身份证号码 = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0'); // sheet row 12
    rows[50].所在单位 = '长安镇/党政办'; // sheet row 52: another township's unit
    rows[120].姓名 = ''; // sheet row 122
    const failed = await importFile(await rosterWorkbook(rows), '三行有误.xlsx');

    expect(failed).toMatchObject({ status: 'failed', hasErrorFile: true, total: 200, processed: 200 });
    expect(failed.message).toBe('第 12 行等 3 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    expect(await cadreCount()).toBe(0);

    const wb = await errorSheetOf(failed.id);
    const ws = wb.getWorksheet('干部花名册')!;
    const reasonCol = ROSTER_COLUMNS.length + 1;
    expect(ws.getCell(1, reasonCol).value).toBe('错误原因');
    const marked = new Map<number, string>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const reason = ws.getCell(r, reasonCol).value;
      const fill = ws.getCell(r, 2).fill as ExcelJS.FillPattern | undefined;
      if (reason) marked.set(r, String(reason));
      expect(fill?.fgColor?.argb === 'FFFFC7CE', `row ${r} fill`).toBe(!!reason);
    }
    expect([...marked.keys()]).toEqual([12, 52, 122]);
    expect(marked.get(12)).toBe('身份证号码校验位不正确');
    expect(marked.get(52)).toBe('所在单位：“长安镇/党政办”不存在或不在您的管理范围内');
    expect(marked.get(122)).toBe('请输入姓名');

    // the user corrects the error sheet itself and uploads it again
    ws.getCell(12, 6).value = goodId;
    ws.getCell(52, 18).value = '红星村';
    ws.getCell(122, 2).value = '王小明';
    const done = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), '改正后.xlsx');
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { imported: 200 },
      total: 200,
      processed: 200,
    });
    expect(await cadreCount()).toBe(200);
    const [{ n: posts }] = await t.ctx.db.select({ n: count() }).from(tenures);
    expect(posts).toBe(150);

    const [one] = await t.ctx.db.select().from(cadres).where(eq(cadres.name, '干部00005'));
    expect(one).toMatchObject({
      gender: '男',
      birthDate: '1965-06-06',
      politicalStatus: 'cpc',
      partyJoinDate: '1990-07',
      workStartDate: '1985-09',
      education: 'postgraduate',
      currentPosition: '科员',
      phone: '13900000005',
      source: 'excel',
      status: 'active',
      idNumberMasked: `110101********${idNumberFor('1965-06-06', 5).slice(-4)}`,
    });
    const [post] = await t.ctx.db.select().from(tenures).where(eq(tenures.cadreId, one.id));
    expect(post).toMatchObject({
      title: '科员',
      level: 'middle_deputy',
      isPrincipal: false,
      startDate: '2015-06-01',
      endDate: null,
    });
    expect(post.orgId).toBe(one.orgId);

    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'cadre.import'));
    expect(audits.map((a) => [a.result, (a.detail as any).file])).toEqual([
      ['failure', '三行有误.xlsx'],
      ['success', '改正后.xlsx'],
    ]);
    expect(audits[1].detail).toMatchObject({ imported: 200, tenures: 150, rows: 200 });
  });

  it('reports a cell holding NUL (written _x0000_ in the file) as the row’s error, and refuses such a file name', async () => {
    const before = await cadreCount();
    const rows = [rosterRow(300, unit(1)), rosterRow(301, unit(2))];
    rows[1].籍贯 = '江苏_x0000_南京'; // sheet row 3
    const failed = await importFile(await rosterWorkbook(rows), '空字符.xlsx');
    expect(failed).toMatchObject({ status: 'failed', hasErrorFile: true });
    expect(failed.message).toBe('第 3 行等 1 行有误，未导入任何数据，请下载错误清单修改后重新导入');
    const ws = (await errorSheetOf(failed.id)).getWorksheet('干部花名册')!;
    expect(String(ws.getCell(3, ROSTER_COLUMNS.length + 1).value)).toBe(
      '籍贯：含有无法保存的字符（如空字符），请删除后重新导入',
    );
    expect(await cadreCount()).toBe(before);

    const named = await upload(
      t,
      officer,
      IMPORT,
      await rosterWorkbook([rosterRow(302, unit(1))]),
      'a\u0000b.xlsx',
    );
    expect(named.statusCode).toBe(400);
    expect(named.json().error.message).toBe(
      '文件名含有无法保存的字符（如空字符或不完整的字符），请删除后重试',
    );
  });

  it('refuses ID numbers repeated within the file or already registered', async () => {
    const rows = [
      rosterRow(300, '红星村'),
      rosterRow(301, '红星村'),
      rosterRow(302, '红星村'),
      rosterRow(5, '红星村'),
    ];
    rows[2].身份证号码 = rows[0].身份证号码;
    rows[2].出生年月 = rows[0].出生年月; // else the birth month contradicts the copied number too
    const job = await importFile(await rosterWorkbook(rows));
    expect(job.status).toBe('failed');
    const reasons = sheetRows((await errorSheetOf(job.id)).getWorksheet(1)!).map((r) => r.错误原因 ?? null);
    expect(reasons).toEqual([
      '身份证号码：与第 4 行重复',
      null,
      '身份证号码：与第 2 行重复',
      '身份证号码：已在系统中登记，不能重复导入；要更新已登记的干部，请选择导入方式“更新已登记的干部”',
    ]);
    expect(await cadreCount()).toBe(200);
  });

  it('refuses files that are not .xlsx, whatever their name, and sheets without roster rows', async () => {
    const refused = async (file: Buffer, message: RegExp) => {
      const res = await upload(t, officer, IMPORT, file);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(message);
    };
    await refused(Buffer.from('姓名,所在单位\n张三,红星村\n'), /不是 Excel 工作簿/);
    await refused(Buffer.from(zipSync({ 'a.txt': new Uint8Array([1, 2, 3]) })), /不是 Excel 工作簿/);
    await refused(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(600)]), /旧版 Excel/);
    await refused(Buffer.alloc(0), /空的/);
    await refused(await rosterWorkbook([]), /没有干部数据/);
    await refused(await rosterWorkbook([{ 序号: 1 }, {}]), /没有干部数据/);
    await refused(await rosterWorkbook([{ 甲: 1 }], ['甲', '乙']), /未找到表头行/);
    await refused(await rosterWorkbook([{ 姓名: '张三', 性别: '男' }], ['姓名', '性别']), /缺少“所在单位”列/);

    const big = await upload(
      t,
      officer,
      IMPORT,
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(21 << 20)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/超过 20 MB/);

    const json = await call(t, officer, 'POST', IMPORT, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toMatch(/请选择要上传的 Excel 文件/);
  });

  it('offers a template with the layout, drop-downs from the dictionaries, a guide and the units one may use', async () => {
    const res = await call(t, officer, 'GET', '/api/v1/cadres/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('干部花名册导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['干部花名册', '填写说明', '可填单位']);
    const ws = wb.getWorksheet('干部花名册')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(ROSTER_COLUMNS.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(6).width).toBe(21);
    const list = (col: number) => (ws as any).dataValidations.find(`${ws.getColumn(col).letter}2`);
    const colOf = (h: string) => ROSTER_COLUMNS.findIndex((c) => c.header === h) + 1;
    expect(list(colOf('性别'))).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(list(colOf('政治面貌')).formulae).toEqual(['"中共党员,中共预备党员,共青团员,民主党派,群众"']);
    expect(list(colOf('最高学历')).formulae).toEqual(['"研究生,大学本科,大学专科,中专,高中,初中及以下"']);
    expect(list(colOf('职务层次')).formulae[0]).toContain('村（社区）干部');
    expect(list(colOf('是否正职')).formulae).toEqual(['"是,否"']);
    expect(list(colOf('状态')).formulae).toEqual(['"在职,离任,退休"']);
    expect(list(colOf('姓名'))).toBeUndefined();

    const guide = sheetRows(wb.getWorksheet('填写说明')!);
    expect(guide.slice(0, ROSTER_COLUMNS.length).map((r) => r.列名)).toEqual(
      ROSTER_COLUMNS.map((c) => c.header),
    );
    expect(guide.some((r) => String(r.填写要求 ?? '').includes('1990.01'))).toBe(true);
    const units = sheetRows(wb.getWorksheet('可填单位')!).map((r) => r['所在单位（按此填写）']);
    expect(units).toEqual(['大兴镇', '党政办', '红星村']); // 长安镇 is not the officer's

    const blank = await upload(t, officer, IMPORT, res.rawPayload);
    expect(blank.json().error.message).toMatch(/没有干部数据/);
  });
});

describe('import progress', () => {
  it('counts the rows as they are checked, up to the total', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => rosterRow(400 + i, '红星村'));
    const job = await importFile(await rosterWorkbook(rows));
    expect(job).toMatchObject({ status: 'succeeded', total: 30, processed: 30, result: { imported: 30 } });
    const live = await t.ctx.db
      .select({ n: count() })
      .from(cadres)
      .where(and(isNull(cadres.deletedAt), eq(cadres.source, 'excel')));
    expect(live[0].n).toBe(230);
  });
});
