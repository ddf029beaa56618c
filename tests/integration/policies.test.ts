import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPolicyJobs } from '../../src/server/modules/policies/jobs.js';
import { policyReads } from '../../src/server/modules/policies/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { registeredJobs } from '../../src/server/platform/jobs/registry.js';
import { Scheduler } from '../../src/server/platform/jobs/scheduler.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { POLICY_TEXT, policyWorld, signInAgain } from '../support/policy-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof policyWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await policyWorld(t);
});
afterAll(async () => t.close());

const newPolicy = (orgId: number, v: Record<string, unknown> = {}) => ({
  orgId,
  title: '大兴镇干部管理工作暂行规定',
  number: '大兴党发〔2025〕3号',
  issuingBody: '中共大兴镇委员会',
  category: '干部日常管理',
  adoptedOn: '2026-01-10',
  effectiveOn: '2026-01-15',
  body: POLICY_TEXT,
  ruleKeys: ['ranking.last_place_warning_rounds'],
  ...v,
});

async function create(s: Session, body: Record<string, unknown>) {
  const res = await call(t, s, 'POST', '/api/v1/policies', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('policies: create, see, correct', () => {
  it('an officer creates a policy in their township, with its rule links; audited', async () => {
    const p = await create(w.officer.s, newPolicy(w.daxing.id));
    expect(p).toMatchObject({ status: 'in_force', currentVersionNo: 1, orgName: '大兴镇', canManage: true });
    expect(p.versions[0].rules[0]).toMatchObject({
      key: 'ranking.last_place_warning_rounds',
      name: '连续末位给予警告的轮次',
    });
    const [a] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'policy.create'), eq(auditLog.objectId, String(p.id))));
    expect(a.userId).toBe(w.officer.id);
  });

  it('refuses bad input naming the field: 400, never 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ ruleKeys: ['no.such_rule'] }, 'ruleKeys'],
      [{ effectiveOn: '2026-01-01' }, 'effectiveOn'],
      [{ adoptedOn: '2026-02-30' }, 'adoptedOn'],
      [{ body: 'a\u0000b' }, 'body'],
      [{ extra: 1 }, ''],
      [
        { quiz: { passMark: 60, questions: [{ question: '问', options: ['甲', '乙'], answer: 5 }] } },
        'quiz.questions.0.answer',
      ],
    ];
    for (const [patch, field] of cases) {
      const res = await call(t, w.officer.s, 'POST', '/api/v1/policies', newPolicy(w.daxing.id, patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      if (field) expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(patch)).toContain(field);
    }
  });

  it('refuses another org (404, audited), a role without policy.manage and administrators (403)', async () => {
    const res = await call(t, w.officer.s, 'POST', '/api/v1/policies', newPolicy(w.qingshan.id));
    expect(res.statusCode).toBe(404);
    expect((await call(t, w.cadre.s, 'POST', '/api/v1/policies', newPolicy(w.daxing.id))).statusCode).toBe(
      403,
    );
    expect((await call(t, w.sysAdmin.s, 'GET', '/api/v1/policies')).statusCode).toBe(403);
  });

  it('visibility: own org and above; below only for a scope that reaches there; never a sister township', async () => {
    const districtRule = await create(
      w.districtOrg.s,
      newPolicy(w.district.id, { title: '新城区干部监督工作办法', issuingBody: '中共新城区委组织部' }),
    );
    const villageRule = await create(w.officer.s, newPolicy(w.village.id, { title: '东风村村务公开制度' }));
    const titles = async (s: Session, q = '') =>
      (
        (await call(t, s, 'GET', `/api/v1/policies?pageSize=100${q}`)).json().items as { title: string }[]
      ).map((i) => i.title);
    expect(await titles(w.cadre.s)).toEqual(
      expect.arrayContaining(['新城区干部监督工作办法', '大兴镇干部管理工作暂行规定']),
    );
    expect(await titles(w.cadre.s)).not.toContain('东风村村务公开制度');
    expect(await titles(w.villageCadre.s)).toContain('东风村村务公开制度');
    expect(await titles(w.districtOrg.s)).toContain('东风村村务公开制度');
    expect(await titles(w.qsCadre.s)).toEqual(['新城区干部监督工作办法']);
    expect(await titles(w.cadre.s, `&q=${encodeURIComponent('新城区')}`)).toEqual(['新城区干部监督工作办法']);
    expect(await titles(w.cadre.s, `&orgId=${w.district.id}`)).toEqual(['新城区干部监督工作办法']);
    expect(await titles(w.cadre.s, '&year=2025')).toEqual([]);
    const daxingRule = (await call(t, w.cadre.s, 'GET', '/api/v1/policies?q=暂行')).json().items[0];
    expect((await call(t, w.qsCadre.s, 'GET', `/api/v1/policies/${daxingRule.id}`)).statusCode).toBe(404);
    // the township reads the district's rule but does not manage it
    const seen = (await call(t, w.officer.s, 'GET', `/api/v1/policies/${districtRule.id}`)).json();
    expect(seen.canManage).toBe(false);
    const put = await call(t, w.officer.s, 'PUT', `/api/v1/policies/${districtRule.id}`, {
      title: '改',
      issuingBody: '改',
      version: 1,
    });
    expect(put.statusCode).toBe(404);
    expect(villageRule.canManage).toBe(true);
    expect(
      (await call(t, w.cadre.s, 'GET', '/api/v1/policies?status=bogus')).json().error.fields,
    ).toHaveProperty('status');
  });

  it('a stale version is a 409; a fresh one corrects the header', async () => {
    const p = await create(w.officer.s, newPolicy(w.daxing.id, { title: '谈话诫勉制度' }));
    const body = { title: '谈话诫勉制度（试行）', number: null, issuingBody: '中共大兴镇委员会', version: 1 };
    expect((await call(t, w.officer.s, 'PUT', `/api/v1/policies/${p.id}`, body)).json().title).toBe(
      '谈话诫勉制度（试行）',
    );
    expect((await call(t, w.officer.s, 'PUT', `/api/v1/policies/${p.id}`, body)).statusCode).toBe(409);
  });
});

