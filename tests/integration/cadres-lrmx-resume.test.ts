import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadres, positions, tenures } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { idNumberFor } from '../support/cadre-helpers.js';
import { call } from '../support/factories.js';
import { lrmxFixture, lrmxFor, lrmxWorld } from '../support/lrmx-helpers.js';

let w: Awaited<ReturnType<typeof lrmxWorld>>;
let zhen: number; // 镇长 of 大兴镇: zhengke, principal
let fushuji: number; // 党委副书记: zhengke
beforeAll(async () => {
  w = await lrmxWorld();
  const made = await w.t.ctx.db
    .insert(positions)
    .values([
      { orgId: w.townA.id, title: '党委副书记', level: 'zhengke', isPrincipal: false },
      { orgId: w.townA.id, title: '镇长', level: 'zhengke', isPrincipal: true },
      { orgId: w.townB.id, title: '镇长', level: 'zhengke', isPrincipal: true },
    ])
    .returning({ id: positions.id });
  [fushuji, zhen] = made.map((p) => p.id);
});
afterAll(async () => w.t.close());

/** complete.lrmx (王建国) with another 简历. */
const withResume = (resume: string) =>
  Buffer.from(
    lrmxFixture('complete.lrmx')
      .toString('utf8')
      .replace(/<JianLi>[^<]*<\/JianLi>/, `<JianLi>${resume}</JianLi>`),
  );
const tenuresOf = (cadreId: number) =>
  w.t.ctx.db
    .select()
    .from(tenures)
    .where(eq(tenures.cadreId, cadreId))
    .orderBy(asc(tenures.startDate), asc(tenures.id));

