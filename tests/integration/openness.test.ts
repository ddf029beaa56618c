import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../src/domain/calendar.js';
import { periodOf, previousPeriod } from '../../src/domain/openness/timing.js';
import { scheduleDueItems } from '../../src/server/modules/openness/due-items.js';
import { sweepOverdueDisclosures } from '../../src/server/modules/openness/overdue-sweep.js';
import { disclosureDueItems, disclosures } from '../../src/server/modules/openness/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The clock starts on 2026-03-02 (China): February's village finances are due by 10 March.
let t: TestApp;
type Person = { id: number; username: string; s: Session };
let w: {
  district: { id: number };
  daxing: { id: number };
  village: { id: number };
  qingshan: { id: number };
  qsVillage: { id: number };
  people: Record<
    'districtOrg' | 'officer' | 'secretary' | 'unitHead' | 'supervisor' | 'qsOfficer' | 'qsUnitHead',
    Person
  >;
};

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  const village = await makeOrg(t.ctx, '东风村', daxing.id, 'village');
  const qingshan = await makeOrg(t.ctx, '青山镇', district.id);
  const qsVillage = await makeOrg(t.ctx, '青山村', qingshan.id, 'village');
  const user = async (orgId: number, roles: string[], dataScope = 'subtree') => {
    const u = await makeUser(t.ctx, { orgId, roles, dataScope });
    return { id: u.id, username: u.username, s: await signIn(t, u.username) };
  };
  w = {
    district,
    daxing,
    village,
    qingshan,
    qsVillage,
    people: {
      districtOrg: await user(district.id, ['district_org']),
      officer: await user(daxing.id, ['org_officer']),
      secretary: await user(daxing.id, ['party_secretary']),
      unitHead: await user(village.id, ['unit_head'], 'org'),
      supervisor: await user(village.id, ['village_supervisor'], 'org'),
      qsOfficer: await user(qingshan.id, ['org_officer']),
      qsUnitHead: await user(qsVillage.id, ['unit_head'], 'org'),
    },
  };
});
afterAll(async () => t.close());

