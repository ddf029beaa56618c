import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountabilityPersons,
  accountabilityRecords,
} from '../../src/server/modules/accountability/schema.js';
import { auditFindings, econAudits, rectificationItems } from '../../src/server/modules/audits/schema.js';
import { cadres, tenures } from '../../src/server/modules/cadres/schema.js';
import { petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { appointmentWorld } from '../support/appointment-world.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { anonymousReport, submitReport } from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof appointmentWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is Monday 2026-03-02 in China
  w = await appointmentWorld(t);
}, 60_000);
afterAll(async () => t.close());

const url = (id: number, step = '') => `/api/v1/appointments/${id}${step}`;
const fieldsOf = (res: { json(): any }) => Object.keys(res.json().error?.fields ?? {});
/** The leadership dashboard's 公示异议待办结 panel of 甲镇 for the party secretary (or another session). */
async function objectionsPanel(who: Session | string, query = '') {
  const res =
    typeof who === 'string'
      ? await w.api(who, 'GET', `/api/v1/dashboard?orgId=${w.townA}${query}`)
      : await call(t, who, 'GET', `/api/v1/dashboard?orgId=${w.townA}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().panels.find((p: any) => p.key === 'appointments.open_objections');
}

describe('a 竞争上岗 case from 动议 to 任职', () => {
  let id: number;
  let version: number;
  let zhangC: number;
  let liC: number;
  const body = () => ({
    orgId: w.townA,
    title: '财政所所长、农业服务中心副主任竞争上岗',
    method: 'competitive',
    decidingBody: 'cadre_group',
    positionIds: [w.posts.director, w.posts.deputy],
    proposedOn: '2026-03-02',
    plan: '竞争上岗工作方案',
    proposer: { cadreId: w.cadres.wang },
    handler: { name: '周立新' },
  });

  it('动议: refuses a 副科 post for the 干部工作小组 (naming the rule), another org’s post, the wrong role', async () => {
    const fuke = await w.api('org', 'POST', '/api/v1/appointments', {
      ...body(),
      positionIds: [w.posts.viceMayor],
    });
    expect(fuke.statusCode).toBe(422);
    expect(fuke.json().error.message).toBe(
      '按规则“选拔任用决定权限”，干部工作小组会无权决定副科职务，应由区委常委会决定',
    );
    const other = await w.api('org', 'POST', '/api/v1/appointments', {
      ...body(),
      positionIds: [w.posts.director, w.posts.otherTown],
    });
    expect(other.statusCode).toBe(400);
    expect(fieldsOf(other)).toEqual(['positionIds.1']);
    expect((await w.api('discipline', 'POST', '/api/v1/appointments', body())).statusCode).toBe(403);
    const res = await w.api('org', 'POST', '/api/v1/appointments', body());
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    version = res.json().version;
    expect(res.json()).toMatchObject({ code: '甲组〔2026〕1号', step: 'proposed', stepLabel: '动议' });
  });

  it('民主推荐: a candidate from another org is refused naming the field; the result orders candidates', async () => {
    const rec = (cadreId: number) => ({
      version,
      on: '2026-03-03',
      kind: 'meeting',
      due: 40,
      present: 36,
      candidates: [
        {
          cadreId: w.cadres.zhang,
          positionId: w.posts.director,
          votes: 30,
          examScore: 85,
          interviewScore: 88,
        },
        { cadreId, positionId: w.posts.deputy, votes: 28 },
      ],
      recommenders: [{ cadreId: w.cadres.wang }],
    });
    const bad = await w.api('org', 'POST', url(id, '/recommendation'), rec(w.cadres.outsider));
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['candidates.1.cadreId']);
    const res = await w.api('org', 'POST', url(id, '/recommendation'), rec(w.cadres.li));
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    const [z, l] = res.json().candidates;
    zhangC = z.id;
    liC = l.id;
    expect([z.name, z.rank, l.name, l.rank]).toEqual(['张三', 1, '李四', 1]);
  });

  it('考察: the team is recorded and the discipline officer is asked for the integrity opinion', async () => {
    const res = await w.api('org', 'POST', url(id, '/inspection'), {
      version,
      on: '2026-03-04',
      candidateIds: [zhangC, liC],
      team: [{ cadreId: w.cadres.zhao }, { cadreId: w.cadres.sun }],
      talkedTo: 25,
      findings: '德才表现较好。',
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    const todos = (await w.api('discipline', 'GET', '/api/v1/todos')).json().items;
    expect(todos.map((x: any) => x.title)).toContain('出具廉政意见：甲组〔2026〕1号');
    // the recused officer sees neither the case nor its to-do
    expect((await w.api('spouse', 'GET', url(id))).statusCode).toBe(404);
    // an open audit finding names 张三 responsible: the pre-fill lists it (the 考察材料 too, below)
    const [zhangAudit] = await t.ctx.db
      .insert(econAudits)
      .values({
        orgId: w.townA,
        kind: 'periodic',
        title: '甲镇财政所2025年度财务收支审计',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        status: 'reported',
      })
      .returning();
    const [zhangFinding0] = await t.ctx.db
      .insert(auditFindings)
      .values({
        auditId: zhangAudit.id,
        unitOrgId: w.townA,
        summary: '公务接待超标准',
        description: 'x',
        basis: 'x',
        problemType: 'funds',
        severity: 'minor',
        recommendation: 'x',
        responsible: [{ cadreId: w.cadres.zhang, name: '张三', tier: 'direct' }],
        responsibleCadreIds: [w.cadres.zhang],
        foundOn: '2026-02-10',
      })
      .returning();
    await t.ctx.db.insert(rectificationItems).values({
      findingId: zhangFinding0.id,
      auditId: zhangAudit.id,
      orgId: w.townA,
      unitOrgId: w.townA,
      status: 'rectifying',
      issuedOn: '2026-02-10',
    });
    const pre = await w.api('discipline', 'GET', url(id, `/integrity-prefill?candidateId=${zhangC}`));
    expect(pre.statusCode, pre.body).toBe(200);
    expect(pre.json()).toMatchObject({ petitions: { total: 0, open: 0 }, inEffect: [] });
    const zhangFinding = {
      kind: '经济责任审计',
      date: '2026-02-10',
      title: '审计发现问题未整改完毕：公务接待超标准（整改中）',
    };
    expect(pre.json().openItems).toEqual([zhangFinding]);
    const li = await w.api('discipline', 'GET', url(id, `/integrity-prefill?candidateId=${liC}`));
    expect(li.json().openItems).toEqual([]);
    // an audit finding naming 张三 responsible, not yet rectified, comes from the audits module's
    // provider; once its item is closed it is no longer listed
    const [audit] = await t.ctx.db
      .insert(econAudits)
      .values({
        orgId: w.townA,
        kind: 'departure',
        status: 'reported',
        title: '财政所原所长离任审计',
        periodFrom: '2023-01-01',
        periodTo: '2025-12-31',
        auditorUserIds: [],
      })
      .returning();
    const [finding] = await t.ctx.db
      .insert(auditFindings)
      .values({
        auditId: audit.id,
        unitOrgId: w.townA,
        summary: '专项资金未按期拨付',
        description: '2024 年农业补贴资金滞留 3 个月',
        basis: '专项资金管理办法',
        problemType: 'other',
        severity: 'normal',
        recommendation: '限期拨付',
        responsible: [{ cadreId: w.cadres.zhang, tier: 'direct' }],
        responsibleCadreIds: [w.cadres.zhang],
        foundOn: '2026-01-10',
      })
      .returning();
    const [item] = await t.ctx.db
      .insert(rectificationItems)
      .values({
        findingId: finding.id,
        auditId: audit.id,
        orgId: w.townA,
        unitOrgId: w.townA,
        status: 'rectifying',
        issuedOn: '2026-01-10',
      })
      .returning();
    const withFinding = (
      await w.api('discipline', 'GET', url(id, `/integrity-prefill?candidateId=${zhangC}`))
    ).json();
    expect(withFinding.openItems).toHaveLength(2);
    expect(withFinding.openItems).toContainEqual({
      kind: '经济责任审计',
      date: '2026-01-10',
      title: '审计发现问题未整改完毕：专项资金未按期拨付（整改中）',
    });
    await t.ctx.db
      .update(rectificationItems)
      .set({ status: 'closed' })
      .where(eq(rectificationItems.id, item.id));
    expect(
      (await w.api('discipline', 'GET', url(id, `/integrity-prefill?candidateId=${zhangC}`))).json()
        .openItems,
    ).toEqual([zhangFinding]);
    for (const c of [zhangC, liC]) {
      const op = await w.api('discipline', 'POST', url(id, '/integrity-opinion'), {
        candidateId: c,
        opinion: '未发现影响使用的问题。',
      });
      expect(op.statusCode, op.body).toBe(200);
    }
    expect(
      (await w.api('org', 'POST', url(id, '/integrity-opinion'), { candidateId: zhangC, opinion: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('讨论决定: sums, quorum and “more than half of members due” are checked', async () => {
    const meeting = (votes: [number, number, number][], present = 7) => ({
      version,
      on: '2026-03-06',
      membersDue: 9,
      membersPresent: present,
      chair: { cadreId: w.cadres.zhou },
      votes: votes.map(([approve, oppose, abstain], i) => ({
        candidateId: [zhangC, liC][i],
        approve,
        oppose,
        abstain,
      })),
    });
    const sums = await w.api(
      'org',
      'POST',
      url(id, '/decision'),
      meeting([
        [5, 1, 1],
        [4, 1, 1],
      ]),
    );
    expect(sums.statusCode).toBe(400);
    expect(fieldsOf(sums)).toEqual(['votes.1']);
    const quorum = await w.api(
      'org',
      'POST',
      url(id, '/decision'),
      meeting(
        [
          [5, 0, 0],
          [5, 0, 0],
        ],
        5,
      ),
    );
    expect(quorum.statusCode).toBe(422);
    expect(fieldsOf(quorum)).toEqual(['membersPresent']);
    // 4 of 7 present is a majority of those present but not of the 9 due: 李四 does not pass
    const res = await w.api(
      'org',
      'POST',
      url(id, '/decision'),
      meeting([
        [6, 1, 0],
        [4, 2, 1],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    expect(res.json().candidates.map((c: any) => c.status)).toEqual(['passed', 'rejected']);
  });
});

describe('the second case: notice, interlock, 任职, revocation', () => {
  let id: number;
  let version: number;
  let zhangC: number;
  let liC: number;
  let petitionZhang: { id: number; code: string };
  let petitionLi: { id: number; code: string };

  it('runs to a decision with both passing', async () => {
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '财政所所长、农业服务中心副主任选任',
      method: 'org_recommendation',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.director, w.posts.deputy],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    id = created.json().id;
    let r = await w.api('org', 'POST', url(id, '/recommendation'), {
      version: created.json().version,
      on: '2026-03-02',
      kind: 'talk',
      due: 20,
      present: 20,
      candidates: [
        { cadreId: w.cadres.zhang, positionId: w.posts.director, votes: 18 },
        { cadreId: w.cadres.li, positionId: w.posts.deputy, votes: 17 },
      ],
      recommenders: [{ cadreId: w.cadres.wang }],
    });
    [zhangC, liC] = r.json().candidates.map((c: any) => c.id);
    r = await w.api('org', 'POST', url(id, '/inspection'), {
      version: r.json().version,
      on: '2026-03-03',
      candidateIds: [zhangC, liC],
      team: [{ cadreId: w.cadres.zhao }, { cadreId: w.cadres.sun }, { cadreId: w.cadres.zhao }],
      talkedTo: 18,
      findings: '群众公认度高。',
    });
    r = await w.api('org', 'POST', url(id, '/decision'), {
      version: r.json().version,
      on: '2026-03-05',
      membersDue: 7,
      membersPresent: 7,
      chair: { cadreId: w.cadres.zhou },
      votes: [
        { candidateId: zhangC, approve: 7, oppose: 0, abstain: 0 },
        { candidateId: liC, approve: 6, oppose: 0, abstain: 1 },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    version = r.json().version;
  });

  it('任前公示 shorter than 5 working days is refused; a full week is published', async () => {
    const notice = (endsOn: string) => ({
      version,
      code: '甲组公〔2026〕1号',
      startsOn: '2026-03-09',
      endsOn,
      contact: '镇纪委 0571-12345678',
    });
    const short = await w.api('org', 'POST', url(id, '/notice'), notice('2026-03-12'));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('公示期仅 4 个工作日');
    const res = await w.api('org', 'POST', url(id, '/notice'), notice('2026-03-13'));
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
  });

  it('a report naming a person under notice is urgent; 任职 is refused with its number while it is open', async () => {
    await w.advanceDays(8); // 2026-03-10, during the notice
    const report = async (cadreId: number, title: string) => {
      const res = await w.api('discipline', 'POST', '/api/v1/petitions', {
        orgId: w.townA,
        channel: 'letter',
        receivedOn: '2026-03-10',
        realName: false,
        title,
        content: `${title}，请核查。`,
        subjects: [{ cadreId }],
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const pz = await report(w.cadres.zhang, '反映张三违规收受礼金');
    expect(pz.urgent).toBe(true);
    petitionZhang = { id: pz.id, code: pz.code };
    // the public portal lists the open notice with one-line bios and nothing internal
    const list = (await call(t, null, 'GET', '/api/v1/portal/notices')).json();
    expect(list.items).toHaveLength(1);
    const notice = list.items[0];
    expect(notice).toMatchObject({
      code: '甲组公〔2026〕1号',
      endsOn: '2026-03-13',
      contact: '镇纪委 0571-12345678',
    });
    expect(notice.people.map((p: any) => [p.name, p.proposed])).toEqual([
      ['张三', '拟任财政所所长（中层正职）'],
      ['李四', '拟任农业服务中心副主任（中层副职）'],
    ]);
    expect(notice.people[0].bio).toContain('男，1985年6月生');
    expect(JSON.stringify(notice)).not.toMatch(/approve|votes|opinion|integrity|reason/);
    // a citizen objects from the notice page: the report names 李四 in the registry and is urgent
    const li = notice.people[1];
    const sent = await submitReport(
      t,
      anonymousReport(w.townA, {
        title: '反映李四学历造假',
        content: '拟任农业服务中心副主任的李四学历造假，请组织核查。',
        subjects: [],
        notice: { caseId: id, candidateId: li.candidateId },
      }),
    );
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().receiptCode).toBeTruthy();
    const [pl] = await t.ctx.db
      .select({ id: petitions.id, code: petitions.code, urgent: petitions.urgent })
      .from(petitions)
      .innerJoin(petitionSubjects, eq(petitionSubjects.petitionId, petitions.id))
      .where(eq(petitionSubjects.cadreId, w.cadres.li));
    expect(pl.urgent).toBe(true);
    petitionLi = { id: pl.id, code: pl.code };
    // a notice that is not open cannot be objected to from the portal
    const stale = await submitReport(
      t,
      anonymousReport(w.townA, { notice: { caseId: id + 100, candidateId: li.candidateId } }),
    );
    expect(stale.statusCode).toBe(400);
    const lines = [
      { kind: 'appoint', cadreId: w.cadres.zhang, positionId: w.posts.director },
      { kind: 'appoint', cadreId: w.cadres.li, positionId: w.posts.deputy },
    ];
    const early = await w.api('org', 'POST', url(id, '/appointment'), {
      version,
      dispatchCode: '甲组干〔2026〕3号',
      dispatchOn: '2026-03-16',
      startDate: '2026-03-16',
      lines,
    });
    expect(early.statusCode).toBe(422); // the notice still runs
    await w.advanceDays(6); // 2026-03-16
    const refused = await w.api('org', 'POST', url(id, '/appointment'), {
      version,
      dispatchCode: '甲组干〔2026〕3号',
      dispatchOn: '2026-03-16',
      startDate: '2026-03-16',
      lines,
    });
    expect(refused.statusCode).toBe(409);
    // the notice closed itself: it left the portal at once
    expect((await call(t, null, 'GET', '/api/v1/portal/notices')).json().items).toEqual([]);
    expect((await call(t, null, 'GET', `/api/v1/portal/notices/${id}`)).statusCode).toBe(404);
    expect(refused.json().error.message).toContain(petitionZhang.code);
    expect(refused.json().error.message).not.toContain('礼金');
    // the integrity pre-fill counts the report, never its reporter or content
    const pre = (
      await w.api('discipline', 'GET', url(id, `/integrity-prefill?candidateId=${zhangC}`))
    ).json();
    expect(pre.petitions).toMatchObject({ total: 1, open: 1 });
    expect(JSON.stringify(pre)).not.toContain('礼金');
    // the file shows the case on 张三's timeline for the organisation officer
    const file = (await w.api('org', 'GET', `/api/v1/cadres/${w.cadres.zhang}/file`)).json();
    const entry = file.timeline.flatMap((y: any) => y.entries).find((e: any) => e.kind === 'appointment');
    expect(entry).toMatchObject({ link: `/appointments/${id}` });
    // the leadership dashboard lists both people as waiting on the discipline officer's conclusion
    const panel = await objectionsPanel('secretary');
    expect(panel).toMatchObject({ label: '公示异议待办结', value: 2 });
    expect(panel.items.map((i: any) => [i.label, i.cells.reports, i.link])).toEqual([
      ['张三', 1, `/appointments/${id}`],
      ['李四', 1, `/appointments/${id}`],
    ]);
    // before the reports came in there was nothing open
    expect((await objectionsPanel('secretary', '&asOf=2026-03-09')).value).toBe(0);
    // a party secretary related to 张三 sees neither the case nor its people
    const kin = await makeUser(t.ctx, { orgId: w.townA, roles: ['party_secretary'] });
    await t.ctx.db.insert(recusals).values({ userId: kin.id, cadreId: w.cadres.zhang, reason: 'family' });
    const kinPanel = await objectionsPanel(await signIn(t, kin.username));
    expect(kinPanel).toMatchObject({ value: 0, items: [] });
    // not even 李四, whom they are not related to: the case is about 张三 too
    expect(JSON.stringify(kinPanel)).not.toContain('李四');
  });

  it('the discipline officer concludes: 不影响任用 for 张三, 影响任用 stops 李四', async () => {
    const no = await w.api('discipline', 'POST', url(id, '/objections'), {
      candidateId: zhangC,
      petitionId: petitionZhang.id,
      outcome: 'no_effect',
      reason: '经核查，反映问题不属实。',
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(
      (
        await w.api('org', 'POST', url(id, '/objections'), {
          candidateId: liC,
          petitionId: petitionLi.id,
          outcome: 'affects',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const yes = await w.api('discipline', 'POST', url(id, '/objections'), {
      candidateId: liC,
      petitionId: petitionLi.id,
      outcome: 'affects',
      reason: '经核查，学历存在问题。',
    });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().candidates.map((c: any) => c.status)).toEqual(['passed', 'stopped']);
    version = yes.json().version;
    // concluded: nothing is open any more, though as of the day before both still were
    expect((await objectionsPanel('secretary')).value).toBe(0);
    expect((await objectionsPanel('secretary', '&asOf=2026-03-15')).value).toBe(2);
  });

  it('任职: a dispatch line that matches no decision is refused; then the tenure is created and the old one ended', async () => {
    const dispatch = (lines: unknown[]) => ({
      version,
      dispatchCode: '甲组干〔2026〕3号',
      dispatchOn: '2026-03-16',
      startDate: '2026-03-16',
      lines,
    });
    const wrong = await w.api(
      'org',
      'POST',
      url(id, '/appointment'),
      dispatch([
        { kind: 'appoint', cadreId: w.cadres.zhang, positionId: w.posts.director },
        { kind: 'appoint', cadreId: w.cadres.li, positionId: w.posts.deputy },
      ]),
    );
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toEqual(['lines.1']);
    const stale = await w.api('org', 'POST', url(id, '/appointment'), {
      ...dispatch([]),
      version: version - 1,
    });
    expect(stale.statusCode).toBe(400); // empty lines refused by the schema first
    const res = await w.api(
      'org',
      'POST',
      url(id, '/appointment'),
      dispatch([{ kind: 'appoint', cadreId: w.cadres.zhang, positionId: w.posts.director }]),
    );
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    expect(res.json()).toMatchObject({ step: 'appointed', dispatchCode: '甲组干〔2026〕3号' });
    const rows = await t.ctx.db.select().from(tenures).where(eq(tenures.cadreId, w.cadres.zhang));
    const old = rows.find((r) => r.id === w.oldTenure)!;
    const fresh = rows.find((r) => r.appointmentId === id)!;
    expect([old.endDate, old.endReason]).toEqual(['2026-03-16', 'transfer']);
    // 中层副职 → 中层正职 is a promotion: one year's probation
    expect(fresh).toMatchObject({
      title: '财政所所长',
      startDate: '2026-03-16',
      probationEnd: '2027-03-16',
      endDate: null,
    });
    // the documents: 考察材料, the notice and the 任免文件 as .docx (a zip), audited
    for (const kind of ['inspection', 'notice', 'dispatch']) {
      const doc = await w.api('org', 'GET', url(id, `/documents/${kind}`));
      expect(doc.statusCode, `${kind} ${doc.body.slice(0, 200)}`).toBe(200);
      expect(doc.headers['content-type']).toContain('wordprocessingml');
      const xml = strFromU8(unzipSync(new Uint8Array(doc.rawPayload))['word/document.xml']).replace(
        /<[^>]+>/g,
        '',
      );
      if (kind === 'notice') expect(xml).toContain('张三');
      if (kind === 'dispatch') expect(xml).toContain('张三为财政所所长');
      if (kind === 'inspection') {
        expect(xml).toContain('群众公认度高');
        expect(xml).toContain('审计发现未整改问题 1 项：公务接待超标准（整改中，直接责任）');
        expect(xml).toContain('无未整改的审计发现问题');
      }
    }
    expect((await w.api('org', 'GET', url(id, '/documents/other'))).statusCode).toBe(400);
    const [cadre] = await t.ctx.db.select().from(cadres).where(eq(cadres.id, w.cadres.zhang));
    expect(cadre.currentPosition).toContain('财政所所长');
    const todos = (await w.api('org', 'GET', '/api/v1/todos?pageSize=100')).json().items;
    expect(todos.map((x: any) => x.title)).toContain('试用期满考核：张三（财政所所长）');
    expect(todos.map((x: any) => x.title)).not.toContain('任前公示期满，办理任职或终止：甲组〔2026〕2号');
  });

  it('撤销任免决定 ends the tenure (撤销) and proposes 失察 for exactly the people responsible', async () => {
    const res = await w.api('org', 'POST', url(id, '/revocation'), {
      version,
      candidateIds: [zhangC],
      on: '2026-03-20',
      reason: '任职前隐瞒受处分情况',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [fresh] = await t.ctx.db.select().from(tenures).where(eq(tenures.appointmentId, id));
    expect([fresh.endDate, fresh.endReason]).toEqual(['2026-03-20', 'revoked']);
    const drafts = await t.ctx.db
      .select()
      .from(accountabilityRecords)
      .where(eq(accountabilityRecords.sourceRef, `appointment:${id}`));
    expect(drafts.map((d) => [d.kind, d.status, d.source])).toEqual([
      ['selection_oversight', 'draft', 'appointment'],
    ]);
    const people = await t.ctx.db
      .select()
      .from(accountabilityPersons)
      .where(eq(accountabilityPersons.recordId, drafts[0].id));
    expect(people.map((p) => [p.name, p.role]).sort()).toEqual(
      [
        ['王五', '推荐人'],
        ['赵六', '考察组成员'],
        ['孙七', '考察组成员'],
        ['周立新', '承办人'],
        ['周八', '决定责任人'],
      ].sort(),
    );
    expect(people.map((p) => p.cadreId)).not.toContain(w.cadres.qian);
    expect(people.map((p) => p.cadreId)).not.toContain(w.cadres.zhang);
    const todos = (await w.api('org', 'GET', '/api/v1/todos?pageSize=100')).json().items;
    expect(todos.map((x: any) => x.title)).toContain(`确认责任追究：选人用人失察：甲组〔2026〕2号`);
  });
});

describe('scope, role, recusal and bad transitions', () => {
  it('another township gets 404, the recused officer neither sees it nor finds it in the list', async () => {
    const list = (await w.api('org', 'GET', '/api/v1/appointments?year=2026')).json();
    expect(list.total).toBe(2);
    const id = list.items[0].id;
    expect((await w.api('otherTown', 'GET', url(id))).statusCode).toBe(404);
    expect((await w.api('otherTown', 'GET', '/api/v1/appointments')).json().total).toBe(0);
    expect((await w.api('spouse', 'GET', '/api/v1/appointments')).json().total).toBe(0);
    // the 台帐: one row per candidate; the secretary (read only) may not export it
    const ledger = await w.api('org', 'GET', '/api/v1/appointments/ledger.xlsx?year=2026');
    expect(ledger.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(2).getCell(2).value).toBe('编号');
    expect(sheet.rowCount).toBe(2 + 4);
    expect((await w.api('secretary', 'GET', '/api/v1/appointments/ledger.xlsx')).statusCode).toBe(403);
    expect((await w.api('spouse', 'POST', url(id, '/stop'), { version: 1, reason: 'x' })).statusCode).toBe(
      404,
    );
    expect((await w.api('secretary', 'POST', url(id, '/stop'), { version: 1, reason: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('a stale version is 409; 撤销 with a reason ends an open case; a stopped case takes no step', async () => {
    const list = (await w.api('org', 'GET', '/api/v1/appointments?step=decided')).json();
    const [c] = list.items;
    expect(c.code).toBe('甲组〔2026〕1号');
    expect(
      (await w.api('org', 'POST', url(c.id, '/stop'), { version: c.version - 1, reason: '调整' })).statusCode,
    ).toBe(409);
    const res = await w.api('org', 'POST', url(c.id, '/stop'), {
      version: c.version,
      reason: '机构改革，职数调整',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ step: 'stopped', stopReason: '机构改革，职数调整' });
    const again = await w.api('org', 'POST', url(c.id, '/stop'), {
      version: res.json().version,
      reason: 'x',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('该选拔任用事项当前为“已撤销”，不能撤销');
  });
});

describe('a post already filled', () => {
  it('任职 into a principal post someone holds is refused (409), nothing written; a cadre account has no access', async () => {
    expect((await w.api('self', 'GET', '/api/v1/appointments')).statusCode).toBe(403);
    await t.ctx.db.insert(tenures).values({
      cadreId: w.cadres.zhou,
      positionId: w.posts.office,
      orgId: w.townA,
      title: '党政办主任',
      level: 'middle_principal',
      isPrincipal: true,
      startDate: '2024-01-01',
    });
    let r = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '党政办主任选任',
      method: 'org_recommendation',
      decidingBody: 'party_committee',
      positionIds: [w.posts.office],
      proposedOn: '2026-03-16',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    const id = r.json().id;
    r = await w.api('org', 'POST', url(id, '/recommendation'), {
      version: r.json().version,
      on: '2026-03-16',
      kind: 'talk',
      due: 10,
      present: 10,
      candidates: [{ cadreId: w.cadres.qian, positionId: w.posts.office, votes: 9 }],
      recommenders: [{ cadreId: w.cadres.wang }],
    });
    const cand = r.json().candidates[0].id;
    r = await w.api('org', 'POST', url(id, '/inspection'), {
      version: r.json().version,
      on: '2026-03-16',
      candidateIds: [cand],
      team: [{ cadreId: w.cadres.zhao }, { cadreId: w.cadres.sun }],
      talkedTo: 10,
      findings: '表现良好。',
    });
    r = await w.api('org', 'POST', url(id, '/decision'), {
      version: r.json().version,
      on: '2026-03-16',
      membersDue: 7,
      membersPresent: 7,
      chair: { cadreId: w.cadres.wang },
      votes: [{ candidateId: cand, approve: 7, oppose: 0, abstain: 0 }],
    });
    r = await w.api('org', 'POST', url(id, '/notice'), {
      version: r.json().version,
      code: '甲组公〔2026〕3号',
      startsOn: '2026-03-16',
      endsOn: '2026-03-20',
      contact: '镇纪委',
    });
    expect(r.statusCode, r.body).toBe(200);
    await w.advanceDays(7); // 2026-03-23
    const filled = await w.api('org', 'POST', url(id, '/appointment'), {
      version: r.json().version,
      dispatchCode: '甲组干〔2026〕5号',
      dispatchOn: '2026-03-23',
      startDate: '2026-03-23',
      lines: [{ kind: 'appoint', cadreId: w.cadres.qian, positionId: w.posts.office }],
    });
    expect(filled.statusCode).toBe(409);
    expect(filled.json().error).toMatchObject({ code: 'post_filled' });
    expect(filled.json().error.message).toContain('该职务已有在任正职');
    const held = await t.ctx.db.select().from(tenures).where(eq(tenures.cadreId, w.cadres.qian));
    expect(held).toEqual([]);
    expect((await w.api('org', 'GET', url(id))).json().step).toBe('noticed');
  });
});

describe('the public notices: limits', () => {
  it('limits requests per address with a Chinese message, like the rest of the portal', async () => {
    const get = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/portal/notices', remoteAddress: '10.9.9.8' });
    let last = 200;
    for (let i = 0; i < 61 && last !== 429; i++) last = (await get()).statusCode;
    expect(last).toBe(429);
    expect((await get()).json().error.message).toMatch(/^访问过于频繁，请 \d+ 分钟后再试$/);
    // another address is not limited by it
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portal/notices',
      remoteAddress: '10.9.9.7',
    });
    expect(other.statusCode).toBe(200);
  });
});