describe('.lrmx 简历 into tenures', () => {
  let cadreId: number;

  it('shows the 简历 read into rows and 现任职务 matched to the registry before anything is written', async () => {
    const job = await w.importFile(w.sA, w.townA.id, '王建国.lrmx', lrmxFixture('complete.lrmx'));
    expect(job.status).toBe('awaiting_confirmation');
    expect(job.message).toBe('请核对从简历中读取的任职经历，确认是否导入');
    expect(job.result.files[0].resume).toEqual({
      rows: [
        { line: 1, start: '1994-09', end: '1998-07', text: '浙江农林学院农学专业学习', kind: 'study' },
        { line: 2, start: '1998-07', end: '2005-03', text: '大兴镇农业技术推广站技术员', kind: 'post' },
        { line: 3, start: '2005-03', end: '2012-06', text: '大兴镇农业办公室副主任、主任', kind: 'post' },
        { line: 4, start: '2012-06', end: '2018-09', text: '大兴镇党委委员、副镇长', kind: 'post' },
        { line: 5, start: '2018-09', end: null, text: '大兴镇党委副书记、镇长', kind: 'post' },
      ],
      unparsed: [],
      current: [
        { title: '党委副书记', level: 'zhengke', isPrincipal: false, start: '2018-09' },
        { title: '镇长', level: 'zhengke', isPrincipal: true, start: '2018-09' },
      ],
      notes: [],
    });
    expect(await w.live('王建国')).toHaveLength(0);

    const done = await w.confirm(w.sA, job);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { created: 1, tenures: 5 } });
    [{ id: cadreId }] = await w.live('王建国');
    const rows = await tenuresOf(cadreId);
    expect(
      rows.map((t) => [t.startDate, t.endDate, t.title, t.orgId, t.positionId, t.level, t.isPrincipal]),
    ).toEqual([
      ['1998-07-01', '2005-03-01', '大兴镇农业技术推广站技术员', null, null, null, false],
      ['2005-03-01', '2012-06-01', '大兴镇农业办公室副主任、主任', null, null, null, false],
      ['2012-06-01', '2018-09-01', '大兴镇党委委员、副镇长', null, null, null, false],
      ['2018-09-01', null, '党委副书记', w.townA.id, fushuji, 'zhengke', false],
      ['2018-09-01', null, '镇长', w.townA.id, zhen, 'zhengke', true],
    ]);
    expect(new Set(rows.map((t) => t.source))).toEqual(new Set(['resume']));
    const [audit] = await w.t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.import'), eq(auditLog.objectId, String(job.id))));
    expect(audit.detail).toMatchObject({ created: 1, tenures: 5 });
  });

  it('reads them on the tenure list, the timeline, the roster, eligibility and the .lrmx export', async () => {
    const list = (await call(w.t, w.sA, 'GET', `/api/v1/cadres/${cadreId}/tenures`)).json();
    expect(list.find((t: any) => t.title === '大兴镇农业技术推广站技术员')).toMatchObject({
      orgId: null,
      orgName: null,
      source: 'resume',
    });
    expect(list.find((t: any) => t.title === '镇长')).toMatchObject({ orgName: '大兴镇', level: 'zhengke' });

    const file = (await call(w.t, w.sA, 'GET', `/api/v1/cadres/${cadreId}/file`)).json();
    const titles = file.timeline.flatMap((y: any) => y.entries.map((e: any) => e.title));
    expect(titles).toEqual(
      expect.arrayContaining([
        '任职：大兴镇农业技术推广站技术员',
        '离任：大兴镇农业技术推广站技术员',
        '任职：大兴镇镇长',
        '任职：大兴镇党委副书记',
      ]),
    );

    const roster = (await call(w.t, w.sA, 'GET', '/api/v1/cadres?q=王建国')).json();
    expect(roster.items[0]).toMatchObject({ positionTitle: '镇长', positionLevel: 'zhengke' });
    const detail = (await call(w.t, w.sA, 'GET', `/api/v1/cadres/${cadreId}`)).json();
    expect(detail.current).toEqual({ title: '镇长', level: 'zhengke' });

    const verdict = (await call(w.t, w.sA, 'GET', `/api/v1/cadres/${cadreId}/eligibility`)).json();
    expect(verdict.current).toMatchObject({
      title: '镇长',
      level: 'zhengke',
      isPrincipal: true,
      since: '2018-09-01',
    });
    expect(verdict.missing.map((m: any) => m.code)).not.toContain('post_level');
    expect(verdict.missing.map((m: any) => m.code)).not.toContain('no_current_post');

    // without the 简历 text, the export writes it from the tenures, each post as recorded
    await w.t.ctx.db.update(cadres).set({ resume: null }).where(eq(cadres.id, cadreId));
    const lrmx = (await call(w.t, w.sA, 'GET', `/api/v1/cadres/${cadreId}/lrmx`)).body;
    const jianLi = /<JianLi>([^<]*)<\/JianLi>/.exec(lrmx)![1];
    expect(jianLi.split('\n')).toEqual([
      '1998.07--2005.03  大兴镇农业技术推广站技术员',
      '2005.03--2012.06  大兴镇农业办公室副主任、主任',
      '2012.06--2018.09  大兴镇党委委员、副镇长',
      '2018.09--         大兴镇党委副书记、镇长',
    ]);
  });

  it('replaces the earlier 简历 tenures on re-import, never those entered or handled by hand', async () => {
    const manual = await call(w.t, w.sA, 'POST', `/api/v1/cadres/${cadreId}/tenures`, {
      orgId: w.townA.id,
      title: '防汛指挥部副指挥长',
      level: 'fuke',
      startDate: '2020-05-01',
    });
    expect(manual.statusCode, manual.body).toBe(200);
    const first = (await tenuresOf(cadreId)).find((t) => t.title === '大兴镇农业技术推广站技术员')!;
    const fixed = await call(w.t, w.sA, 'PUT', `/api/v1/tenures/${first.id}`, {
      startDate: '1998-08-01',
      endDate: '2005-03-01',
      note: '据档案更正',
      version: first.version,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);

    const resume = [
      '1994.09--1998.07  浙江农林学院农学专业学习',
      '1998.07--2005.03  大兴镇农业技术推广站技术员',
      '2005.03--2012.06  大兴镇农业办公室主任',
      '2012.06--2018.09  大兴镇党委委员、副镇长',
      '2018.09--         大兴镇党委副书记、镇长',
    ].join('\n');
    const job = await w.importFile(w.sA, w.townA.id, '王建国.lrmx', withResume(resume));
    expect(job.result.files[0]).toMatchObject({ status: 'updated', action: 'update' });
    expect((await w.confirm(w.sA, job)).json()).toMatchObject({
      status: 'succeeded',
      result: { updated: 1 },
    });
    const rows = await tenuresOf(cadreId);
    expect(rows.map((t) => [t.startDate, t.title, t.source])).toEqual([
      ['1998-08-01', '大兴镇农业技术推广站技术员', 'manual'], // corrected by hand: kept, not read again
      ['2005-03-01', '大兴镇农业办公室主任', 'resume'], // the new line
      ['2012-06-01', '大兴镇党委委员、副镇长', 'resume'],
      ['2018-09-01', '党委副书记', 'resume'],
      ['2018-09-01', '镇长', 'resume'],
      ['2020-05-01', '防汛指挥部副指挥长', 'manual'],
    ]);
  });

  it('lists the lines it cannot read; they stay in the 简历 text', async () => {
    const id = idNumberFor('1986-04-04', 41, '330102');
    const resume = [
      '2004.09--2008.07 浙江工业大学法学专业学习',
      '2008.13--2012.01 大兴镇司法所科员',
      '2012.01 任大兴镇司法所副所长',
      '２０１５．０３—至今　大兴镇司法所所长',
    ].join('\n');
    const job = await w.importFile(
      w.sA,
      w.townA.id,
      '孙立.lrmx',
      lrmxFor('孙立', id, { resume, current: '大兴镇司法所所长' }),
    );
    const report = job.result.files[0].resume;
    expect(report.rows.map((r: any) => [r.start, r.end, r.text, r.kind])).toEqual([
      ['2004-09', '2008-07', '浙江工业大学法学专业学习', 'study'],
      ['2015-03', null, '大兴镇司法所所长', 'post'],
    ]);
    expect(report.unparsed).toEqual([
      { line: 2, text: '2008.13--2012.01 大兴镇司法所科员', reason: '月份不正确' },
      {
        line: 3,
        text: '2012.01 任大兴镇司法所副所长',
        reason: '只有一个时间，应写明起止时间，如 1990.01--1995.03',
      },
    ]);
    expect(report.notes).toEqual(['现任职务中的“司法所所长”不是本单位设置的职务，按简历原文记录']);
    await w.confirm(w.sA, job);
    const [row] = await w.live('孙立');
    expect(row.resume).toContain('2008.13--2012.01 大兴镇司法所科员');
    expect((await tenuresOf(row.id)).map((t) => [t.title, t.orgId, t.endDate])).toEqual([
      ['大兴镇司法所所长', null, null],
    ]);
  });

  it('does not make a second principal: a post someone else holds stays as the 简历 wrote it', async () => {
    const id = idNumberFor('1980-02-02', 43, '330102');
    const job = await w.importFile(w.sA, w.townA.id, '钱进.lrmx', lrmxFor('钱进', id));
    expect(job.result.files[0].resume.current).toEqual([
      { title: '党委副书记', level: 'zhengke', isPrincipal: false, start: '2018-09' },
    ]);
    expect(job.result.files[0].resume.notes).toEqual([
      '现任职务“镇长”：该职务已有在任正职，请先办理其离任，未关联该职务，按简历原文记录',
    ]);
    await w.confirm(w.sA, job);
    const [row] = await w.live('钱进');
    const open = (await tenuresOf(row.id)).filter((t) => t.endDate === null);
    expect(open.map((t) => [t.title, t.positionId])).toEqual([
      ['党委副书记', fushuji],
      ['大兴镇党委副书记、镇长', null],
    ]);
    const holders = await w.t.ctx.db
      .select()
      .from(tenures)
      .where(and(eq(tenures.positionId, zhen), eq(tenures.isPrincipal, true)));
    expect(holders).toHaveLength(1);
  });
});

