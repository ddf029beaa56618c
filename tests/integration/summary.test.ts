import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cadres } from '../../src/server/modules/cadres/schema.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { summaries } from '../../src/server/modules/summaries/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { registerFigures } from '../../src/server/platform/figures/registry.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { createDemoTestApp, DEMO_HOOK_TIMEOUT } from '../support/demo-app.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The annual work summary of the demo township 大兴镇 for the demo year 2025, on a fresh demo
 * (today is 2026-03-02): the .docx read back carries the seed's figures, each equal to the registry's.
 */
let t: TestApp;
let daxing: number;
let qingshan: number;
let village: number;
let sec: Session;
let qsSec: Session;
let cadre: Session;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  t = await createDemoTestApp(); // the demo, loaded once per run (tests/support/demo-app.ts)
  const town = async (name: string) => (await t.ctx.db.select().from(orgs).where(eq(orgs.name, name)))[0];
  daxing = (await town('大兴镇')).id;
  qingshan = (await town('青山镇')).id;
  [{ id: village }] = await t.ctx.db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.parentId, daxing), eq(orgs.kind, 'village')))
    .limit(1);
  const user = async (orgId: number, role: string) =>
    signIn(t, (await makeUser(t.ctx, { orgId, roles: [role] })).username);
  sec = await user(daxing, 'party_secretary');
  qsSec = await user(qingshan, 'party_secretary');
  cadre = await user(daxing, 'cadre');
}, DEMO_HOOK_TIMEOUT);
afterAll(async () => t.close());

