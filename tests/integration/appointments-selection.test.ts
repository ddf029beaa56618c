import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentRegistrants } from '../../src/server/modules/appointments/schema.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { appointmentWorld } from '../support/appointment-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof appointmentWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is Monday 2026-03-02 in China
  w = await appointmentWorld(t);
  // 钱九 has been a 中层副职 for less than the two years a 副职 needs before a 正职: blocked
  // for 财政所所长; 孙七 a 中层副职 since 2018: eligible
  await t.ctx.db.insert(tenures).values([
    {
      cadreId: w.cadres.qian,
      orgId: w.townA,
      title: '党政办副主任',
      level: 'middle_deputy',
      startDate: '2025-06-01',
    },
    {
      cadreId: w.cadres.sun,
      orgId: w.townA,
      title: '农业服务中心副主任',
      level: 'middle_deputy',
      startDate: '2018-01-01',
    },
  ]);
}, 60_000);
afterAll(async () => t.close());

const url = (id: number, step = '') => `/api/v1/appointments/${id}${step}`;
const fieldsOf = (res: { json(): any }) => Object.keys(res.json().error?.fields ?? {});
const registrantRows = async (caseId: number) =>
  t.ctx.db.select().from(appointmentRegistrants).where(eq(appointmentRegistrants.caseId, caseId));