describe('.lrmx confirmation per file', () => {
  it('imports only the files ticked; a flagged file is imported only when chosen', async () => {
    const flagged = lrmxFor('乙', idNumberFor('1981-01-01', 45, '330102'))
      .toString('utf8')
      .replace(/<ShenFenZheng>[^<]*<\/ShenFenZheng>/, '<ShenFenZheng></ShenFenZheng>')
      .replace(/<ChuShengNianYue>[^<]*<\/ChuShengNianYue>/, '<ChuShengNianYue></ChuShengNianYue>');
    const zip = zipSync({
      '甲.lrmx': lrmxFor('甲', idNumberFor('1982-01-01', 47, '330102')),
      '乙.lrmx': Buffer.from(flagged),
    });
    const job = await w.importFile(w.sA, w.townA.id, '两人.zip', zip);
    expect(job.message).toBe(
      '1 个文件不完整；请选择要导入的文件（可导入 2 个），核对从简历中读取的任职经历后确认',
    );
    const byName = Object.fromEntries(job.result.files.map((f: any) => [f.name, f]));
    expect(byName['乙.lrmx']).toMatchObject({ status: 'incomplete', missing: ['出生年月', '身份证号码'] });

    const none = await w.confirm(w.sA, job, []);
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({
      message: '请选择要导入的文件',
      fields: { files: '请选择要导入的文件' },
    });
    const unknown = await w.confirm(w.sA, job, ['甲.lrmx', '../丙.lrmx']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('“../丙.lrmx”不是本次导入中可以导入的文件');
    const bare = await call(w.t, w.sA, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`);
    expect(bare.statusCode).toBe(400);

    const done = await w.confirm(w.sA, job, ['甲.lrmx']);
    expect(done.json()).toMatchObject({ status: 'succeeded', result: { created: 1, skipped: 1 } });
    expect(done.json().result.files.find((f: any) => f.name === '乙.lrmx')).toMatchObject({
      skipped: true,
      imported: false,
    });
    expect(await w.live('甲')).toHaveLength(1);
    expect(await w.live('乙')).toHaveLength(0);
    const [audit] = await w.t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cadre.import'), eq(auditLog.objectId, String(job.id))));
    expect(audit.detail).toMatchObject({ files: ['甲.lrmx'], skippedFiles: ['乙.lrmx'], refusedFiles: [] });
  });

  it('says what is actually wrong: one flagged file, a month 13, a birth month against the ID number, an .xlsx in the zip', async () => {
    const id = idNumberFor('1983-05-12', 49, '330102');
    const month13 = lrmxFor('丁', id)
      .toString('utf8')
      .replace(/<ChuShengNianYue>[^<]*<\/ChuShengNianYue>/, '<ChuShengNianYue>198313</ChuShengNianYue>');
    const one = await w.importFile(w.sA, w.townA.id, '丁.lrmx', Buffer.from(month13));
    expect(one.message).toBe('文件不完整，请查看缺少的项和简历的读取结果，确认是否导入');
    expect(one.message).not.toContain('其余');
    expect(one.result.files[0].problems).toEqual(['出生年月“198313”月份不正确，未导入']);

    const june = lrmxFor('戊', id)
      .toString('utf8')
      .replace(/<ChuShengNianYue>[^<]*<\/ChuShengNianYue>/, '<ChuShengNianYue>198306</ChuShengNianYue>');
    const wrong = await w.importFile(w.sA, w.townA.id, '戊.lrmx', Buffer.from(june));
    expect(wrong.result.files[0].problems).toEqual([
      '出生日期 1983-06 与身份证号码中的 1983-05-12 不一致，未导入出生年月（按身份证号码记为 1983-05-12）',
    ]);
    await w.confirm(w.sA, wrong);
    expect((await w.live('戊'))[0].birthDate).toBe('1983-05-12');

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('干部花名册').addRow(['姓名']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = zipSync({
      '己.lrmx': lrmxFor('己', idNumberFor('1984-01-01', 51, '330102')),
      '花名册.xlsx': xlsx,
    });
    const mixed = await w.importFile(w.sA, w.townA.id, '混合.zip', zip);
    expect(mixed.message).toBe('1 个文件无法导入；请确认是否导入可以导入的 1 个文件');
    expect(mixed.result.files.find((f: any) => f.name === '花名册.xlsx')).toMatchObject({
      status: 'refused',
      message:
        '这是 Excel 工作簿（.xlsx），不是任免审批表（.lrmx）；干部花名册请在“导入干部花名册（Excel）”中导入',
    });
  });
});