/** The text of a .docx: its word/document.xml without the tags. */
function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = strFromU8(files['word/document.xml']);
  return xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function registry(keys: string[], orgId = daxing) {
  const res = await call(
    t,
    sec,
    'GET',
    `/api/v1/figures?keys=${keys.join(',')}&orgId=${orgId}&from=${YEAR_2025.from}&to=${YEAR_2025.to}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(res.json().figures.map((f: any) => [f.key, f.value])) as Record<string, number>;
}

const generate = (s: Session, body: unknown) => call(t, s, 'POST', '/api/v1/summaries', body);
const download = (s: Session, id: number) => call(t, s, 'GET', `/api/v1/summaries/${id}/document.docx`);
let draftId: number;

describe('the demo township’s 2025 summary', () => {
  it('reads back from the .docx with the seed’s figures, each the registry’s value', async () => {
    const res = await generate(sec, { orgId: daxing, year: 2025 });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    draftId = s.id;
    expect(s).toMatchObject({
      status: 'draft',
      year: 2025,
      asOf: '2025-12-31',
      title: '大兴镇2025年干部监督管理工作总结',
    });

    const doc = await download(sec, draftId);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(doc.rawPayload);
    const reg = await registry([
      'petitions.letter',
      'petitions.visitors',
      'petitions.assigned_on_time',
      'petitions.conclusion_rate',
      'petitions.reports',
      'petitions.opinions',
    ]);
    // the seed's own figures …
    expect(reg).toEqual({
      'petitions.letter': 44,
      'petitions.visitors': 28,
      'petitions.assigned_on_time': 7,
      'petitions.conclusion_rate': 100,
      'petitions.reports': expect.any(Number),
      'petitions.opinions': expect.any(Number),
    });
    expect(reg['petitions.reports']).toBeGreaterThanOrEqual(21);
    expect(reg['petitions.reports']).toBeLessThanOrEqual(29);
    expect(reg['petitions.opinions']).toBeGreaterThanOrEqual(31);
    expect(reg['petitions.opinions']).toBeLessThanOrEqual(39);
    // … written the way the officer writes them
    expect(text).toContain(
      `共收到群众来信${reg['petitions.letter']}件，来访${reg['petitions.visitors']}人次，按期完成上级交办的信访${reg['petitions.assigned_on_time']}件，办结率${reg['petitions.conclusion_rate']}%，上报调查报告20余份，提出处理意见30余条。`,
    );
    expect(text).toContain('大兴镇2025年干部监督管理工作总结');
    expect(text).toContain('统计数据截至2025年12月31日');
    expect(text).toContain('二、在内容上，突出监督重点');
    // 一是 the audits (the seed's 十余名离任领导干部: the demo's 12), 二是 the petitions
    const audits = await registry([
      'econ_audits.departure',
      'econ_audits.findings',
      'econ_audits.items_closed',
    ]);
    expect(audits['econ_audits.departure']).toBe(12);
    expect(text).toContain('一是突出对领导干部的审计监督');
    expect(text).toContain(
      `全年我镇对12名离任领导干部实施了经济责任审计，审计发现问题${audits['econ_audits.findings']}个，整改销号${audits['econ_audits.items_closed']}项，对广大干部的监督管理起到了很好的促进作用。`,
    );
    expect(text).toContain('二是突出对领导干部的群众监督');
    expect(text).toContain('全年我镇共收到');
    // the appendix: each figure with its definition, value and the filter that lists its records
    expect(text).toContain('附表：统计数据来源及复核方法');
    for (const [key, unit] of [
      ['petitions.letter', '件'],
      ['petitions.visitors', '人次'],
      ['petitions.reports', '份'],
    ])
      expect(text).toContain(
        `${reg[key]}${unit}\n按以下条件列出记录：/api/v1/figures/${key}/records?orgId=${daxing}&from=2025-01-01&to=2025-12-31&asOf=2025-12-31`,
      );
    expect(text).toContain('/api/v1/figures/petitions.concluded/records');
    // 一、制度: the institutions the demo's policy library adopted and revised in 2025, by title
    expect(text).toContain('一、在制度上，加大创新力度，完善监督管理体系');
    for (const key of ['policies.adopted', 'policies.revised']) {
      const q = `orgId=${daxing}&from=2025-01-01&to=2025-12-31&pageSize=200`;
      const res = await call(t, sec, 'GET', `/api/v1/figures/${key}/records?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total).toBeGreaterThan(0);
      for (const item of res.json().items) expect(text).toContain(item.label);
    }
    expect(text).not.toMatch(/[^0-9]0件/);
    // 三、配套措施: the seed's 6 admonitions, 3 criticised, 9 revoked and 1 sanctioned, from the registry
    const measures = await registry([
      'admonitions.started',
      'accountability.criticised_reviewed',
      'accountability.revoked_appointments',
      'accountability.work_error_disciplined',
    ]);
    expect(measures).toEqual({
      'admonitions.started': 6,
      'accountability.criticised_reviewed': 3,
      'accountability.revoked_appointments': 9,
      'accountability.work_error_disciplined': 1,
    });
    expect(text).toContain(`共对${measures['admonitions.started']}名同志实施了谈话诫勉`);
    expect(text).toContain(
      `有${measures['accountability.criticised_reviewed']}名责任人和承办人因违规任免干部受到点名批评，并上台检讨，撤销了有关单位${measures['accountability.revoked_appointments']}名干部的任免决定。`,
    );
    expect(text).toContain(
      `有${measures['accountability.work_error_disciplined']}名干部因计生工作失职被给予党政纪处分。`,
    );
    expect(text).toContain('三、在手段上，实施配套改革，全方位拓宽监督管理范围');
    // 任前公示 (二、重点) and 末位 (三、配套措施): each clause with its registry figure, or left out at zero
    const more = await registry([
      'appointments.notices',
      'appointments.objections',
      'appointments.appointed',
      'assessments.rounds',
      'assessments.last_places',
      'assessments.warnings',
      'assessments.evaluations',
      'assessments.ballots',
    ]);
    expect(more['appointments.notices']).toBeGreaterThan(0);
    expect(more['assessments.rounds']).toBeGreaterThan(0);
    const clause = (key: string, written: string, absent: RegExp) => {
      if (more[key] > 0) expect(text, key).toContain(written);
      else expect(text, key).not.toMatch(absent);
    };
    expect(text).toContain('特别是对拟提拔公示干部的举报');
    clause(
      'appointments.notices',
      `全年我镇共进行干部任前公示${more['appointments.notices']}次`,
      /任前公示\d+次/,
    );
    clause(
      'appointments.objections',
      `公示期间群众反映问题${more['appointments.objections']}件`,
      /反映问题\d+件均已/,
    );
    clause(
      'appointments.appointed',
      `${more['appointments.appointed']}名干部经民主推荐`,
      /\d+名干部经民主推荐/,
    );
    expect(text).toContain('建立末位惩处制度');
    clause('assessments.rounds', `全年我镇共开展单位考评${more['assessments.rounds']}轮`, /单位考评\d+轮/);
    clause('assessments.last_places', `${more['assessments.last_places']}个单位次排名末位`, /\d+个单位次/);
    clause(
      'assessments.warnings',
      `对${more['assessments.warnings']}名单位主要领导给予警告`,
      /对\d+名单位主要领导/,
    );
    clause(
      'assessments.evaluations',
      `组织民主测评${more['assessments.evaluations']}次，收回测评票${more['assessments.ballots']}张`,
      /民主测评\d+次/,
    );
    console.log(
      `[summary] 大兴镇 2025 .docx, each equal to the registry: ${Object.entries({
        ...reg,
        ...audits,
        ...measures,
        ...more,
      })
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  });

  it('footnotes each seed figure in the appendix (label, definition, value, filter), and each filter lists as many records', async () => {
    const keys = [
      'petitions.letter',
      'petitions.visitors',
      'petitions.assigned_on_time',
      'petitions.conclusion_rate',
      'petitions.reports',
      'petitions.opinions',
      'econ_audits.departure',
      'admonitions.started',
      'accountability.criticised_reviewed',
      'accountability.revoked_appointments',
      'accountability.work_error_disciplined',
    ];
    const res = await call(
      t,
      sec,
      'GET',
      `/api/v1/figures?keys=${keys.join(',')}&orgId=${daxing}&from=2025-01-01&to=2025-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const text = docxText((await download(sec, draftId)).rawPayload);
    const path = (k: string) =>
      `/api/v1/figures/${k}/records?orgId=${daxing}&from=2025-01-01&to=2025-12-31&asOf=2025-12-31`;
    for (const f of res.json().figures) {
      const how =
        f.kind === 'ratio'
          ? `分子 ${path(f.ratio.numerator)}；分母 ${path(f.ratio.denominator)}`
          : path(f.key);
      expect(text, f.key).toContain(
        `\n${f.label}\n${f.definition}\n${f.value}${f.unit}\n按以下条件列出记录：${how}`,
      );
      if (f.kind === 'ratio') continue;
      // the filter, followed, lists the records behind the number (a sum: their weights, 来访人数)
      const rows = (await call(t, sec, 'GET', `${path(f.key)}&pageSize=200`)).json();
      expect(rows.total, f.key).toBeLessThanOrEqual(200);
      const counted =
        f.kind === 'sum'
          ? rows.items.reduce((n: number, i: { weight?: number }) => n + (i.weight ?? 0), 0)
          : rows.total;
      expect(counted, f.key).toBe(f.value);
    }
  });

  it('makes a draft of the current year at any time, its figures as of today', async () => {
    const res = await generate(sec, { orgId: daxing, year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', year: 2026, asOf: '2026-03-02' });
    const now = await call(
      t,
      sec,
      'GET',
      `/api/v1/figures?keys=petitions.letter&orgId=${daxing}&from=2026-01-01&to=2026-12-31`,
    );
    const letters = res.json().figures.find((f: any) => f.key === 'petitions.letter');
    expect(letters?.value ?? 0).toBe(now.json().figures[0].value);
    const text = docxText((await download(sec, res.json().id)).rawPayload);
    expect(text).toContain('大兴镇2026年干部监督管理工作总结');
    expect(text).toContain('统计数据截至2026年3月2日·草稿');
  });

  it('drops a module’s paragraph where it has no records: a village’s 2025 summary has no petition sentence', async () => {
    const res = await generate(sec, { orgId: village, year: 2025 });
    expect(res.statusCode, res.body).toBe(200);
    const focus = res.json().sections.find((x: any) => x.key === 'focus');
    // the village was audited (its paragraph stays); it had no petitions
    expect(focus.paragraphs.find((x: any) => x.id === 'petitions.mass_supervision').parts).toBeNull();
    const text = docxText((await download(sec, res.json().id)).rawPayload);
    expect(text).not.toContain('群众来信');
    expect(text).toContain('突出对领导干部的审计监督');
    expect(text).not.toContain('[[');
    expect(text).toContain('做好干部监督管理工作');
  });

  it('lets the officer reword a paragraph but refuses a changed, dropped or typed figure, naming the paragraph', async () => {
    const got = (await call(t, sec, 'GET', `/api/v1/summaries/${draftId}`)).json();
    const p = got.sections
      .find((x: any) => x.key === 'focus')
      .paragraphs.find((x: any) => x.id === 'petitions.mass_supervision');
    const url = `/api/v1/summaries/${draftId}/paragraphs/${p.id}`;
    const typed = await call(t, sec, 'PUT', url, { text: p.text.replace('{petitions.letter}', '45') });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.message).toContain('段落“群众监督”');
    const dropped = await call(t, sec, 'PUT', url, {
      text: p.text.replace('来访{petitions.visitors}人次，', ''),
    });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.message).toContain('{petitions.visitors}');
    const altered = await call(t, sec, 'PUT', url, {
      text: p.text.replace('{petitions.reports|余}', '{petitions.reports}'),
    });
    expect(altered.statusCode).toBe(400);
    const digit = await call(t, sec, 'PUT', url, { text: `${p.text}另有12件正在办理。` });
    expect(digit.statusCode).toBe(400);
    expect(digit.json().error.message).toContain('“1”');

    const reworded = p.text.replace('全年我镇共收到', '一年来，我镇共受理');
    const ok = await call(t, sec, 'PUT', url, { text: reworded });
    expect(ok.statusCode, ok.body).toBe(200);
    const text = docxText((await download(sec, draftId)).rawPayload);
    expect(text).toContain('一年来，我镇共受理群众来信44件');
    const [row] = await t.ctx.db.select().from(summaries).where(eq(summaries.id, draftId));
    expect(row.paragraphs.find((w) => w.id === p.id)!.text).toBe(reworded);
  });

  it('finalizes a versioned document with its figures’ snapshot; a later correction shows as a difference', async () => {
    const fin = await call(t, sec, 'POST', `/api/v1/summaries/${draftId}/finalize`, {});
    expect(fin.statusCode, fin.body).toBe(200);
    const f = fin.json();
    expect(f).toMatchObject({ status: 'final', version: 1, asOf: '2025-12-31' });
    expect(f.figures.find((x: any) => x.key === 'petitions.letter')).toMatchObject({
      value: 44,
      label: '来信',
      reproduce: expect.stringContaining('/api/v1/figures/petitions.letter/records?'),
    });
    const filed = await download(sec, f.id);
    expect(filed.headers['content-disposition']).toContain('.docx');
    expect(docxText(filed.rawPayload)).toContain('一年来，我镇共受理群众来信44件');
    expect(docxText(filed.rawPayload)).not.toContain('草稿');
    const second = (await call(t, sec, 'POST', `/api/v1/summaries/${draftId}/finalize`, {})).json();
    expect(second.version).toBe(2);

    const list = await call(t, sec, 'GET', `/api/v1/summaries?orgId=${daxing}&year=2025`);
    expect(list.json().items.map((x: any) => [x.status, x.version])).toEqual([
      ['draft', null],
      ['final', 2],
      ['final', 1],
    ]);

    const none = await call(t, sec, 'GET', `/api/v1/summaries/${f.id}/difference`);
    expect(none.json().changed).toEqual([]);
    // a 2025 call turns out to have been a letter: the record is corrected
    const [phone] = await t.ctx.db
      .select()
      .from(petitions)
      .where(
        and(
          eq(petitions.orgId, daxing),
          eq(petitions.channel, 'phone'),
          eq(petitions.receivedOn, '2025-01-02'),
        ),
      )
      .limit(1);
    const [anyPhone] = phone
      ? [phone]
      : await t.ctx.db
          .select()
          .from(petitions)
          .where(and(eq(petitions.orgId, daxing), eq(petitions.channel, 'phone')))
          .then((rows) => rows.filter((r) => r.receivedOn < '2026-01-01'));
    await t.ctx.db.update(petitions).set({ channel: 'letter' }).where(eq(petitions.id, anyPhone.id));
    const diff = await call(t, sec, 'GET', `/api/v1/summaries/${f.id}/difference`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json().changed).toEqual([
      expect.objectContaining({ key: 'petitions.letter', filed: 44, now: 45 }),
    ]);
    // the filed document still says what was filed
    expect(docxText((await download(sec, f.id)).rawPayload)).toContain('群众来信44件');
    const edit = await call(
      t,
      sec,
      'PUT',
      `/api/v1/summaries/${f.id}/paragraphs/petitions.mass_supervision`,
      {
        text: 'x',
      },
    );
    expect(edit.statusCode).toBe(400);
    await t.ctx.db.update(petitions).set({ channel: 'phone' }).where(eq(petitions.id, anyPhone.id));

    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'summary.finalize'));
    expect(audits).toHaveLength(2);
  });
});