const p = () => w.people;
async function signInAll() {
  for (const v of Object.values(w.people)) v.s = await signIn(t, v.username);
}
const typeId = async (orgId: number, name: string) => {
  const res = await call(t, p().officer.s, 'GET', `/api/v1/disclosure/item-types?orgId=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  const found = res.json().items.find((i: { name: string }) => i.name === name);
  expect(found, name).toBeTruthy();
  return found.id as number;
};

const finance = {
  lines: [
    { kind: 'income', item: '上级转移支付', amount: 50000.1 },
    { kind: 'income', item: '集体资产租金', amount: 0.2 },
    { kind: 'expense', item: '村干部报酬', amount: 12000 },
    { kind: 'expense', item: '办公费', amount: 350.55 },
  ],
  totalIncome: 50000.3,
  totalExpense: 12350.55,
  balance: 37649.75,
};
const draftOf = async (v: Record<string, unknown> = {}) => ({
  orgId: w.village.id,
  itemTypeId: await typeId(w.village.id, '村级财务收支'),
  period: '2026-02',
  title: '东风村2026年2月财务收支公开',
  body: '现将本村2026年2月财务收支情况公开如下，如有疑问请向村务监督委员会反映。',
  finance,
  issuingBody: '东风村村民委员会',
  ...v,
});

describe('the catalogue 公开目录', () => {
  it('the default catalogue is seeded per level with its columns and the rule values in force', async () => {
    const res = await call(t, p().unitHead.s, 'GET', `/api/v1/disclosure/item-types?orgId=${w.village.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.every((i: { level: string }) => i.level === 'village')).toBe(true);
    expect(items.find((i: { name: string }) => i.name === '村级财务收支')).toMatchObject({
      timing: 'monthly',
      mode: 'active',
      subject: '村民委员会',
      ruleKey: 'disclosure.period_deadline_day',
      ruleValue: 10,
      canEdit: false,
    });
    expect(items.find((i: { name: string }) => i.name === '村级重大事项')).toMatchObject({
      timing: 'within_days',
      ruleValue: 5,
    });
    const town = (
      await call(t, p().officer.s, 'GET', `/api/v1/disclosure/item-types?orgId=${w.daxing.id}`)
    ).json();
    expect(town.items.find((i: { name: string }) => i.name === '政府信息（主动公开）')).toMatchObject({
      timing: 'within_working_days',
      ruleValue: 20,
    });
  });

  it('the district edits the default catalogue; a township may not (403), and adds its own types seen only below it', async () => {
    const id = await typeId(w.village.id, '村务一般事项');
    const all = (
      await call(t, p().districtOrg.s, 'GET', '/api/v1/disclosure/item-types?level=village')
    ).json();
    const row = all.items.find((i: { id: number }) => i.id === id);
    expect(row.canEdit).toBe(true);
    const { id: _i, orgId: _o, orgName: _n, ruleValue: _r, canEdit: _c, ...fields } = row;
    const denied = await call(t, p().officer.s, 'PUT', `/api/v1/disclosure/item-types/${id}`, {
      ...fields,
      timeLimit: '改',
    });
    expect(denied.statusCode).toBe(403);
    const ok = await call(t, p().districtOrg.s, 'PUT', `/api/v1/disclosure/item-types/${id}`, {
      ...fields,
      timeLimit: '按季度公开，下季度首月 10 日前（村民关心的事项随时公开）',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      version: row.version + 1,
      timeLimit: expect.stringContaining('随时公开'),
    });
    const stale = await call(t, p().districtOrg.s, 'PUT', `/api/v1/disclosure/item-types/${id}`, fields);
    expect(stale.statusCode).toBe(409);

    const { version: _v, ...columns } = fields;
    const own = await call(t, p().officer.s, 'POST', '/api/v1/disclosure/item-types', {
      ...columns,
      orgId: w.daxing.id,
      name: '土地征收补偿',
      timing: 'within_days',
      ruleKey: 'disclosure.major_matter',
    });
    expect(own.statusCode, own.body).toBe(200);
    const mine = (
      await call(t, p().unitHead.s, 'GET', `/api/v1/disclosure/item-types?orgId=${w.village.id}`)
    ).json();
    expect(mine.items.map((i: { name: string }) => i.name)).toContain('土地征收补偿');
    const theirs = (
      await call(t, p().qsUnitHead.s, 'GET', `/api/v1/disclosure/item-types?orgId=${w.qsVillage.id}`)
    ).json();
    expect(theirs.items.map((i: { name: string }) => i.name)).not.toContain('土地征收补偿');
    const other = await call(t, p().qsOfficer.s, 'POST', '/api/v1/disclosure/item-types', {
      ...columns,
      orgId: w.daxing.id,
      name: '越权',
    });
    expect(other.statusCode).toBe(403);
  });

  it('refuses bad catalogue input naming the field', async () => {
    const base = {
      level: 'village',
      name: '测试',
      content: '内容',
      basis: '依据',
      timeLimit: '时限',
      subject: '主体',
      channel: '渠道',
      audience: '对象',
      mode: 'active',
      timing: 'monthly',
      ruleKey: 'disclosure.period_deadline_day',
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: '' }, 400, 'name'],
      [{ mode: 'sometimes' }, 400, 'mode'],
      [{ ruleKey: null }, 422, 'ruleKey'],
      [{ ruleKey: 'disclosure.government_info' }, 422, 'ruleKey'],
      [{ ruleKey: 'no.such_rule' }, 422, 'ruleKey'],
    ];
    for (const [patch, status, field] of cases) {
      const res = await call(t, p().districtOrg.s, 'POST', '/api/v1/disclosure/item-types', {
        ...base,
        ...patch,
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(patch)).toContain(field);
    }
  });
});

