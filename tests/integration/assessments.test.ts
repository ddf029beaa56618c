import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountabilityPersons,
  accountabilityRecords,
  accountabilitySanctions,
} from '../../src/server/modules/accountability/schema.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import {
  evaluationBallots,
  evaluationCodes,
  lastPlaces,
} from '../../src/server/modules/assessments/schema.js';
import { auditFindings, econAudits, rectificationItems } from '../../src/server/modules/audits/schema.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// today is 2026-03-02 in China
let t: TestApp;
const s: Record<string, Session> = {};
let town: { id: number };
let other: { id: number };
let v: Record<'east' | 'west' | 'south', number>;
let dept: number;
let c: Record<string, number>;
const api = (who: string, method: string, url: string, body?: unknown) => call(t, s[who], method, url, body);
const portal = (url: string, body: unknown) => call(t, null, 'POST', url, body);

beforeAll(async () => {
  t = await createTestApp();
  const townA = await makeOrg(t.ctx, '甲镇');
  town = townA;
  other = await makeOrg(t.ctx, '乙镇');
  const east = await makeOrg(t.ctx, '东村', townA.id, 'village');
  const west = await makeOrg(t.ctx, '西村', townA.id, 'village');
  const south = await makeOrg(t.ctx, '南村', townA.id, 'village');
  dept = (await makeOrg(t.ctx, '党政办', townA.id, 'department')).id;
  v = { east: east.id, west: west.id, south: south.id };
  const names = [
    '东书记',
    '西书记',
    '南书记',
    '南前任',
    '干部甲',
    '干部乙',
    '干部丙',
    '干部丁',
    '干部戊',
    '干部己',
  ];
  const ids = await insertCadres(
    t.ctx.db,
    t.ctx,
    names.map((name, i) => ({
      orgId: i < 4 ? [east.id, west.id, south.id, south.id][i] : townA.id,
      name,
      status: 'active' as const,
    })),
    'manual',
  );
  c = Object.fromEntries(names.map((n, i) => [n, ids[i]]));
  await t.ctx.db.insert(tenures).values([
    {
      cadreId: c.东书记,
      orgId: east.id,
      title: '东村党支部书记',
      level: 'village',
      isPrincipal: true,
      startDate: '2021-01-01',
    },
    {
      cadreId: c.西书记,
      orgId: west.id,
      title: '西村党支部书记',
      level: 'village',
      isPrincipal: true,
      startDate: '2021-01-01',
    },
    // 南村 changed its secretary on 2025-05-01: the round's day decides who answers for it
    {
      cadreId: c.南前任,
      orgId: south.id,
      title: '南村党支部书记',
      level: 'village',
      isPrincipal: true,
      startDate: '2019-01-01',
      endDate: '2025-05-01',
    },
    {
      cadreId: c.南书记,
      orgId: south.id,
      title: '南村党支部书记',
      level: 'village',
      isPrincipal: true,
      startDate: '2025-05-01',
    },
    {
      cadreId: c.南书记,
      orgId: south.id,
      title: '南村村委会委员',
      level: 'village',
      startDate: '2020-01-01',
      endDate: '2025-05-01',
    },
  ]);
  const user = async (key: string, orgId: number, roles: string[], cadreId?: number) => {
    const u = await makeUser(t.ctx, { orgId, roles, cadreId });
    s[key] = await signIn(t, u.username);
    return u;
  };
  await user('org', townA.id, ['org_officer']);
  await user('secretary', townA.id, ['party_secretary']);
  await user('unitHead', townA.id, ['unit_head']);
  await user('otherTown', other.id, ['org_officer']);
  const related = await user('related', townA.id, ['org_officer']);
  await t.ctx.db.insert(recusals).values({ userId: related.id, cadreId: c.干部甲, reason: 'family' });
});
afterAll(async () => t.close());