describe('recusal', () => {
  it('tells a secretary who is a cadre himself that the draft’s figures leave his own records out', async () => {
    const [own] = await t.ctx.db
      .select({ id: cadres.id })
      .from(cadres)
      .where(eq(cadres.orgId, daxing))
      .limit(1);
    const linked = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: daxing, roles: ['party_secretary'], cadreId: own.id })).username,
    );
    const res = await generate(linked, { orgId: daxing, year: 2025 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().note).toContain('回避');
    expect((await call(t, sec, 'GET', `/api/v1/summaries/${res.json().id}`)).json().note).toBeNull();
    // he may not file it: a filed figure must be the whole, not his view without his own records
    const before = await t.ctx.db.select({ id: summaries.id }).from(summaries);
    const fin = await call(t, linked, 'POST', `/api/v1/summaries/${res.json().id}/finalize`, {});
    expect(fin.statusCode).toBe(403);
    expect(fin.json().error.message).toContain('回避');
    expect(await t.ctx.db.select({ id: summaries.id }).from(summaries)).toHaveLength(before.length);
    // nor may a secretary with a relative registered (回避登记), who is not a cadre himself
    const kin = await makeUser(t.ctx, { orgId: daxing, roles: ['party_secretary'] });
    await t.ctx.db.insert(recusals).values({ userId: kin.id, cadreId: own.id, reason: 'family' });
    const kinSession = await signIn(t, kin.username);
    const kinFin = await call(t, kinSession, 'POST', `/api/v1/summaries/${res.json().id}/finalize`, {});
    expect(kinFin.statusCode).toBe(403);
    expect(await t.ctx.db.select({ id: summaries.id }).from(summaries)).toHaveLength(before.length);
  });
});

