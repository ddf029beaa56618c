import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../src/server/modules/cadres/excel/columns.js';
import { cadres, tenures } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import {
  idNumberFor,
  rosterRow,
  rosterWorkbook,
  type SheetRow,
  waitForJob,
} from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const IMPORT = '/api/v1/cadres/import/excel';
const HEADERS = ROSTER_COLUMNS.map((c) => c.header);
let t: TestApp;
let officer: Session; // 大兴镇, full ID numbers
let neighbour: Session; // 长安镇
let daxing: number;

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  daxing = (await makeOrg(t.ctx, '大兴镇', district.id)).id;
  await makeOrg(t.ctx, '党政办', daxing, 'department');
  await makeOrg(t.ctx, '红星村', daxing, 'village');
  const changan = await makeOrg(t.ctx, '长安镇', district.id);
  officer = await signIn(t, (await makeUser(t.ctx, { orgId: daxing, roles: ['org_officer'] })).username);
  neighbour = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: changan.id, roles: ['org_officer'] })).username,
  );
});
afterAll(async () => t.close());

/** Uploads a sheet (optionally in update mode) and waits for the job. */
async function importSheet(s: Session, file: Buffer, mode?: 'create' | 'update' | string) {
  const boundary = `----jd${Date.now()}`;
  const parts = [
    ...(mode ? [`--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n`] : []),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="花名册.xlsx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  ];
  const res = await t.app.inject({
    method: 'POST',
    url: IMPORT,
    payload: Buffer.concat([Buffer.from(parts.join('')), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  if (res.statusCode !== 200) return { refused: res.json().error };
  return waitForJob(t, s, res.json().id);
}

const byName = (names: string[]) =>
  t.ctx.db
    .select()
    .from(cadres)
    .where(and(inArray(cadres.name, names), isNull(cadres.deletedAt)))
    .orderBy(asc(cadres.name));

async function exportedSheet(s: Session) {
  const res = await call(t, s, 'GET', '/api/v1/cadres/export.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  return wb;
}

describe('birth date against the ID number in the roster', () => {
  it('refuses a date cell that contradicts the ID number, naming both, and reads a month-formatted cell as the month', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => rosterRow(100 + i, '红星村'));
    // rosterRow(101) is born 1981-06-18 by its ID number
    rows[1].出生年月 = new Date(Date.UTC(1981, 5, 4)); // the sheet says the 4th
    rows[2].出生年月 = new Date(Date.UTC(1982, 6, 19)); // rosterRow(102): 1982-07-19, the same day
    rows[3].出生年月 = new Date(Date.UTC(1983, 7, 1)); // rosterRow(103): 1983-08-20; shown as 1983年8月
    const sheet = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await rosterWorkbook(rows)) as any);
      const monthCell = wb.getWorksheet(1)!.getCell(5, HEADERS.indexOf('出生年月') + 1);
      monthCell.style = { ...monthCell.style, numFmt: 'yyyy"年"m"月"' }; // loaded cells share their style object
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const job = await importSheet(officer, await sheet());
    expect(job.status).toBe('failed');
    expect(job.result.errors).toEqual([
      { row: 3, column: '出生年月', message: '出生日期 1981-06-04 与身份证号码中的 1981-06-18 不一致' },
    ]);
    expect(job.result.badRows).toBe(1);

    rows[1].出生年月 = '1981.06';
    const ok = await importSheet(officer, await sheet());
    expect(ok.status, ok.message).toBe('succeeded');
    const saved = await byName(rows.map((r) => r.姓名 as string));
    expect(saved.map((c) => c.birthDate)).toEqual(['1980-05-17', '1981-06-18', '1982-07-19', '1983-08-20']);
  });

  it('refuses the same contradiction on the cadre form, against a typed or a stored ID number', async () => {
    const idNumber = idNumberFor('1975-03-08', 77);
    const refused = await call(t, officer, 'POST', '/api/v1/cadres', {
      orgId: daxing,
      name: '郝仁',
      birthDate: '1975-08-03',
      idNumber,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      birthDate: '出生日期 1975-08-03 与身份证号码中的 1975-03-08 不一致',
    });
    const made = await call(t, officer, 'POST', '/api/v1/cadres', { orgId: daxing, name: '郝仁', idNumber });
    expect(made.json().birthDate).toBe('1975-03-08');
    const edit = (birthDate: string) =>
      call(t, officer, 'PUT', `/api/v1/cadres/${made.json().id}`, {
        orgId: daxing,
        name: '郝仁',
        birthDate,
        version: made.json().version,
      });
    const wrong = await edit('1975-03-09');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('出生日期 1975-03-09 与身份证号码中的 1975-03-08 不一致');
    expect((await edit('1975-03-08')).statusCode).toBe(200);
  });
});

describe('errors on screen', () => {
  it('lists the first rows with their column and message, up to 50, beside the error sheet', async () => {
    const rows: SheetRow[] = Array.from({ length: 60 }, (_, i) => ({
      ...rosterRow(200 + i, '红星村'),
      所在单位: '幸福村',
    }));
    rows[0].出生年月 = '1980.13';
    const job = await importSheet(officer, await rosterWorkbook(rows));
    expect(job).toMatchObject({ status: 'failed', hasErrorFile: true, result: { badRows: 60 } });
    expect(job.result.errors).toHaveLength(50);
    expect(job.result.errors.slice(0, 3)).toEqual([
      { row: 2, column: '出生年月', message: '月份不正确' },
      { row: 2, column: '所在单位', message: '“幸福村”不存在或不在您的管理范围内' },
      { row: 3, column: '所在单位', message: '“幸福村”不存在或不在您的管理范围内' },
    ]);
  });
});

describe('columns the import does not read', () => {
  it('maps 职级 to the post’s level and waits for confirmation naming the columns it leaves out', async () => {
    const headers = [...HEADERS.filter((h) => h !== '职务层次'), '职级', '学位', '工作简历'];
    const rows: SheetRow[] = [rosterRow(301, '红星村'), rosterRow(302, '红星村')].map((r, i) => ({
      ...r,
      职级: i ? '副科级' : '中层副职',
      学位: '学士',
      工作简历: '见档案',
    }));
    const job = await importSheet(officer, await rosterWorkbook(rows, headers));
    expect(job.status).toBe('awaiting_confirmation');
    expect(job.message).toBe(
      '表中有 2 列不会导入（学位、工作简历）；确认后将新增 2 名干部，请核对后确认导入',
    );
    expect(job.result).toMatchObject({ mode: 'create', toCreate: 2, ignoredColumns: ['学位', '工作简历'] });
    expect(await byName([rows[0].姓名 as string])).toHaveLength(0);

    const done = await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { created: 2 } });
    const saved = await byName(rows.map((r) => r.姓名 as string));
    const posts = await t.ctx.db
      .select()
      .from(tenures)
      .where(
        inArray(
          tenures.cadreId,
          saved.map((c) => c.id),
        ),
      )
      .orderBy(asc(tenures.cadreId));
    expect(posts.map((p) => [p.level, p.source])).toEqual([
      ['middle_deputy', 'excel'],
      ['fuke', 'excel'],
    ]);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.import'), eq(auditLog.result, 'success')))
      .orderBy(asc(auditLog.id))
      .then((a) => a.slice(-1));
    expect(audit.detail).toMatchObject({ created: 2, ignoredColumns: ['学位', '工作简历'] });
  });

  it('imports nothing when the user cancels', async () => {
    const rows: SheetRow[] = [{ ...rosterRow(303, '红星村'), 学位: '学士' }];
    const job = await importSheet(officer, await rosterWorkbook(rows, [...HEADERS, '学位']));
    expect(job.status).toBe('awaiting_confirmation');
    const res = await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/cancel`);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(await byName([rows[0].姓名 as string])).toHaveLength(0);
    expect((await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`)).statusCode).toBe(422);
  });
});