describe('annual grades', () => {
  const grade = (cadreId: number, g: string, extra: Record<string, unknown> = {}) =>
    api('org', 'POST', '/api/v1/assessments/grades', {
      cadreId,
      year: 2025,
      grade: g,
      source: 'decision',
      ...extra,
    });

  it('caps 优秀 at 20% of the cadres graded (floor): warned at the cap, refused past it, nothing written', async () => {
    // 10 active cadres → at most 2 优秀
    expect((await grade(c.干部甲, '优秀')).json()).toMatchObject({ warning: null, grade: { grade: '优秀' } });
    const second = await grade(c.干部乙, '优秀');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().warning).toContain('优秀等次已用满');
    const third = await grade(c.干部丙, '优秀');
    expect(third.statusCode).toBe(422);
    expect(third.json().error.fields.grade).toContain('优秀最多 2 人');
    const list = (await api('secretary', 'GET', '/api/v1/assessments/grades?year=2025')).json();
    expect(list).toMatchObject({ pool: 10, excellent: 2, excellentMax: 2, percent: 20, rounding: 'floor' });
    expect(list.items.find((x: any) => x.cadreId === c.干部丙).grade).toBeNull();
  });

  it('不定等次 leaves the pool: 9 graded → still 1 优秀 more is refused (floor 1.8)', async () => {
    expect((await grade(c.干部丁, '不定等次')).statusCode).toBe(200);
    const list = (await api('org', 'GET', '/api/v1/assessments/grades?year=2025')).json();
    expect(list).toMatchObject({ pool: 9, excellentMax: 1 });
  });

  it('a change needs the version; a stale one is 409', async () => {
    expect((await grade(c.干部甲, '称职')).statusCode).toBe(409);
    const ok = await grade(c.干部甲, '称职', { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().grade.version).toBe(2);
  });

  it('refuses another township, the wrong role, a related officer and bad input', async () => {
    const body = { cadreId: c.干部戊, year: 2025, grade: '称职', source: 'decision' };
    expect((await api('otherTown', 'POST', '/api/v1/assessments/grades', body)).statusCode).toBe(404);
    expect((await api('unitHead', 'POST', '/api/v1/assessments/grades', body)).statusCode).toBe(403);
    expect((await api('secretary', 'POST', '/api/v1/assessments/grades', body)).statusCode).toBe(403);
    expect(
      (await api('related', 'POST', '/api/v1/assessments/grades', { ...body, cadreId: c.干部甲 })).statusCode,
    ).toBe(404);
    const bad = await api('org', 'POST', '/api/v1/assessments/grades', { ...body, grade: '良好' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.grade).toContain('请选择考核等次');
    const future = await api('org', 'POST', '/api/v1/assessments/grades', { ...body, year: 2027 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.year).toBeTruthy();
  });

  it('a 基本称职 grade blocks the cadre’s promotion the next year, with the rule, until a new grade', async () => {
    expect((await grade(c.干部戊, '基本称职')).statusCode).toBe(200);
    const e = (await api('org', 'GET', `/api/v1/cadres/${c.干部戊}/eligibility?date=2026-03-02`)).json();
    const r = e.reasons.find((x: any) => x.code === 'annual_grade');
    expect(r).toMatchObject({ rule: { key: 'promotion.blocking_grades' }, clearsOn: null });
    expect(r.message).toContain('2025 年度考核结果为基本称职');
    // in 2025 itself the 2025 grade does not count yet
    const before = (await api('org', 'GET', `/api/v1/cadres/${c.干部戊}/eligibility?date=2025-12-01`)).json();
    expect(before.reasons.some((x: any) => x.code === 'annual_grade')).toBe(false);
    // the file shows it and the .lrmx reads it
    const file = (await api('org', 'GET', `/api/v1/cadres/${c.干部戊}/file`)).json();
    const entries = file.timeline.flatMap((y: any) => y.entries).filter((x: any) => x.kind === 'assessment');
    expect(entries.map((x: any) => x.title)).toContain('2025 年度考核：基本称职');
  });
});

describe('unit rounds and 末位', () => {
  const round = (who: string, over: Record<string, unknown>) =>
    api(who, 'POST', '/api/v1/assessments/rounds', {
      orgId: town.id,
      kind: 'target',
      peerGroup: 'village',
      title: '2025 年第一季度目标考评',
      heldOn: '2025-04-10',
      units: [
        { orgId: v.east, score: 92 },
        { orgId: v.west, score: 88, deduction: 1 },
        { orgId: v.south, score: 80, deduction: 3 },
      ],
      ...over,
    });
  const proposals = () =>
    t.ctx.db
      .select()
      .from(accountabilityRecords)
      .where(eq(accountabilityRecords.source, 'last_place'))
      .orderBy(accountabilityRecords.id);

  it('ranks the round; the last unit’s principal leader on the day gets a 末位 proposal', async () => {
    const res = await round('org', {});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.ranking.map((x: any) => [x.unitName, x.rank, x.last])).toEqual([
      ['东村', 1, false],
      ['西村', 2, false],
      ['南村', 3, true],
    ]);
    // before 2025-05-01 the former secretary led 南村
    expect(r.lastPlaces).toEqual([
      expect.objectContaining({ unitName: '南村', cadreName: '南前任', consecutive: 1, outcome: 'penalty' }),
    ]);
    const [p] = await proposals();
    expect(p).toMatchObject({ kind: 'last_place', status: 'draft', sourceRef: `unit-round:${r.id}` });
    expect(r.lastPlaces[0].accountabilityRecordId).toBe(p.id);
  });

  it('last twice in a row of the same kind: a 警告 proposal and the year’s grade capped at 不称职', async () => {
    const res = await round('org', {
      title: '2025 年第二季度目标考评',
      heldOn: '2025-07-10',
      units: [
        { orgId: v.east, score: 85 },
        { orgId: v.west, score: 90 },
        { orgId: v.south, score: 70 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.ranking.find((x: any) => x.unitName === '东村')).toMatchObject({
      rank: 2,
      previousRank: 1,
      change: -1,
    });
    expect(r.lastPlaces[0]).toMatchObject({ cadreName: '南书记', consecutive: 2, outcome: 'warning' });
    const p = (await proposals()).at(-1)!;
    expect(p.title).toContain('连续 2 次');
    const sanctions = await t.ctx.db
      .select({
        kind: accountabilitySanctions.kind,
        gradeYear: accountabilitySanctions.gradeYear,
        cadreId: accountabilityPersons.cadreId,
      })
      .from(accountabilitySanctions)
      .innerJoin(accountabilityPersons, eq(accountabilityPersons.id, accountabilitySanctions.personId))
      .where(eq(accountabilitySanctions.recordId, p.id));
    expect(sanctions).toEqual([
      { kind: 'party_warning', gradeYear: null, cadreId: c.南书记 },
      { kind: 'grade_incompetent', gradeYear: 2025, cadreId: c.南书记 },
    ]);
    const body = { cadreId: c.南书记, year: 2025, source: 'decision' };
    const capped = await api('org', 'POST', '/api/v1/assessments/grades', { ...body, grade: '称职' });
    expect(capped.statusCode).toBe(422);
    expect(capped.json().error.fields.grade).toContain('只能评为不称职');
    expect(
      (await api('org', 'POST', '/api/v1/assessments/grades', { ...body, grade: '不定等次' })).statusCode,
    ).toBe(422);
    expect(
      (await api('org', 'POST', '/api/v1/assessments/grades', { ...body, grade: '不称职' })).statusCode,
    ).toBe(200);
    const list = (await api('org', 'GET', '/api/v1/assessments/grades?year=2025')).json();
    expect(list.items.find((x: any) => x.cadreId === c.南书记)).toMatchObject({
      grade: '不称职',
      cap: '不称职',
    });
    // 不称职 in 2024 too: two consecutive years open the dismissal proceedings as the officer's to-do
    expect(
      (await api('org', 'POST', '/api/v1/assessments/grades', { ...body, year: 2024, grade: '不称职' }))
        .statusCode,
    ).toBe(200);
    const todos = (await api('org', 'GET', '/api/v1/todos')).json().items.map((x: any) => x.title);
    expect(todos).toContain('连续 2 年考核不称职，启动辞退（免职）程序：南书记');
    // the 2026 grade is free again
    expect(
      (await api('org', 'POST', '/api/v1/assessments/grades', { ...body, year: 2026, grade: '称职' }))
        .statusCode,
    ).toBe(200);
  });

  it('another kind counts apart: last once in 现场观摩 is a penalty only', async () => {
    const r = (await round('org', { kind: 'site_visit', title: '现场观摩', heldOn: '2025-08-01' })).json();
    expect(r.lastPlaces[0]).toMatchObject({ consecutive: 1, outcome: 'penalty' });
  });

  it('refuses one unit, a department among villages, another township and the wrong role, writing nothing', async () => {
    const before = Number((await t.ctx.db.select({ n: count() }).from(lastPlaces))[0].n);
    const one = await round('org', { units: [{ orgId: v.east, score: 90 }] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.fields.units).toContain('排名至少需要两个参评单位');
    const mixed = await round('org', {
      units: [
        { orgId: v.east, score: 90 },
        { orgId: dept, score: 80 },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields['units.1.orgId']).toContain('分组排名');
    expect((await round('otherTown', {})).statusCode).toBe(400);
    expect((await round('secretary', {})).statusCode).toBe(403);
    expect((await round('org', { heldOn: '2026-12-01' })).statusCode).toBe(400);
    expect(Number((await t.ctx.db.select({ n: count() }).from(lastPlaces))[0].n)).toBe(before);
    // the party secretary reads the board and its bulletin
    const list = (await api('secretary', 'GET', '/api/v1/assessments/rounds?kind=target')).json();
    expect(list.items).toHaveLength(2);
    const bulletin = await api(
      'secretary',
      'GET',
      `/api/v1/assessments/rounds/${list.items[0].id}/bulletin.docx`,
    );
    expect(bulletin.statusCode).toBe(200);
    expect(bulletin.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ledger = await api('secretary', 'GET', '/api/v1/assessments/grades/ledger.xlsx?year=2025');
    expect(ledger.statusCode).toBe(200);
    expect(ledger.headers['content-disposition']).toContain(encodeURIComponent('年度考核结果台帐'));
    expect((await api('otherTown', 'GET', `/api/v1/assessments/rounds/${list.items[0].id}`)).statusCode).toBe(
      404,
    );
  });
});

describe('democratic evaluation', () => {
  let id: number;
  let codes: string[];
  const answers = (overall: string) => ({
    [c.干部己]: { de: '好', neng: '较好', qin: '好', ji: '一般', lian: '好', overall },
  });

  it('the officer sets it up and issues codes within the electorate', async () => {
    const res = await api('org', 'POST', '/api/v1/assessments/evaluations', {
      orgId: town.id,
      title: '干部己 2025 年度民主测评',
      subjectKind: 'cadre',
      subjectCadreIds: [c.干部己],
      electorate: 8,
      heldOn: '2026-03-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    const over = await api('org', 'POST', `/api/v1/assessments/evaluations/${id}/codes`, { count: 9 });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields.count).toContain('不能超过应参加测评人数 8');
    const ok = await api('org', 'POST', `/api/v1/assessments/evaluations/${id}/codes`, { count: 7 });
    expect(ok.statusCode, ok.body).toBe(200);
    codes = ok.json().codes;
    expect(codes).toHaveLength(7);
    const docx = await api('org', 'POST', `/api/v1/assessments/evaluations/${id}/codes.docx`, { count: 1 });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api('otherTown', 'GET', `/api/v1/assessments/evaluations/${id}`)).statusCode).toBe(404);
  });

  it('a code votes once, without an account; used and unknown codes get the same neutral answer', async () => {
    const open = await portal('/api/v1/portal/ballots/open', { code: codes[0].toLowerCase() });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toEqual({
      title: '干部己 2025 年度民主测评',
      subjects: [{ id: c.干部己, name: '干部己' }],
    });
    const incomplete = await portal('/api/v1/portal/ballots', { code: codes[0], answers: {} });
    expect(incomplete.statusCode).toBe(400);
    // two at once with the same code: one ballot
    const [a, b] = await Promise.all([
      portal('/api/v1/portal/ballots', { code: codes[0], answers: answers('差') }),
      portal('/api/v1/portal/ballots', { code: codes[0], answers: answers('差') }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
    const used = await portal('/api/v1/portal/ballots', { code: codes[0], answers: answers('好') });
    const unknown = await portal('/api/v1/portal/ballots', {
      code: '0000-0000-0000-0000',
      answers: answers('好'),
    });
    expect(used.statusCode).toBe(400);
    expect(used.json()).toEqual(unknown.json());
    expect((await portal('/api/v1/portal/ballots/open', { code: codes[0] })).json()).toEqual(unknown.json());
    const n = await t.ctx.db
      .select({ n: count() })
      .from(evaluationBallots)
      .where(eq(evaluationBallots.evaluationId, id));
    expect(Number(n[0].n)).toBe(1);
  });

  it('hides the tally below the anonymity threshold, then shows counts and the share of 差', async () => {
    for (const [i, overall] of ['差', '好', '较好'].entries())
      expect(
        (await portal('/api/v1/portal/ballots', { code: codes[i + 1], answers: answers(overall) }))
          .statusCode,
      ).toBe(200);
    const hidden = (await api('secretary', 'GET', `/api/v1/assessments/evaluations/${id}`)).json();
    expect(hidden).toMatchObject({ cast: 4, visible: false, minBallots: 5, tally: [] });
    expect(
      (await api('secretary', 'GET', `/api/v1/assessments/evaluations/${id}/results.xlsx`)).statusCode,
    ).toBe(422);
    expect(
      (await portal('/api/v1/portal/ballots', { code: codes[4], answers: answers('一般') })).statusCode,
    ).toBe(200);
    expect(
      (await portal('/api/v1/portal/ballots', { code: codes[5], answers: answers('好') })).statusCode,
    ).toBe(200);
    const shown = (await api('secretary', 'GET', `/api/v1/assessments/evaluations/${id}`)).json();
    expect(shown).toMatchObject({ cast: 6, visible: true });
    expect(shown.tally[0]).toMatchObject({
      ballots: 6,
      poorShare: 33.33,
      belowThreshold: true,
      admonitionId: null,
    });
    expect(shown.tally[0].counts.overall).toEqual({ 好: 2, 较好: 1, 一般: 1, 差: 2 });
    expect(
      (await api('secretary', 'GET', `/api/v1/assessments/evaluations/${id}/results.xlsx`)).statusCode,
    ).toBe(200);
  });

  it('nothing links a ballot to a code or a person (searching every table)', async () => {
    const ballots = await t.ctx.db.select().from(evaluationBallots);
    expect(Object.keys(ballots[0]).sort()).toEqual(['answers', 'channel', 'evaluationId', 'id']);
    const codeRows = await t.ctx.db.select().from(evaluationCodes);
    expect(Object.keys(codeRows[0]).sort()).toEqual(['codeDigest', 'evaluationId', 'id', 'used']);
    const tables = await t.ctx.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const needles = [
      ...ballots.map((b) => b.id),
      ...codes.slice(0, 6),
      ...codes.slice(0, 6).map((x) => x.replace(/-/g, '')),
    ];
    for (const { table_name } of (tables as any).rows ?? tables) {
      const dump = await t.ctx.db.execute(sql.raw(`select t::text as row from "${table_name}" t`));
      const text = JSON.stringify((dump as any).rows ?? dump);
      for (const needle of needles) {
        if (table_name === 'evaluation_ballots' && ballots.some((b) => b.id === needle)) continue;
        expect(text.includes(needle), `${table_name} holds ${needle}`).toBe(false);
      }
    }
  });

  it('closing keeps the tally and opens an admonition talk from the 差 share; a ballot after closing is refused', async () => {
    const ev = (await api('org', 'GET', `/api/v1/assessments/evaluations/${id}`)).json();
    expect(
      (await api('org', 'POST', `/api/v1/assessments/evaluations/${id}/close`, { version: ev.version + 1 }))
        .statusCode,
    ).toBe(409);
    const res = await api('org', 'POST', `/api/v1/assessments/evaluations/${id}/close`, {
      version: ev.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('closed');
    const [a] = await t.ctx.db
      .select()
      .from(admonitions)
      .where(and(eq(admonitions.sourceRefType, 'evaluation'), eq(admonitions.sourceRefId, id)));
    expect(a).toMatchObject({ cadreId: c.干部己, sourceKind: '民主测评', status: 'pending_talk' });
    expect(res.json().tally[0].admonitionId).toBe(a.id);
    const late = await portal('/api/v1/portal/ballots', { code: codes[6], answers: answers('好') });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('测评已结束');
  });
});

describe('quality structure', () => {
  it('counts the cadres in post on the day in the subtree, with the years’ headline ratios and an export', async () => {
    const res = await api('secretary', 'GET', `/api/v1/assessments/structure?orgId=${town.id}&fromYear=2024`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ on: '2026-03-02', total: 3 });
    expect(s.trend.map((y: any) => [y.year, y.total])).toEqual([
      [2024, 4],
      [2025, 3],
      [2026, 3],
    ]);
    expect(s.distributions.find((d: any) => d.dimension === 'yearsInPost').groups).toEqual([
      { key: '不满3年', label: '不满3年', count: 1, share: 33.33 },
      { key: '5至10年', label: '5至10年', count: 2, share: 66.67 },
    ]);
    // counted in the database: every dimension covers the same cadres, the headline is this year's
    for (const d of s.distributions)
      expect(
        d.groups.reduce((n: number, g: any) => n + g.count, 0),
        d.dimension,
      ).toBe(3);
    expect(s.headline).toEqual({ ...s.trend.at(-1), year: undefined, on: undefined });
    const village = await api(
      'secretary',
      'GET',
      `/api/v1/assessments/structure?orgId=${v.south}&on=2025-01-01`,
    );
    expect(village.json().total).toBe(2);
    expect((await api('otherTown', 'GET', `/api/v1/assessments/structure?orgId=${town.id}`)).statusCode).toBe(
      400,
    );
    expect((await api('secretary', 'GET', '/api/v1/assessments/structure?on=2027-01-01')).statusCode).toBe(
      400,
    );
    const x = await api('secretary', 'GET', `/api/v1/assessments/structure.xlsx?orgId=${town.id}`);
    expect(x.statusCode).toBe(200);
  });
});

describe('indicator systems and dynamic scores', () => {
  const items = [
    { key: 'A', name: '党建工作', kind: 'score', weight: 60, maxPoints: 60 },
    { key: 'B', name: '经济发展', kind: 'score', weight: 40, maxPoints: 40 },
    { key: 'B1', parentKey: 'B', name: '财税任务', kind: 'score', weight: 100, maxPoints: 40 },
    { key: 'X', name: '创新加分', kind: 'bonus', maxPoints: 5 },
    {
      key: 'D',
      name: '信访超期扣分',
      kind: 'deduction',
      maxPoints: 6,
      auto: { source: 'overdue_petitions', pointsEach: 2 },
    },
    { key: 'V', name: '安全生产一票否决', kind: 'veto', maxPoints: 1 },
  ];
  const system = (over: Record<string, unknown> = {}) =>
    api('org', 'POST', '/api/v1/assessments/indicator-systems', {
      orgId: town.id,
      year: 2025,
      kind: 'unit',
      title: '2025 年村级动态考核指标',
      items,
      bonusCap: 3,
      deductionCap: 10,
      ...over,
    });

  it('refuses weights that do not sum to 100, naming the item; versions the system', async () => {
    const bad = await system({ items: items.map((i) => (i.key === 'B' ? { ...i, weight: 30 } : i)) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields['items.0.weight']).toContain('权重合计须为 100，现为 90');
    expect((await system()).json().version).toBe(1);
    expect((await system()).json().version).toBe(2);
  });

  it('scores a unit with an automatic deduction linked to its overdue petitions, the caps and the veto', async () => {
    await t.ctx.db.insert(petitions).values([
      {
        orgId: v.east,
        code: 'DC-XF2025-0001',
        channel: 'letter',
        receivedOn: '2025-03-01',
        title: '甲',
        content: '甲',
        dueOn: '2025-05-01',
      },
      {
        orgId: v.east,
        code: 'DC-XF2025-0002',
        channel: 'letter',
        receivedOn: '2025-03-01',
        title: '乙',
        content: '乙',
        dueOn: '2025-05-01',
        concludedOn: '2025-04-20',
      },
      {
        orgId: v.west,
        code: 'XC-XF2025-0001',
        channel: 'letter',
        receivedOn: '2025-03-01',
        title: '丙',
        content: '丙',
        dueOn: '2025-05-01',
      },
    ]);
    const sys = (await api('org', 'GET', '/api/v1/assessments/indicator-systems')).json().items[0];
    const score = (over: Record<string, unknown>) =>
      api('org', 'POST', '/api/v1/assessments/dynamic-scores', {
        systemId: sys.id,
        subjectOrgId: v.east,
        period: '2025年度',
        periodEnd: '2025-12-31',
        lines: [
          { itemKey: 'A', points: 55 },
          { itemKey: 'B1', points: 35 },
          { itemKey: 'X', points: 5 },
        ],
        ...over,
      });
    const over = await score({ lines: [{ itemKey: 'B1', points: 41 }] });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain('“财税任务”最多 40 分');
    const manual = await score({ lines: [{ itemKey: 'D', points: 0 }] });
    expect(manual.statusCode).toBe(400);
    const res = await score({});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ base: 90, bonus: 3, deduction: 2, total: 91, vetoedBy: null, passed: true });
    const auto = r.lines.find((l: any) => l.itemKey === 'D');
    expect(auto.auto.records.map((x: any) => x.code)).toEqual(['DC-XF2025-0001']);
    expect(auto.auto.records[0].link).toMatch(/^\/petitions\/\d+$/);
    expect((await score({})).statusCode).toBe(409);
    const vetoed = await score({
      subjectOrgId: v.west,
      lines: [
        { itemKey: 'A', points: 60 },
        { itemKey: 'V', points: 1 },
      ],
    });
    expect(vetoed.json()).toMatchObject({ vetoedBy: '安全生产一票否决', passed: false });
    const listed = (
      await api('secretary', 'GET', `/api/v1/assessments/indicator-systems/${sys.id}/scores`)
    ).json();
    expect(listed.items.map((x: any) => [x.unitName, x.total])).toEqual([
      ['东村', 91],
      ['西村', 58],
    ]);
    expect(
      (
        await api('otherTown', 'POST', '/api/v1/assessments/dynamic-scores', {
          systemId: sys.id,
          subjectOrgId: v.east,
          period: 'x',
          periodEnd: '2025-12-31',
          lines: [],
        })
      ).statusCode,
    ).toBe(404);
  });
  it('deducts for the unit’s rectification items overdue at the period’s end, each linked, none closed by then', async () => {
    const [audit] = await t.ctx.db
      .insert(econAudits)
      .values({
        orgId: v.east,
        kind: 'periodic',
        status: 'reported',
        title: '东村 2024 年度财务收支审计',
        periodFrom: '2024-01-01',
        periodTo: '2024-12-31',
      })
      .returning();
    const item = async (
      unitOrgId: number,
      summary: string,
      v2: Partial<typeof rectificationItems.$inferInsert>,
    ) => {
      const [f] = await t.ctx.db
        .insert(auditFindings)
        .values({
          auditId: audit.id,
          unitOrgId,
          summary,
          description: summary,
          basis: '《会计法》',
          problemType: 'finance',
          severity: 'general',
          recommendation: '整改',
          foundOn: '2025-03-01',
        })
        .returning();
      await t.ctx.db.insert(rectificationItems).values({
        findingId: f.id,
        auditId: audit.id,
        orgId: town.id,
        unitOrgId,
        issuedOn: '2025-03-01',
        dueOn: '2025-06-01',
        status: 'rectifying',
        ...v2,
      });
    };
    await item(v.east, '票据不全', {});
    await item(v.east, '资产未入账', { status: 'closed', closedOn: '2026-01-10' }); // closed after the period
    await item(v.east, '已按期整改', { status: 'closed', closedOn: '2025-05-20' });
    await item(v.east, '次年下达', { issuedOn: '2026-02-01', dueOn: '2026-03-01' });
    await item(v.west, '西村的事项', {});
    const created = await api('org', 'POST', '/api/v1/assessments/indicator-systems', {
      orgId: town.id,
      year: 2025,
      kind: 'unit',
      title: '2025 年审计整改考核',
      items: [
        { key: 'A', name: '审计整改', kind: 'score', weight: 100, maxPoints: 100 },
        {
          key: 'R',
          name: '整改超期扣分',
          kind: 'deduction',
          maxPoints: 10,
          auto: { source: 'overdue_rectification', pointsEach: 3 },
        },
      ],
      bonusCap: 0,
      deductionCap: 10,
    });
    expect(created.statusCode, created.body).toBe(200);
    const res = await api('org', 'POST', '/api/v1/assessments/dynamic-scores', {
      systemId: created.json().id,
      subjectOrgId: v.east,
      period: '2025年度',
      periodEnd: '2025-12-31',
      lines: [{ itemKey: 'A', points: 90 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ base: 90, deduction: 6, total: 84 });
    const line = res.json().lines.find((l: any) => l.itemKey === 'R');
    expect(line.comment).toBe('超期整改事项 2 件，每件扣 3 分');
    expect(line.auto.records.map((x: any) => x.code)).toEqual(['票据不全', '资产未入账']);
    expect(line.auto.records[0].link).toMatch(/^\/rectification\/\d+$/);
    const unknown = await api('org', 'POST', '/api/v1/assessments/indicator-systems', {
      orgId: town.id,
      year: 2025,
      kind: 'unit',
      title: '未知来源',
      items: [
        { key: 'A', name: '审计整改', kind: 'score', weight: 100, maxPoints: 100 },
        { key: 'R', name: '扣分', kind: 'deduction', maxPoints: 5, auto: { source: 'x', pointsEach: 1 } },
      ],
      bonusCap: 0,
      deductionCap: 10,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields['items.1.auto.source']).toBe('请选择自动扣分来源');
  });
});