describe('who may not', () => {
  it('another township’s secretary sees neither the org nor its summaries (404), a cadre has no permission (403)', async () => {
    expect((await generate(qsSec, { orgId: daxing, year: 2025 })).statusCode).toBe(404);
    expect((await call(t, qsSec, 'GET', `/api/v1/summaries/${draftId}`)).statusCode).toBe(404);
    expect((await download(qsSec, draftId)).statusCode).toBe(404);
    expect(
      (
        await call(t, qsSec, 'PUT', `/api/v1/summaries/${draftId}/paragraphs/petitions.mass_supervision`, {
          text: '改写',
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(t, qsSec, 'POST', `/api/v1/summaries/${draftId}/finalize`, {})).statusCode).toBe(404);
    const theirs = await call(t, qsSec, 'GET', '/api/v1/summaries');
    expect(theirs.json().items).toEqual([]);
    expect((await generate(cadre, { orgId: daxing, year: 2025 })).statusCode).toBe(403);
    expect((await call(t, cadre, 'GET', `/api/v1/summaries/${draftId}`)).statusCode).toBe(403);
  });

  it('refuses bad input in Chinese, never a 500', async () => {
    const bad = [
      { orgId: daxing, year: 'abc' },
      { orgId: daxing },
      { orgId: -1, year: 2025 },
      { orgId: daxing, year: 2025, extra: 1 },
      { orgId: daxing, year: 1800 },
    ];
    for (const body of bad) expect((await generate(sec, body)).statusCode, JSON.stringify(body)).toBe(400);
    const future = await generate(sec, { orgId: daxing, year: 2027 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('尚未开始');
    expect((await call(t, sec, 'GET', '/api/v1/summaries/abc')).statusCode).toBe(400);
    expect((await call(t, sec, 'GET', '/api/v1/summaries/999999')).statusCode).toBe(404);
    expect(
      (await call(t, sec, 'PUT', `/api/v1/summaries/${draftId}/paragraphs/nope.none`, { text: '改写' }))
        .statusCode,
    ).toBe(404);
    expect((await call(t, sec, 'GET', `/api/v1/summaries/${draftId}/difference`)).statusCode).toBe(400);
  });
});

describe('一、制度 from whatever source registers the policy figures', () => {
  it('lists the institutions adopted by title and drops the revised sentence that has none', async () => {
    const titles = ['《大兴镇干部管理工作暂行规定》', '《谈话诫勉制度》'];
    // a stand-in for the policies module's figures, put back when the test ends (the registry
    // outlives this file in the worker)
    const restore = registerFigures(
      {
        module: 'policies',
        count: async (_s, keys) =>
          Object.fromEntries(keys.map((k) => [k, { value: k === 'policies.adopted' ? titles.length : 0 }])),
      },
      ['adopted', 'revised'].map((name) => ({
        key: `policies.${name}`,
        module: 'policies',
        label: name === 'adopted' ? '出台制度' : '修订制度',
        unit: '项',
        definition: '统计期内出台（修订）的制度',
        permission: 'petition.stats',
        protected: false,
        kind: 'count',
        columns: [{ key: 'number', label: '文号' }],
        records: async () =>
          name === 'adopted'
            ? {
                items: titles.map((label, i) => ({ id: String(i), link: '/policies', label, cells: {} })),
                total: titles.length,
              }
            : { items: [], total: 0 },
      })),
    );
    onTestFinished(restore);
    const res = await generate(sec, { orgId: daxing, year: 2025, reset: true });
    expect(res.statusCode, res.body).toBe(200);
    const text = docxText((await download(sec, res.json().id)).rawPayload);
    expect(text).toContain('一、在制度上，加大创新力度，完善监督管理体系');
    expect(text).toContain('二、在内容上');
    expect(text).toContain('先后出台了《大兴镇干部管理工作暂行规定》、《谈话诫勉制度》等2项制度');
    expect(text).not.toContain('修订完善了');
  });
});
