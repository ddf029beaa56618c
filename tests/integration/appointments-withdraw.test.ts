import { and, eq } from 'drizzle-orm';
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
}, 60_000);
afterAll(async () => t.close());

const url = (id: number, step = '') => `/api/v1/appointments/${id}${step}`;

describe('报名撤回 (a 竞争上岗 registrant withdraws)', () => {
  let id: number;
  let version: number;
  const reg: Record<string, number> = {};

  it('registers three', async () => {
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '财政所所长竞争上岗',
      method: 'competitive',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.director],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    expect(created.statusCode, created.body).toBe(200);
    id = created.json().id;
    version = created.json().version;
    for (const key of ['zhang', 'li', 'zhao'] as const) {
      const res = await w.api('org', 'POST', url(id, '/registrants'), {
        version,
        on: '2026-03-02',
        positionId: w.posts.director,
        cadreId: w.cadres[key],
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    for (const r of (await w.api('org', 'GET', url(id))).json().selection.rows) reg[r.name] = r.id;
  });

  it('refuses without a reason, from another township, from the discipline officer, on a stale version', async () => {
    const path = url(id, `/registrants/${reg.李四}/withdrawal`);
    const noReason = await w.api('org', 'POST', path, { version, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual({ reason: '请填写撤回原因' });
    expect((await w.api('otherTown', 'POST', path, { version, reason: '个人原因' })).statusCode).toBe(404);
    expect((await w.api('discipline', 'POST', path, { version, reason: '个人原因' })).statusCode).toBe(403);
    expect((await w.api('org', 'POST', path, { version: version - 1, reason: '个人原因' })).statusCode).toBe(
      409,
    );
    const early = await w.api('org', 'POST', path, { version, on: '2026-03-01', reason: '个人原因' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toEqual({ on: '撤回日期不能早于报名日期 2026-03-02' });
    const [row] = await t.ctx.db
      .select()
      .from(appointmentRegistrants)
      .where(eq(appointmentRegistrants.id, reg.李四));
    expect(row.withdrawnOn).toBeNull();
  });

  it('withdraws with the reason, audited and on the timeline; the registrant takes no check, no score and no rank', async () => {
    const res = await w.api('org', 'POST', url(id, `/registrants/${reg.李四}/withdrawal`), {
      version,
      reason: '本人因家庭原因申请撤回报名',
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    const li = res.json().selection.rows.find((r: any) => r.name === '李四');
    expect(li).toMatchObject({
      withdrawnOn: '2026-03-02',
      withdrawReason: '本人因家庭原因申请撤回报名',
      qualificationLabel: '已撤回报名',
      rank: null,
    });
    // the answer declares its fields: who recorded the withdrawal, and the events' raw detail, stay inside
    expect(li).not.toHaveProperty('withdrawnBy');
    expect(li).not.toHaveProperty('qualifiedBy');
    expect(res.json().events.at(-1)).not.toHaveProperty('detail');
    expect(res.json().events.at(-1)).not.toHaveProperty('userId');
    expect(res.json().events.at(-1)).toMatchObject({
      action: 'withdraw_registration',
      reason: '本人因家庭原因申请撤回报名',
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appointment.registrant_withdraw'), eq(auditLog.result, 'success')));
    expect(audits).toHaveLength(1);
    expect(audits[0].objectId).toBe(String(id));

    const again = await w.api('org', 'POST', url(id, `/registrants/${reg.李四}/withdrawal`), {
      version,
      reason: '再次撤回',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toBe('李四已于 2026-03-02 撤回报名');
    const check = await w.api('org', 'POST', url(id, `/registrants/${reg.李四}/qualification`), {
      version,
      result: 'passed',
      reason: '符合条件',
    });
    expect(check.statusCode).toBe(422);
    expect(check.json().error.message).toBe('李四已撤回报名，不再进行资格审查');
    for (const name of ['张三', '赵六']) {
      const ok = await w.api('org', 'POST', url(id, `/registrants/${reg[name]}/qualification`), {
        version,
        result: 'passed',
        reason: '符合条件',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      version = ok.json().version;
    }
    const scores = await w.api('org', 'POST', url(id, '/scores'), {
      version,
      scores: [{ registrantId: reg.李四, examScore: 90, interviewScore: 90 }],
    });
    expect(scores.statusCode).toBe(400);
    expect(scores.json().error.fields).toEqual({ 'scores.0.registrantId': '李四已撤回报名，不能录入成绩' });
  });

  it('a case past 动议 takes no withdrawal', async () => {
    const stopped = await w.api('org', 'POST', url(id, '/stop'), { version, reason: '方案调整' });
    expect(stopped.statusCode, stopped.body).toBe(200);
    const res = await w.api('org', 'POST', url(id, `/registrants/${reg.张三}/withdrawal`), {
      version: stopped.json().version,
      reason: '个人原因',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('报名、资格审查和成绩已不能更改');
  });
});

describe('讨论决定 of a candidate the eligibility check blocks', () => {
  it('needs an override reason, recorded only by a holder of appointment.override (audited)', async () => {
    // 钱九 has been a 中层副职 since 2025-06-01: too short for 财政所所长 (a 正职)
    await t.ctx.db.insert(tenures).values({
      cadreId: w.cadres.qian,
      orgId: w.townA,
      title: '党政办副主任',
      level: 'middle_deputy',
      startDate: '2025-06-01',
    });
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '财政所所长组织推荐',
      method: 'org_recommendation',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.director],
      proposedOn: '2026-03-02',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    const id = created.json().id;
    const rec = await w.api('org', 'POST', url(id, '/recommendation'), {
      version: created.json().version,
      on: '2026-03-02',
      kind: 'meeting',
      due: 30,
      present: 30,
      candidates: [{ cadreId: w.cadres.qian, positionId: w.posts.director, votes: 25 }],
      recommenders: [{ cadreId: w.cadres.wang }],
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const candidateId = rec.json().candidates[0].id;
    const ins = await w.api('org', 'POST', url(id, '/inspection'), {
      version: rec.json().version,
      on: '2026-03-02',
      candidateIds: [candidateId],
      team: [{ cadreId: w.cadres.zhou }, { cadreId: w.cadres.wang }],
      talkedTo: 15,
      findings: '工作能力较强。',
    });
    expect(ins.statusCode, ins.body).toBe(200);
    const meeting = (overrideReason?: string) => ({
      version: ins.json().version,
      on: '2026-03-02',
      membersDue: 7,
      membersPresent: 7,
      chair: { cadreId: w.cadres.wang },
      votes: [{ candidateId, approve: 7, oppose: 0, abstain: 0, overrideReason }],
    });
    const noReason = await w.api('org', 'POST', url(id, '/decision'), meeting());
    expect(noReason.statusCode).toBe(422);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['votes.0.overrideReason']);
    expect(noReason.json().error.message).toContain('资格审查未通过');
    const officer = await w.api('org', 'POST', url(id, '/decision'), meeting('工作需要'));
    expect(officer.statusCode).toBe(403);
    expect((await w.api('org', 'GET', url(id))).json().step).toBe('inspected');
    const secretary = await w.api(
      'secretary',
      'POST',
      url(id, '/decision'),
      meeting('急需专业人才，经党委研究同意'),
    );
    expect(secretary.statusCode, secretary.body).toBe(200);
    expect(secretary.json().candidates[0]).toMatchObject({
      status: 'passed',
      overrideReason: '急需专业人才，经党委研究同意',
    });
    const audited = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appointment.override'), eq(auditLog.result, 'success')));
    expect(audited).toHaveLength(1);
  });
});