describe('updating registered cadres by import', () => {
  const names = Array.from({ length: 5 }, (_, i) => `干部${String(400 + i).padStart(5, '0')}`);
  let cadreIds: number[];

  beforeAll(async () => {
    const job = await importSheet(
      officer,
      await rosterWorkbook(names.map((_, i) => rosterRow(400 + i, '红星村'))),
    );
    expect(job.status).toBe('succeeded');
    cadreIds = (await byName(names)).map((c) => c.id);
  });

  /** The officer's export, only the rows of `names`, with `edit` applied to each row object. */
  async function editedExport(edit: (row: Record<string, ExcelJS.Cell>, name: string) => void) {
    const wb = await exportedSheet(officer);
    const ws = wb.getWorksheet('干部花名册')!;
    const head = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    for (let r = ws.rowCount; r > 2; r--) {
      const row = ws.getRow(r);
      const cells = Object.fromEntries(head.map((h, c) => [h, row.getCell(c)]).filter(([h]) => h));
      const name = String(cells.姓名.value);
      if (!names.includes(name)) ws.spliceRows(r, 1);
      else edit(cells, name);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('refuses a re-imported export as already registered, and offers updating instead', async () => {
    const job = await importSheet(officer, await editedExport(() => {}));
    expect(job.status).toBe('failed');
    expect(job.result.errors[0].message).toBe(
      '已在系统中登记，不能重复导入；要更新已登记的干部，请选择导入方式“更新已登记的干部”',
    );
    expect((await importSheet(officer, await editedExport(() => {}), 'merge')).refused).toMatchObject({
      fields: { mode: '导入方式只能是新增或更新已登记的干部' },
    });
  });

  it('previews each change (column, before, after), writes nothing until confirmed, then applies all and audits each', async () => {
    const file = await editedExport((c, name) => {
      if (name === names[0]) c.联系电话.value = '13911112222';
      if (name === names[1]) c.职务层次.value = '中层副职'; // as recorded for its post 科员: unchanged
      if (name === names[2]) {
        c.职务层次.value = '中层正职';
        c.是否正职.value = '是';
      }
      if (name === names[3]) c.状态.value = '离任';
      if (name === names[4]) c.备注.value = '';
    });
    const job = await importSheet(officer, file, 'update');
    expect(job.status).toBe('awaiting_confirmation');
    expect(job.message).toBe('确认后将更新 3 名干部，2 名没有变化，请核对后确认导入');
    expect(job.result).toMatchObject({
      mode: 'update',
      toUpdate: 3,
      toCreate: 0,
      unchanged: 2,
      changesTotal: 3,
    });
    expect(job.result.changes).toEqual([
      {
        row: expect.any(Number),
        cadreId: cadreIds[0],
        name: names[0],
        changes: [{ column: '联系电话', before: '13900000400', after: '13911112222' }],
      },
      {
        row: expect.any(Number),
        cadreId: cadreIds[2],
        name: names[2],
        changes: [
          { column: '职务层次（副主任）', before: '副科', after: '中层正职' },
          { column: '是否正职（副主任）', before: '否', after: '是' },
        ],
      },
      {
        row: expect.any(Number),
        cadreId: cadreIds[3],
        name: names[3],
        changes: [{ column: '状态', before: '在职', after: '离任' }],
      },
    ]);
    const before = await byName(names);
    expect(before[0].phone).toBe('13900000400');

    const done = await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      result: { updated: 3, created: 0, unchanged: 2 },
    });
    const after = await byName(names);
    expect(after.map((c) => [c.phone, c.status, c.version - before[after.indexOf(c)].version])).toEqual([
      ['13911112222', 'active', 1],
      ['13900000401', 'active', 0],
      ['13900000402', 'active', 1],
      ['13900000403', 'left', 1],
      ['13900000404', 'active', 0], // a blank cell changes nothing
    ]);
    const [post] = await t.ctx.db
      .select()
      .from(tenures)
      .where(and(eq(tenures.cadreId, cadreIds[2]), isNull(tenures.endDate)));
    expect(post).toMatchObject({ title: '副主任', level: 'middle_principal', isPrincipal: true, version: 2 });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cadre.update'))
      .orderBy(asc(auditLog.id));
    const viaImport = audits.filter((a) => (a.detail as any).via === 'excel_import');
    expect(viaImport.map((a) => [a.objectId, (a.detail as any).jobId, (a.detail as any).changed])).toEqual([
      [String(cadreIds[0]), job.id, ['联系电话']],
      [String(cadreIds[2]), job.id, ['职务层次（副主任）', '是否正职（副主任）']],
      [String(cadreIds[3]), job.id, ['状态']],
    ]);
  });

  it('updates only the caller’s cadres, never one they must recuse from', async () => {
    const theirs = await importSheet(neighbour, await rosterWorkbook([rosterRow(410, '长安镇')]));
    expect(theirs.status).toBe('succeeded');
    const mine = await editedExport(() => {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(mine as any);
    wb.getWorksheet('干部花名册')!.addRow(HEADERS.map((h) => ({ ...rosterRow(410, '红星村') })[h] ?? null));
    const job = await importSheet(officer, Buffer.from(await wb.xlsx.writeBuffer()), 'update');
    expect(job.status).toBe('failed');
    expect(job.result.errors).toEqual([
      {
        row: 8,
        column: '身份证号码',
        message: '已登记为您管理范围以外（或需要回避）的干部，不能更新',
      },
    ]);

    // an officer who is one of these cadres cannot update their own record by import
    const self = await makeUser(t.ctx, { orgId: daxing, roles: ['org_officer'], cadreId: cadreIds[1] });
    const selfSession = await signIn(t, self.username);
    const own = await importSheet(selfSession, await editedExport(() => {}), 'update');
    expect(own.status).toBe('failed');
    expect(own.result.errors.map((e: any) => e.message)).toEqual([
      '已登记为您管理范围以外（或需要回避）的干部，不能更新',
    ]);
  });

  it('imports nothing when a cadre changed after the preview', async () => {
    const file = await editedExport((c, name) => {
      if (name === names[0]) c.备注.value = '预览后';
      if (name === names[4]) c.备注.value = '预览后';
    });
    const job = await importSheet(officer, file, 'update');
    expect(job.result.toUpdate).toBe(2);
    const [target] = await byName([names[4]]);
    const edit = await call(t, officer, 'PUT', `/api/v1/cadres/${target.id}`, {
      orgId: target.orgId,
      name: target.name,
      phone: '13700000000',
      version: target.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const res = await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('未导入任何数据');
    expect((await byName([names[0], names[4]])).map((c) => c.note)).toEqual([null, null]);
    expect((await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/cancel`)).json().status).toBe(
      'cancelled',
    );
  });

  it('sets the level of a post already held without its date, and refuses a level with no post to put it on', async () => {
    const headers = ['姓名', '身份证号码', '所在单位', '现任职务', '职级'];
    const row = (i: number, post: string, level: string) => ({
      ...rosterRow(400 + i, '红星村'),
      现任职务: post,
      职级: level,
    });
    const bad = await importSheet(
      officer,
      await rosterWorkbook([row(1, '科员', '正科级'), row(3, '镇长助理', '副科级')], headers),
      'update',
    );
    expect(bad.result.errors).toEqual([
      { row: 3, column: '任现职时间', message: '该干部没有在任的“镇长助理”职务，请填写任现职时间以建立任职' },
    ]);
    const job = await importSheet(
      officer,
      await rosterWorkbook([row(1, '科员', '正科级')], headers),
      'update',
    );
    expect(job.result.changes).toEqual([
      {
        row: 2,
        cadreId: cadreIds[1],
        name: names[1],
        changes: [{ column: '职务层次（科员）', before: '中层副职', after: '正科' }],
      },
    ]);
    expect((await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`)).json().status).toBe(
      'succeeded',
    );
    const [post] = await t.ctx.db
      .select()
      .from(tenures)
      .where(and(eq(tenures.cadreId, cadreIds[1]), isNull(tenures.endDate)));
    expect(post).toMatchObject({ title: '科员', level: 'zhengke', startDate: '2021-06-01' });
  });

  it('adds a post the cadre does not hold when the row gives its date, and creates the rows not registered', async () => {
    const rows: SheetRow[] = [
      {
        ...rosterRow(400, '红星村'),
        联系电话: '', // changed by the earlier import: a blank cell leaves it as it is
        现任职务: '综治专干',
        职务层次: '中层副职',
        是否正职: '否',
        任现职时间: '2024.03',
      },
      rosterRow(420, '红星村'),
    ];
    const job = await importSheet(officer, await rosterWorkbook(rows), 'update');
    expect(job.status, job.message).toBe('awaiting_confirmation');
    expect(job.result).toMatchObject({ toCreate: 1, toUpdate: 1 });
    expect(job.result.changes[0].changes).toEqual([
      { column: '现任职务', before: '（空）', after: '综治专干' },
      { column: '任职经历', before: '（空）', after: '新增 综治专干（自 2024.03，中层副职）' },
    ]);
    const done = await call(t, officer, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { created: 1, updated: 1 } });
    const posts = await t.ctx.db.select().from(tenures).where(eq(tenures.cadreId, cadreIds[0]));
    expect(posts.map((p) => [p.title, p.level, p.startDate, p.source, p.orgId !== null])).toEqual([
      ['综治专干', 'middle_deputy', '2024-03-01', 'excel', true],
    ]);
    expect(await byName([rows[1].姓名 as string])).toHaveLength(1);
  });
});