describe('due items and their clock', () => {
  it('a village owes last month’s finances by the 10th: a to-do for its head with that deadline', async () => {
    await scheduleDueItems(t.ctx);
    const res = await call(t, p().unitHead.s, 'GET', `/api/v1/disclosure/due-items?orgId=${w.village.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const fin = res.json().items.find((i: { itemTypeName: string }) => i.itemTypeName === '村级财务收支');
    expect(fin).toMatchObject({ period: '2026-02', dueOn: '2026-03-10', state: 'due' });
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'disclosure_due'), eq(todos.recordId, String(fin.id))));
    expect(todo).toMatchObject({
      assigneeRole: 'unit_head',
      orgId: w.village.id,
      dueOn: '2026-03-10',
      status: 'open',
    });
    // a second run writes nothing again
    const before = await t.ctx.db.select({ n: count() }).from(disclosureDueItems);
    await scheduleDueItems(t.ctx);
    expect(await t.ctx.db.select({ n: count() }).from(disclosureDueItems)).toEqual(before);
  });

  it('another township’s officer does not see the village calendar (404)', async () => {
    const res = await call(t, p().qsOfficer.s, 'GET', `/api/v1/disclosure/due-items?orgId=${w.village.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('a major matter is due within 5 days; government information within 20 working days on the calendar', async () => {
    const m = await call(t, p().unitHead.s, 'POST', '/api/v1/disclosure/matters', {
      orgId: w.village.id,
      itemTypeId: await typeId(w.village.id, '村级重大事项'),
      matter: '村集体机动地发包',
      decidedOn: '2026-02-27',
    });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json().dueOn).toBe('2026-03-04');
    const g = await call(t, p().officer.s, 'POST', '/api/v1/disclosure/matters', {
      orgId: w.daxing.id,
      itemTypeId: await typeId(w.daxing.id, '政府信息（主动公开）'),
      matter: '2026年镇财政预算',
      decidedOn: '2026-09-28',
    });
    expect(g.statusCode, g.body).toBe(200);
    // the National Day holidays lie inside the 20 working days: later than 20 weekdays would give
    expect(g.json().dueOn).toBe(await t.ctx.calendar.addWorkingDays('2026-09-28', 20));
    expect(g.json().dueOn > '2026-10-26').toBe(true);
    const periodic = await call(t, p().unitHead.s, 'POST', '/api/v1/disclosure/matters', {
      orgId: w.village.id,
      itemTypeId: await typeId(w.village.id, '村级财务收支'),
      matter: 'x',
      decidedOn: '2026-02-27',
    });
    expect(periodic.statusCode).toBe(422);
    expect(periodic.json().error.fields).toHaveProperty('itemTypeId');
  });
});

describe('publishing with the village review chain', () => {
  let id: number;
  let version: number;
  const step = async (s: Session, action: string, body: Record<string, unknown> = {}) =>
    call(t, s, 'POST', `/api/v1/disclosures/${id}/${action}`, { version, ...body });

  it('refuses a finance table that does not add up, naming the total; nothing written', async () => {
    const bad = await call(
      t,
      p().unitHead.s,
      'POST',
      '/api/v1/disclosures',
      await draftOf({ finance: { ...finance, totalExpense: 12350.5 } }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('支出合计');
    expect(bad.json().error.fields).toHaveProperty(['finance.totalExpense']);
    const noPeriod = await call(
      t,
      p().unitHead.s,
      'POST',
      '/api/v1/disclosures',
      await draftOf({ period: '2026-13' }),
    );
    expect(noPeriod.statusCode).toBe(422);
    expect(noPeriod.json().error.fields).toHaveProperty('period');
    const noTitle = await call(
      t,
      p().unitHead.s,
      'POST',
      '/api/v1/disclosures',
      await draftOf({ title: ' ' }),
    );
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.fields).toHaveProperty('title');
    expect((await t.ctx.db.select({ n: count() }).from(disclosures))[0].n).toBe(0);
  });

  it('another township cannot draft for the village (404), nor the committee draft at all (403)', async () => {
    expect((await call(t, p().qsOfficer.s, 'POST', '/api/v1/disclosures', await draftOf())).statusCode).toBe(
      404,
    );
    expect((await call(t, p().supervisor.s, 'POST', '/api/v1/disclosures', await draftOf())).statusCode).toBe(
      403,
    );
  });

  it('村委会 drafts; publishing before the committee approved is refused', async () => {
    const res = await call(t, p().unitHead.s, 'POST', '/api/v1/disclosures', await draftOf());
    expect(res.statusCode, res.body).toBe(200);
    ({ id, version } = res.json());
    expect(res.json()).toMatchObject({ status: 'draft', needsReview: true, indexNo: null });
    const early = await step(p().unitHead.s, 'publish');
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toHaveProperty('review');
  });

  it('the committee returns it with a reason (without one: refused), the head corrects and resubmits', async () => {
    let res = await step(p().unitHead.s, 'submit');
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    const [reviewTodo] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'disclosure_review'), eq(todos.recordId, String(id))));
    expect(reviewTodo).toMatchObject({ assigneeRole: 'village_supervisor', status: 'open' });
    expect((await step(p().unitHead.s, 'approve')).statusCode).toBe(403);
    const noReason = await step(p().supervisor.s, 'return', { reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    res = await step(p().supervisor.s, 'return', { reason: '办公费缺少票据说明' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('returned');
    version = res.json().version;
    const edit = await call(t, p().unitHead.s, 'PUT', `/api/v1/disclosures/${id}`, {
      ...(await draftOf()),
      orgId: undefined,
      itemTypeId: undefined,
      period: undefined,
      body: '办公费含打印纸、墨盒，票据已附。',
      version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().status).toBe('draft');
    version = edit.json().version;
    res = await step(p().unitHead.s, 'submit');
    expect(res.statusCode).toBe(200);
    version = res.json().version;
  });

  it('the committee approves; after the deadline the item was overdue, escalated to the township, and is published late', async () => {
    // 11 March: the February finances are overdue on the head's to-do, and escalate to the township
    t.clock.current = new Date('2026-03-11T02:00:00Z');
    await signInAll();
    expect(await sweepOverdueDisclosures(t.ctx)).toBeGreaterThan(0);
    expect(await sweepOverdueDisclosures(t.ctx)).toBe(0);
    const cal = (
      await call(t, p().unitHead.s, 'GET', `/api/v1/disclosure/due-items?orgId=${w.village.id}`)
    ).json();
    const fin = cal.items.find(
      (i: { period: string; itemTypeName: string }) => i.itemTypeName === '村级财务收支',
    );
    expect(fin).toMatchObject({ state: 'overdue', escalatedOn: '2026-03-11' });
    expect(cal.counts.overdue).toBeGreaterThan(0);
    const [press] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'disclosure_overdue'), eq(todos.recordId, String(fin.id))));
    expect(press).toMatchObject({ orgId: w.daxing.id, assigneeRole: 'party_secretary', status: 'open' });
    expect(press.title).toContain('东风村');

    const ok = await step(p().supervisor.s, 'approve');
    expect(ok.statusCode, ok.body).toBe(200);
    version = ok.json().version;
    expect((await step(p().supervisor.s, 'publish')).statusCode).toBe(403);
    const pub = await step(p().unitHead.s, 'publish');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({
      status: 'published',
      publishedOn: '2026-03-11',
      issuedOn: '2026-03-11',
      indexNo: `DX${String(w.village.id).padStart(4, '0')}-2026-00001`,
    });
    version = pub.json().version;
    expect(pub.json().events.map((e: { action: string }) => e.action)).toEqual([
      'draft',
      'submit',
      'return',
      'edit',
      'submit',
      'approve',
      'publish',
    ]);
    const ret = pub.json().events[2];
    expect(ret).toMatchObject({
      userId: p().supervisor.id,
      note: '办公费缺少票据说明',
      toStatus: 'returned',
    });
    expect(ret.at).toBeTruthy();

    const after = (
      await call(t, p().unitHead.s, 'GET', `/api/v1/disclosure/due-items?orgId=${w.village.id}`)
    ).json();
    expect(after.items.find((i: { id: number }) => i.id === fin.id)).toMatchObject({
      state: 'late',
      publishedOn: '2026-03-11',
      disclosureId: id,
    });
    const open = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordId, String(fin.id)), eq(todos.status, 'open')));
    expect(open.filter((x) => x.recordType.startsWith('disclosure_'))).toEqual([]);
    const audited = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'disclosure.approve'), eq(auditLog.objectId, String(id))));
    expect(audited[0].userId).toBe(p().supervisor.id);
  });

  it('another township does not see it (404) nor can withdraw it', async () => {
    expect((await call(t, p().qsOfficer.s, 'GET', `/api/v1/disclosures/${id}`)).statusCode).toBe(404);
    const list = (await call(t, p().qsOfficer.s, 'GET', '/api/v1/disclosures')).json();
    expect(list.items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect(
      (
        await call(t, p().qsUnitHead.s, 'POST', `/api/v1/disclosures/${id}/withdraw`, {
          version,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('withdrawal needs a reason and keeps the item in the history', async () => {
    const noReason = await step(p().unitHead.s, 'withdraw');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    const res = await step(p().unitHead.s, 'withdraw', { reason: '支出科目填报有误，更正后重新公开' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2026-03-11',
      withdrawReason: '支出科目填报有误，更正后重新公开',
      indexNo: expect.stringMatching(/-00001$/),
    });
    expect(res.json().events.at(-1)).toMatchObject({ action: 'withdraw', userId: p().unitHead.id });
    const list = (await call(t, p().officer.s, 'GET', `/api/v1/disclosures?orgId=${w.village.id}`)).json();
    expect(list.items.find((i: { id: number }) => i.id === id)).toMatchObject({ status: 'withdrawn' });
  });

  it('a township item is published by its office without the committee', async () => {
    const res = await call(t, p().officer.s, 'POST', '/api/v1/disclosures', {
      orgId: w.daxing.id,
      itemTypeId: await typeId(w.daxing.id, '领导班子成员及分工'),
      title: '大兴镇领导班子成员及分工',
      body: '党委书记：主持党委全面工作。',
      issuingBody: '大兴镇人民政府',
      docNumber: '大兴政发〔2026〕1号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().needsReview).toBe(false);
    const pub = await call(t, p().officer.s, 'POST', `/api/v1/disclosures/${res.json().id}/publish`, {
      version: res.json().version,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', docNumber: '大兴政发〔2026〕1号' });
  });
});

describe('figures as of a date', () => {
  const figures = async (query: string) => {
    const res = await call(
      t,
      p().officer.s,
      'GET',
      `/api/v1/figures?module=disclosure&orgId=${w.daxing.id}&${query}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries(
      res
        .json()
        .figures.map((f: { key: string; value: number | null }) => [
          f.key.slice('disclosure.'.length),
          f.value,
        ]),
    );
  };

  it('items due, published on time, late and overdue, as they stood on the date; each equals its drill-down', async () => {
    // the village owed February's finances (published a day late), the last quarter's affairs and
    // the 机动地 decision of 27 February (neither published)
    expect(await figures('from=2026-01-01&to=2026-12-31&asOf=2026-03-11')).toMatchObject({
      due: 3,
      on_time: 0,
      late: 1,
      overdue: 2,
      on_time_rate: 0,
    });
    // the day before: February's finances were still within their deadline, not yet published
    expect(await figures('from=2026-01-01&to=2026-12-31&asOf=2026-03-10')).toMatchObject({
      due: 3,
      late: 0,
      overdue: 2,
    });
    const rows = await call(
      t,
      p().officer.s,
      'GET',
      `/api/v1/figures/disclosure.late/records?orgId=${w.daxing.id}&from=2026-01-01&to=2026-12-31&asOf=2026-03-11`,
    );
    expect(rows.statusCode, rows.body).toBe(200);
    expect(rows.json().items.map((r: { cells: Record<string, unknown> }) => r.cells)).toEqual([
      {
        org: '东风村',
        itemType: '村级财务收支',
        what: '2026-02',
        dueOn: '2026-03-10',
        publishedOn: '2026-03-11',
        state: '逾期公开',
      },
    ]);
  });
});

describe('a unit made today', () => {
  it('owes the period that ended last at once, with its to-do, before any hourly run', async () => {
    const admin = await makeUser(t.ctx, { orgId: w.district.id, roles: ['sys_admin'], dataScope: 'all' });
    const s = await signIn(t, admin.username);
    const res = await call(t, s, 'POST', '/api/v1/orgs', {
      name: '新建村',
      kind: 'village',
      parentId: w.daxing.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as number;
    const cal = await call(t, p().officer.s, 'GET', `/api/v1/disclosure/due-items?orgId=${id}`);
    expect(cal.statusCode, cal.body).toBe(200);
    const fin = cal.json().items.find((i: { itemTypeName: string }) => i.itemTypeName === '村级财务收支');
    // last month's finances, due this month (the clock has moved on in this file)
    const today = chinaDate(t.clock.now());
    expect(fin).toMatchObject({ period: previousPeriod(periodOf('monthly', today)) });
    expect(fin.dueOn.slice(0, 7)).toBe(today.slice(0, 7));
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(and(eq(todos.recordType, 'disclosure_due'), eq(todos.recordId, String(fin.id))));
    // no head has been appointed yet: the to-do falls back to the unit's organization officer
    expect(todo).toMatchObject({ orgId: id, assigneeRole: 'org_officer', dueOn: fin.dueOn, status: 'open' });
    // the hourly job finds nothing left to write for it
    const before = await t.ctx.db
      .select({ n: count() })
      .from(disclosureDueItems)
      .where(eq(disclosureDueItems.orgId, id));
    expect(await scheduleDueItems(t.ctx, [id])).toBe(0);
    expect(
      await t.ctx.db.select({ n: count() }).from(disclosureDueItems).where(eq(disclosureDueItems.orgId, id)),
    ).toEqual(before);
  });
});