describe('a 竞争上岗 case: 报名 → 资格审查 → 成绩 → 排名 → 考察对象', () => {
  let id: number;
  let version: number;
  const reg: Record<string, number> = {};
  const post = () => w.posts.director;

  it('creates the case', async () => {
    const res = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '财政所所长竞争上岗',
      method: 'competitive',
      decidingBody: 'cadre_group',
      positionIds: [post()],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    version = res.json().version;
    expect(res.json().selection).toMatchObject({
      weights: { exam: 0.5, interview: 0.5 },
      ratio: 1.5,
      rows: [],
    });
  });

  it('报名: registry cadres in scope, each with the system’s eligibility; bad registrations name the field', async () => {
    const body = (extra: object) => ({ version, on: '2026-03-02', positionId: post(), ...extra });
    const outsider = await w.api(
      'org',
      'POST',
      url(id, '/registrants'),
      body({ cadreId: w.cadres.outsider }),
    );
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.fields).toEqual({ cadreId: '干部不存在或不在您的管理范围内' });
    const external = await w.api(
      'org',
      'POST',
      url(id, '/registrants'),
      body({
        person: {
          name: '外单位',
          gender: '男',
          birthDate: '1990-01-01',
          education: '本科',
          currentPost: '某局科员',
        },
      }),
    );
    expect(external.statusCode).toBe(400);
    expect(fieldsOf(external)).toEqual(['cadreId']);
    const wrongPost = await w.api(
      'org',
      'POST',
      url(id, '/registrants'),
      body({ cadreId: w.cadres.zhang, positionId: w.posts.deputy }),
    );
    expect(wrongPost.statusCode).toBe(400);
    expect(fieldsOf(wrongPost)).toEqual(['positionId']);
    expect(
      (await w.api('otherTown', 'POST', url(id, '/registrants'), body({ cadreId: w.cadres.zhang })))
        .statusCode,
    ).toBe(404);
    expect(await registrantRows(id)).toHaveLength(0);
    for (const key of ['zhang', 'sun', 'li', 'qian', 'zhao'] as const) {
      const res = await w.api('org', 'POST', url(id, '/registrants'), body({ cadreId: w.cadres[key] }));
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const dup = await w.api('org', 'POST', url(id, '/registrants'), body({ cadreId: w.cadres.zhang }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields).toEqual({ cadreId: '张三已报名该职务' });
    const rows = (await w.api('org', 'GET', url(id))).json().selection.rows;
    for (const r of rows) reg[r.name] = r.id;
    const byName = Object.fromEntries(rows.map((r: any) => [r.name, r]));
    expect(byName.钱九.eligibilityVerdict).toBe('blocked');
    expect(byName.钱九.eligibilityReasons).toContain('自 2025-06-01 起任中层副职');
    // no blocking reason, but facts missing (e.g. last year's grade): 无法判断, not blocked
    expect(byName.孙七.eligibilityVerdict).toBe('undetermined');
    expect(byName.张三.qualificationLabel).toBe('待审查');
  });

  it('资格审查: a blocked registrant does not pass without an override reason by a higher permission', async () => {
    const q = (who: string, name: string, body: object) =>
      w.api(who, 'POST', url(id, `/registrants/${reg[name]}/qualification`), { version, ...body });
    const noReason = await q('org', '钱九', { result: 'passed', reason: '符合报名条件' });
    expect(noReason.statusCode).toBe(422);
    expect(fieldsOf(noReason)).toEqual(['overrideReason']);
    expect(noReason.json().error.message).toContain('钱九经系统核对不符合提拔条件');
    const officer = await q('org', '钱九', {
      result: 'passed',
      reason: '符合报名条件',
      overrideReason: '工作需要',
    });
    expect(officer.statusCode).toBe(403);
    const blank = await q('org', '张三', { result: 'passed', reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(fieldsOf(blank)).toEqual(['reason']);
    expect((await registrantRows(id)).every((r) => r.qualification === null)).toBe(true);
    for (const name of ['张三', '孙七', '李四']) {
      const res = await q('org', name, { result: 'passed', reason: '符合报名条件' });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const failed = await q('org', '赵六', { result: 'failed', reason: '学历不符合报名条件' });
    expect(failed.statusCode).toBe(200);
    version = failed.json().version;
    // the party secretary holds appointment.override: passes with the reason, audited
    const over = await q('secretary', '钱九', {
      result: 'passed',
      reason: '符合报名条件',
      overrideReason: '急需紧缺专业人才，经党委研究同意',
    });
    expect(over.statusCode, over.body).toBe(200);
    version = over.json().version;
    const qian = over.json().selection.rows.find((r: any) => r.name === '钱九');
    expect(qian).toMatchObject({
      qualification: 'passed',
      overrideReason: '急需紧缺专业人才，经党委研究同意',
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'appointment.qualification_override'));
    expect(audits).toHaveLength(1);
    expect(audits[0].objectId).toBe(String(id));
  });

  it('成绩: a score over 100 or for a registrant who failed the check is refused naming the field, nothing written', async () => {
    const scores = (rows: [string, number, number][]) => ({
      version,
      scores: rows.map(([name, examScore, interviewScore]) => ({
        registrantId: reg[name],
        examScore,
        interviewScore,
      })),
    });
    const over = await w.api(
      'org',
      'POST',
      url(id, '/scores'),
      scores([
        ['张三', 85, 90],
        ['孙七', 101, 85],
      ]),
    );
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields).toEqual({ 'scores.1.examScore': '笔试成绩须在 0 至 100 分之间' });
    const failed = await w.api('org', 'POST', url(id, '/scores'), scores([['赵六', 85, 90]]));
    expect(failed.statusCode).toBe(400);
    expect(failed.json().error.fields).toEqual({
      'scores.0.registrantId': '赵六未通过资格审查，不能录入成绩',
    });
    const decimals = await w.api('org', 'POST', url(id, '/scores'), scores([['张三', 85.125, 90]]));
    expect(decimals.statusCode).toBe(400);
    expect(fieldsOf(decimals)).toEqual(['scores.0.examScore']);
    expect((await registrantRows(id)).every((r) => r.examScore === null)).toBe(true);
    const ok = await w.api(
      'org',
      'POST',
      url(id, '/scores'),
      scores([
        ['张三', 85, 90], // 87.5
        ['孙七', 90, 85], // 87.5, lower interview: after 张三
        ['李四', 70, 80], // 75
        ['钱九', 60, 60], // 60
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    version = ok.json().version;
    const ranked = ok.json().selection.rows.map((r: any) => [r.name, r.total, r.rank]);
    expect(ranked).toEqual([
      ['张三', 87.5, 1],
      ['孙七', 87.5, 2],
      ['李四', 75, 3],
      ['钱九', 60, 4],
      ['赵六', null, null],
    ]);
    expect(ok.json().selection.tieRule).toContain('面试成绩高者在前');
  });

  it('排名 exports to Excel, in rank order with the weights', async () => {
    const res = await w.api('org', 'GET', url(id, '/ranking.xlsx'));
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(3).getCell(8).value).toBe('笔试成绩（50%）');
    expect([4, 5, 6].map((n) => [ws.getRow(n).getCell(3).value, ws.getRow(n).getCell(10).value])).toEqual([
      ['张三', 87.5],
      ['孙七', 87.5],
      ['李四', 75],
    ]);
  });

  it('考察对象: fewer than the 差额 ratio is refused naming the rule, nothing written; the top of the ranking go on', async () => {
    const short = await w.api('org', 'POST', url(id, '/shortlist'), {
      version,
      on: '2026-03-09',
      counts: [{ positionId: post(), count: 1 }],
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields).toEqual({
      'counts.0.count':
        '差额比例不足：1 个职务须至少 2 名考察对象，现有 1 名（规则：公开选拔、竞争上岗差额比例 1.5:1）',
    });
    const still = (await w.api('org', 'GET', url(id))).json();
    expect([still.step, still.candidates.length, still.version]).toEqual(['proposed', 0, version]);
    const res = await w.api('org', 'POST', url(id, '/shortlist'), {
      version,
      on: '2026-03-09',
      counts: [{ positionId: post(), count: 2 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    expect(res.json().step).toBe('recommended');
    expect(res.json().candidates.map((c: any) => [c.name, c.rank, c.status])).toEqual([
      ['张三', 1, 'recommended'],
      ['孙七', 2, 'recommended'],
    ]);
    // the registration list is closed now
    const late = await w.api('org', 'POST', url(id, '/registrants'), {
      version,
      on: '2026-03-09',
      positionId: post(),
      cadreId: w.cadres.wang,
    });
    expect(late.statusCode).toBe(422);
    // and the 考察对象 go on to the existing 考察 step
    const ins = await w.api('org', 'POST', url(id, '/inspection'), {
      version,
      on: '2026-03-10',
      candidateIds: res.json().candidates.map((c: any) => c.id),
      team: [{ cadreId: w.cadres.zhou }, { cadreId: w.cadres.wang }],
      talkedTo: 20,
      findings: '德才表现较好。',
    });
    expect(ins.statusCode, ins.body).toBe(200);
  });

  it('the 选拔任用纪实台帐 carries each 考察对象’s exam, interview, weighted total and rank', async () => {
    const res = await w.api('org', 'GET', '/api/v1/appointments/ledger.xlsx?method=competitive');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(2).values as unknown[]).map(String);
    const col = (h: string) => headers.indexOf(h);
    const rows = [3, 4].map((n) =>
      ['人选', '笔试成绩', '面试成绩', '总成绩', '排名'].map((h) => ws.getRow(n).getCell(col(h)).value),
    );
    const scores = (await w.api('org', 'GET', url(id))).json().selection.rows;
    const of = (name: string) => scores.find((r: any) => r.name === name);
    expect(rows).toEqual(
      ['张三', '孙七'].map((name, i) => [
        name,
        String(of(name).examScore),
        String(of(name).interviewScore),
        '87.5',
        String(i + 1),
      ]),
    );
  });
});

describe('a 公开选拔 case: people outside the registry register with their facts', () => {
  it('registers them, the officer checks them from the facts; one at the top of the ranking must enter the registry first', async () => {
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '党政办主任公开选拔',
      method: 'open_selection',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.office],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    let version = created.json().version;
    const person = {
      name: '陈外',
      gender: '女',
      birthDate: '1990-05-01',
      education: '研究生',
      currentPost: '某县财政局科员',
    };
    const both = await w.api('org', 'POST', url(id, '/registrants'), {
      version,
      on: '2026-03-03',
      positionId: w.posts.office,
      cadreId: w.cadres.li,
      person,
    });
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both)).toEqual(['cadreId']);
    const badBirth = await w.api('org', 'POST', url(id, '/registrants'), {
      version,
      on: '2026-03-03',
      positionId: w.posts.office,
      person: { ...person, birthDate: '1990-13-01' },
    });
    expect(badBirth.statusCode).toBe(400);
    expect(fieldsOf(badBirth)).toEqual(['person.birthDate']);
    for (const body of [{ person }, { cadreId: w.cadres.li }]) {
      const res = await w.api('org', 'POST', url(id, '/registrants'), {
        version,
        on: '2026-03-03',
        positionId: w.posts.office,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const rows = (await w.api('org', 'GET', url(id))).json().selection.rows;
    expect(rows.map((r: any) => [r.name, r.cadreId === null, r.eligibilityVerdict])).toEqual([
      ['陈外', true, null],
      ['李四', false, expect.any(String)],
    ]);
    expect(rows[0].facts).toMatchObject({ education: '研究生', currentPost: '某县财政局科员' });
    for (const r of rows) {
      const q = await w.api('org', 'POST', url(id, `/registrants/${r.id}/qualification`), {
        version,
        result: 'passed',
        reason: '符合报名条件',
      });
      expect(q.statusCode, q.body).toBe(200);
      version = q.json().version;
    }
    const scored = await w.api('org', 'POST', url(id, '/scores'), {
      version,
      scores: [
        { registrantId: rows[0].id, examScore: 92, interviewScore: 90 },
        { registrantId: rows[1].id, examScore: 80, interviewScore: 82 },
      ],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    version = scored.json().version;
    const res = await w.api('org', 'POST', url(id, '/shortlist'), {
      version,
      on: '2026-03-09',
      counts: [{ positionId: w.posts.office, count: 2 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({
      'counts.0.count': '陈外不在干部名册中，请先录入干部名册后再确定为考察对象',
    });
    expect((await w.api('org', 'GET', url(id))).json()).toMatchObject({ step: 'proposed', candidates: [] });
  });

  it('a 组织推荐 case has no registration', async () => {
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '组织推荐',
      method: 'org_recommendation',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.office],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    expect(created.json().selection).toBeNull();
    const res = await w.api('org', 'POST', url(created.json().id, '/registrants'), {
      version: created.json().version,
      on: '2026-03-03',
      positionId: w.posts.office,
      cadreId: w.cadres.li,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('组织推荐不设报名、资格审查和考试环节');
  });
});
