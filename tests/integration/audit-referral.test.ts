import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOutcomes } from '../../src/server/modules/audits/schema.js';
import { petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { auditWorld } from '../support/audit-world.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 移送: an audit's referral to discipline opens a petition for 甲镇's discipline officers, linked both ways
let t: TestApp;
let w: Awaited<ReturnType<typeof auditWorld>>;
let discipline: Session;
let relatedDiscipline: Session;
let auditId: number;
let findingId: number;
beforeAll(async () => {
  t = await createTestApp(); // 2026-03-02 in China
  w = await auditWorld(t);
  const d = await makeUser(t.ctx, { orgId: w.townA, roles: ['discipline_officer'] });
  discipline = await signIn(t, d.username);
  // a discipline officer of 甲镇 related to 张三: recusal
  const r = await makeUser(t.ctx, { orgId: w.townA, roles: ['discipline_officer'] });
  await t.ctx.db.insert(recusals).values({ userId: r.id, cadreId: w.cadres.zhang, reason: 'family' });
  relatedDiscipline = await signIn(t, r.username);
  const created = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
    orgId: w.unitA,
    kind: 'periodic',
    title: '2026年农业服务中心定期审计',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    auditorUserIds: [w.ids.auditor2],
  });
  expect(created.statusCode, created.body).toBe(200);
  auditId = created.json().id;
  const f = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/findings`, w.finding(1));
  expect(f.statusCode, f.body).toBe(200);
  findingId = f.json().findings[0].id;
});
afterAll(async () => t.close());

const version = async () => (await w.api('auditor', 'GET', `/api/v1/econ-audits/${auditId}`)).json().version;
const allPetitions = () => t.ctx.db.select().from(petitions);

describe('审计移送 opens a linked petition', () => {
  it('移送人员 without the persons, or persons on an amount, is refused naming the field; nothing written', async () => {
    const none = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: await version(),
      kind: 'referred_person',
      count: 1,
      achievedOn: '2026-03-02',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.persons).toContain('移送人员');
    const mismatch = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: await version(),
      kind: 'referred_person',
      count: 2,
      achievedOn: '2026-03-02',
      persons: [{ cadreId: w.cadres.zhang }],
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields).toHaveProperty('count');
    const amount = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: await version(),
      kind: 'remitted',
      amount: '100.00',
      achievedOn: '2026-03-02',
      persons: [{ cadreId: w.cadres.zhang }],
    });
    expect(amount.statusCode).toBe(400);
    expect(amount.json().error.fields).toHaveProperty('persons');
    expect(await allPetitions()).toEqual([]);
    expect(await t.ctx.db.select().from(auditOutcomes)).toEqual([]);
  });

  it('移送人员 opens a 审计移送 case in the township, the cadre its subject, on the discipline officer’s to-do', async () => {
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: await version(),
      findingId,
      kind: 'referred_person',
      achievedOn: '2026-03-02',
      note: '原主任张三违规发放津补贴',
      persons: [{ cadreId: w.cadres.zhang }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json().outcomes[0];
    expect(out).toMatchObject({ kind: 'referred_person', count: 1 });
    expect(res.json().tally.referred_person).toBe(1);
    const [p] = await allPetitions();
    expect(p).toMatchObject({
      orgId: w.townA,
      channel: 'audit_referral',
      sourceAuditId: auditId,
      receivedOn: '2026-03-02',
      status: 'registered',
      title: '审计移送：原主任张三违规发放津补贴',
    });
    expect(p.content).toContain('2026年农业服务中心定期审计');
    expect(p.content).toContain('违规发放津补贴');
    // the outcome shows the petition's number
    expect(out).toMatchObject({ petitionId: p.id, petitionCode: p.code });
    const [row] = await t.ctx.db.select().from(auditOutcomes).where(eq(auditOutcomes.id, out.id));
    expect(row.petitionId).toBe(p.id);
    const subjects = await t.ctx.db
      .select()
      .from(petitionSubjects)
      .where(eq(petitionSubjects.petitionId, p.id));
    expect(subjects.map((s) => [s.cadreId, s.name])).toEqual([[w.cadres.zhang, '张三']]);
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(
        and(eq(todos.recordType, 'petition'), eq(todos.recordId, String(p.id)), eq(todos.status, 'open')),
      );
    expect(todo).toMatchObject({ assigneeRole: 'discipline_officer', orgId: w.townA });
    const list = (await call(t, discipline, 'GET', '/api/v1/todos')).json().items;
    expect(list.map((x: any) => x.title).join('\n')).toContain(p.code);
    // the petition shows its source audit
    const detail = await call(t, discipline, 'GET', `/api/v1/petitions/${p.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      channel: 'audit_referral',
      sourceAuditId: auditId,
      sourceAuditTitle: '2026年农业服务中心定期审计',
      subjects: ['张三'],
    });
  });

  it('recusal follows: a discipline officer related to the referred cadre neither sees the case nor its to-do', async () => {
    const [p] = await allPetitions();
    expect((await call(t, relatedDiscipline, 'GET', `/api/v1/petitions/${p.id}`)).statusCode).toBe(404);
    const list = (await call(t, relatedDiscipline, 'GET', '/api/v1/todos')).json().items;
    expect(list.map((x: any) => x.title).join('\n')).not.toContain(p.code);
  });

  it('移送事项 opens a case too; a case of channel 审计移送 cannot be registered by hand', async () => {
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: await version(),
      findingId,
      kind: 'referred_matter',
      count: 1,
      achievedOn: '2026-03-02',
      note: '违规发放津补贴问题线索',
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json().outcomes[1];
    expect(out.petitionCode).toBeTruthy();
    // no person named: the finding's responsible cadre is the case's subject all the same, so the
    // discipline officer related to him neither reads the case nor sees its to-do
    const subjects = await t.ctx.db
      .select()
      .from(petitionSubjects)
      .where(eq(petitionSubjects.petitionId, out.petitionId));
    expect(subjects.map((s) => s.cadreId)).toEqual([w.cadres.zhang]);
    expect((await call(t, relatedDiscipline, 'GET', `/api/v1/petitions/${out.petitionId}`)).statusCode).toBe(
      404,
    );
    const todos = (await call(t, relatedDiscipline, 'GET', '/api/v1/todos')).json().items;
    expect(todos.map((x: any) => x.title).join('\n')).not.toContain(out.petitionCode);
    expect((await allPetitions()).length).toBe(2);
    const manual = await call(t, discipline, 'POST', '/api/v1/petitions', {
      orgId: w.townA,
      channel: 'audit_referral',
      receivedOn: '2026-03-02',
      realName: false,
      title: '自行登记的审计移送',
      content: '内容',
    });
    expect(manual.statusCode).toBe(400);
    expect(manual.json().error.fields).toHaveProperty('channel');
    expect((await allPetitions()).length).toBe(2);
  });
});