describe('versions: revise, diff, repeal', () => {
  let id: number;
  beforeAll(async () => {
    id = (await create(w.officer.s, newPolicy(w.daxing.id, { title: '末位惩处制度' }))).id;
  });

  it('a new version marks the one before 已修订, and the diff shows the changed lines', async () => {
    const revised = `${POLICY_TEXT.replace('给予警告', '给予警告，其年度考核为不合格')}\n第四条 本规定自发布之日起施行。`;
    const res = await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/versions`, {
      adoptedOn: '2026-02-20',
      effectiveOn: '2026-03-01',
      body: revised,
      changeNote: '明确年度考核',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.versions.map((v: { status: string }) => v.status)).toEqual(['revised', 'in_force']);
    expect(p).toMatchObject({ currentVersionNo: 2, adoptedOn: '2026-02-20', firstAdoptedOn: '2026-01-10' });
    const diff = (await call(t, w.cadre.s, 'GET', `/api/v1/policies/${id}/diff?from=1&to=2`)).json();
    expect(diff).toMatchObject({ added: 2, removed: 1 });
    expect(diff.lines.find((l: { kind: string }) => l.kind === 'removed').text).toContain('给予警告。');
    const bad = await call(t, w.cadre.s, 'GET', `/api/v1/policies/${id}/diff?from=1&to=9`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('to');
  });

  it('refuses a stale version, a revision dated before the last, another township and a reader', async () => {
    const v = { adoptedOn: '2026-02-25', effectiveOn: '2026-02-25', body: 'x' };
    expect(
      (await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/versions`, { ...v, version: 1 }))
        .statusCode,
    ).toBe(409);
    const early = await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/versions`, {
      ...v,
      adoptedOn: '2026-01-01',
      effectiveOn: '2026-01-01',
      version: 2,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toHaveProperty('adoptedOn');
    expect(
      (await call(t, w.qsOfficer.s, 'POST', `/api/v1/policies/${id}/versions`, { ...v, version: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t, w.cadre.s, 'POST', `/api/v1/policies/${id}/versions`, { ...v, version: 2 })).statusCode,
    ).toBe(403);
  });

  it('repeal: the version in force becomes 已废止; a repealed policy takes no new version, no second repeal', async () => {
    const res = await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/repeal`, {
      repealedOn: '2026-03-01',
      version: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'repealed', repealedOn: '2026-03-01' });
    expect(res.json().versions.map((v: { status: string }) => v.status)).toEqual(['revised', 'repealed']);
    const again = await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/versions`, {
      adoptedOn: '2026-03-02',
      effectiveOn: '2026-03-02',
      body: 'x',
      version: 3,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('已废止');
    expect(
      (
        await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/repeal`, {
          repealedOn: '2026-03-02',
          version: 3,
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/assignments`, {
          orgId: w.daxing.id,
          dueOn: '2026-03-20',
        })
      ).statusCode,
    ).toBe(422);
    const [a] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'policy.repeal'), eq(auditLog.result, 'success')))
      .orderBy(desc(auditLog.id));
    expect(a.objectId).toBe(String(id));
  });
});

describe('reading: assignments, to-dos, 我的学习, quiz', () => {
  let id: number;
  let assignmentId: number;
  const quiz = {
    passMark: 100,
    questions: [
      { question: '被诫勉对象跟踪管理多长时间？', options: ['三个月', '六个月', '一年'], answer: 1 },
    ],
  };
  beforeAll(async () => {
    id = (await create(w.officer.s, newPolicy(w.daxing.id, { title: '干部动态考核制度', quiz }))).id;
  });

  it('refuses another township, a past due date, an unknown role; a reader may not assign', async () => {
    const path = `/api/v1/policies/${id}/assignments`;
    expect(
      (await call(t, w.officer.s, 'POST', path, { orgId: w.qingshan.id, dueOn: '2026-03-20' })).statusCode,
    ).toBe(404);
    const past = await call(t, w.officer.s, 'POST', path, { orgId: w.daxing.id, dueOn: '2026-03-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toHaveProperty('dueOn');
    const role = await call(t, w.officer.s, 'POST', path, {
      orgId: w.daxing.id,
      dueOn: '2026-03-20',
      roles: ['pope'],
    });
    expect(role.json().error.fields).toHaveProperty('roles');
    expect(
      (await call(t, w.cadre.s, 'POST', path, { orgId: w.daxing.id, dueOn: '2026-03-20' })).statusCode,
    ).toBe(403);
  });

  it('assigning gives every reader of the subtree a to-do with the due date; administrators and other townships none', async () => {
    const res = await call(t, w.officer.s, 'POST', `/api/v1/policies/${id}/assignments`, {
      orgId: w.daxing.id,
      dueOn: '2026-03-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().assignments[0];
    assignmentId = a.id;
    // officer, secretary, cadre, village cadre, unit head — not the system administrator
    expect(a).toMatchObject({ due: 5, done: 0, coverage: 0 });
    const open = await t.ctx.db.select().from(todos).where(eq(todos.recordType, 'policy_read'));
    expect(open.map((o) => o.assigneeUserId).sort()).toEqual(
      [w.officer.id, w.secretary.id, w.cadre.id, w.villageCadre.id, w.unitHead.id].sort(),
    );
    expect(open.every((o) => o.dueOn === '2026-03-20' && o.status === 'open')).toBe(true);
    const list = (await call(t, w.cadre.s, 'GET', '/api/v1/todos')).json();
    expect(JSON.stringify(list)).toContain('学习制度《干部动态考核制度》并确认');
  });

  it('a role filter narrows who is due', async () => {
    const other = (await create(w.officer.s, newPolicy(w.daxing.id, { title: '离任审计制度' }))).id;
    const res = await call(t, w.officer.s, 'POST', `/api/v1/policies/${other}/assignments`, {
      orgId: w.daxing.id,
      roles: ['unit_head'],
      dueOn: '2026-03-20',
    });
    expect(res.json().assignments[0].due).toBe(1);
  });

  it('我的学习: the text and the quiz without answers; a wrong answer keeps the to-do, a right one closes it', async () => {
    const mine = (await call(t, w.cadre.s, 'GET', '/api/v1/me/policy-reads')).json();
    const item = mine.items.find((i: { title: string }) => i.title === '干部动态考核制度');
    expect(item).toMatchObject({ hasQuiz: true, confirmedOn: null, dueOn: '2026-03-20' });
    const detail = (await call(t, w.cadre.s, 'GET', `/api/v1/me/policy-reads/${item.readId}`)).json();
    expect(detail.questions[0]).toEqual({
      question: quiz.questions[0].question,
      options: quiz.questions[0].options,
    });
    expect(detail.body).toBe(POLICY_TEXT);
    // another person's duty does not exist for them
    expect(
      (await call(t, w.villageCadre.s, 'GET', `/api/v1/me/policy-reads/${item.readId}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await call(t, w.villageCadre.s, 'POST', `/api/v1/me/policy-reads/${item.readId}/confirm`, {
          answers: [1],
        })
      ).statusCode,
    ).toBe(404);
    const missing = await call(t, w.cadre.s, 'POST', `/api/v1/me/policy-reads/${item.readId}/confirm`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('answers');
    const wrong = await call(t, w.cadre.s, 'POST', `/api/v1/me/policy-reads/${item.readId}/confirm`, {
      answers: [0],
    });
    expect(wrong.json()).toEqual({ confirmed: false, score: 0, passMark: 100 });
    const todo = async () =>
      (
        await t.ctx.db
          .select()
          .from(todos)
          .where(and(eq(todos.recordType, 'policy_read'), eq(todos.recordId, String(item.readId))))
      )[0];
    expect((await todo()).status).toBe('open');
    t.clock.advance(24 * 3600_000); // 2026-03-03
    await signInAgain(t, w);
    const right = await call(t, w.cadre.s, 'POST', `/api/v1/me/policy-reads/${item.readId}/confirm`, {
      answers: [1],
    });
    expect(right.json()).toEqual({ confirmed: true, score: 100, passMark: 100 });
    expect((await todo()).status).toBe('done');
    const [row] = await t.ctx.db.select().from(policyReads).where(eq(policyReads.id, item.readId));
    expect(row).toMatchObject({ confirmedOn: '2026-03-03', quizScore: 100, quizAttempts: 2 });
    expect(
      (await call(t, w.cadre.s, 'POST', `/api/v1/me/policy-reads/${item.readId}/confirm`, { answers: [1] }))
        .statusCode,
    ).toBe(422);
  });

  it('the officer sees coverage per org and who has and has not read', async () => {
    const p = (await call(t, w.officer.s, 'GET', `/api/v1/policies/${id}`)).json();
    const a = p.assignments.find((x: { id: number }) => x.id === assignmentId);
    expect(a).toMatchObject({ due: 5, done: 1, coverage: 20 });
    expect(
      a.byOrg.map((o: { orgName: string; due: number; done: number }) => [o.orgName, o.due, o.done]),
    ).toEqual([
      ['大兴镇', 3, 1],
      ['东风村', 2, 0],
    ]);
    const read = (
      await call(t, w.officer.s, 'GET', `/api/v1/policies/${id}/assignments/${assignmentId}/readers?read=yes`)
    ).json();
    expect(read.items.map((r: { userId: number }) => r.userId)).toEqual([w.cadre.id]);
    const unread = (
      await call(
        t,
        w.officer.s,
        'GET',
        `/api/v1/policies/${id}/assignments/${assignmentId}/readers?read=no&orgId=${w.village.id}`,
      )
    ).json();
    expect(unread.total).toBe(2);
    // a reader sees the policy but not the assignments nor the answers
    const seen = (await call(t, w.cadre.s, 'GET', `/api/v1/policies/${id}`)).json();
    expect(seen.assignments).toEqual([]);
    expect(seen.versions[0].quiz.questions[0].answer).toBeNull();
    expect(
      (await call(t, w.cadre.s, 'GET', `/api/v1/policies/${id}/assignments/${assignmentId}/readers`))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(t, w.qsOfficer.s, 'GET', `/api/v1/policies/${id}/assignments/${assignmentId}/readers`))
        .statusCode,
    ).toBe(404);
  });

  it('someone who joins an assigned org later becomes due (with a to-do) when they open 我的学习', async () => {
    const u = await makeUser(t.ctx, { orgId: w.village.id, roles: ['cadre'], dataScope: 'self' });
    const s = await signIn(t, u.username);
    const mine = (await call(t, s, 'GET', '/api/v1/me/policy-reads')).json();
    expect(mine.items.map((i: { title: string }) => i.title)).toContain('干部动态考核制度');
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'policy_read'), eq(todos.assigneeUserId, u.id)));
    expect(todo).toMatchObject({ status: 'open', dueOn: '2026-03-20' });
  });

  it('someone who joins later and never opens 我的学习 gets the to-do from the hourly job, not before its hour', async () => {
    registerPolicyJobs();
    const jobs = registeredJobs();
    const scheduler = new Scheduler(t.ctx, {
      log: () => {},
      jobs: { recurring: jobs.recurring.filter((j) => j.name === 'policy.read_duties'), oneOff: [] },
    });
    const readTodo = async (userId: number) =>
      t.ctx.db
        .select()
        .from(todos)
        .where(and(eq(todos.recordType, 'policy_read'), eq(todos.assigneeUserId, userId)));
    await scheduler.tick(); // this hour's run
    const u = await makeUser(t.ctx, { orgId: w.village.id, roles: ['cadre'], dataScope: 'self' });
    await scheduler.tick(); // the same hour: already run
    expect(await readTodo(u.id)).toEqual([]);
    t.clock.advanceMinutes(61);
    await scheduler.tick();
    const [todo] = await readTodo(u.id);
    expect(todo).toMatchObject({ status: 'open', dueOn: '2026-03-20' });
  });
});
