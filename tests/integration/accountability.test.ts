import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../src/cli/demo/petition-life.js';
import { proposeAccountability } from '../../src/server/modules/accountability/propose.js';
import {
  accountabilityRecords,
  accountabilitySanctions,
} from '../../src/server/modules/accountability/schema.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { dictItems } from '../../src/server/platform/dictionaries/schema.js';
import { sweepReminders } from '../../src/server/platform/todos/reminder-sweep.js';
import { notifications, todos } from '../../src/server/platform/todos/schema.js';
import { users } from '../../src/server/platform/users/schema.js';
import { accountabilityWorld } from '../support/accountability-world.js';
import { auditRows } from '../support/admins.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof accountabilityWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await accountabilityWorld(t);
});
afterAll(async () => t.close());

const recordCount = async () =>
  Number((await t.ctx.db.select({ n: count() }).from(accountabilityRecords))[0].n);
const sanctionReasons = (res: { json(): any }) =>
  res.json().reasons.filter((r: any) => r.code === 'sanction' || r.code === 'org_measure');

describe('register, confirm, eligibility', () => {
  let id: number;
  it('an officer registers a 工作失误 draft; it waits on the discipline officer’s to-do', async () => {
    const res = await w.api(
      'discipline',
      'POST',
      '/api/v1/accountability',
      w.workError([{ kind: 'party_warning' }]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    id = r.id;
    expect(r).toMatchObject({
      status: 'draft',
      kind: 'work_error',
      categoryLabel: '计生工作失职',
      persons: ['张三'],
      sanctions: ['党内警告'],
      source: 'manual',
    });
    expect(r.people[0].sanctions[0]).toMatchObject({
      ruleKey: 'sanction.party.warning',
      effectiveFrom: null,
    });
    const todo = (await w.api('discipline', 'GET', '/api/v1/todos')).json().items;
    expect(todo.map((x: any) => x.title)).toContain('确认责任追究：计划生育工作失职');
    const mine = todo.find((x: any) => x.title === '确认责任追究：计划生育工作失职');
    expect(mine.dueOn > '2026-03-02').toBe(true);
    // a draft bars nothing
    expect(sanctionReasons(await w.eligibility('org', w.cadres.zhang, '2025-12-01'))).toEqual([]);
  });

  it('confirming puts it in force from the decision date: a 党纪警告 bars promotion for exactly one year', async () => {
    const res = await w.api('discipline', 'POST', `/api/v1/accountability/${id}/confirm`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_force', closedOn: '2026-03-02', version: 2 });
    expect(res.json().people[0].sanctions[0]).toMatchObject({
      effectiveFrom: '2025-06-10',
      effectEndsOn: '2026-06-10',
    });
    const last = sanctionReasons(await w.eligibility('org', w.cadres.zhang, '2026-06-09'));
    expect(last.map((r: any) => [r.rule.key, r.since, r.clearsOn])).toEqual([
      ['sanction.party.warning', '2025-06-10', '2026-06-10'],
    ]);
    expect(sanctionReasons(await w.eligibility('org', w.cadres.zhang, '2026-06-10'))).toEqual([]);
    expect(sanctionReasons(await w.eligibility('org', w.cadres.zhang, '2025-06-09'))).toEqual([]);
    // the to-do is done
    const open = await t.ctx.db
      .select()
      .from(todos)
      .where(eq(todos.recordId, String(id)));
    expect(open.map((x) => x.status)).toEqual(['done']);
  });

  it('a rule version from a later date changes the result from then on', async () => {
    const v = await w.api('admin', 'POST', '/api/v1/rules/sanction.party.warning/versions', {
      value: 24,
      effectiveFrom: '2026-01-01',
      source: '镇党委会议决定（测试）',
    });
    expect(v.statusCode, v.body).toBe(200);
    const before = sanctionReasons(await w.eligibility('org', w.cadres.zhang, '2025-12-31'));
    expect(before[0].clearsOn).toBe('2026-06-10');
    const after = sanctionReasons(await w.eligibility('org', w.cadres.zhang, '2026-06-10'));
    expect(after[0]).toMatchObject({ clearsOn: '2027-06-10', rule: { source: '镇党委会议决定（测试）' } });
  });

  it('the file shows it on the timeline for the officers', async () => {
    const file = (await w.api('org', 'GET', `/api/v1/cadres/${w.cadres.zhang}/file`)).json();
    const entry = file.timeline.flatMap((y: any) => y.entries).find((e: any) => e.kind === 'accountability');
    expect(entry).toMatchObject({ date: '2025-06-10', link: `/accountability/${id}` });
    expect(entry.title).toContain('党内警告');
    expect(file.legend.map((l: any) => l.key)).toContain('accountability');
    // the subject's own cadre account has no file access at all; the relative gets 404
    expect((await w.api('spouse', 'GET', `/api/v1/cadres/${w.cadres.zhang}/file`)).statusCode).toBe(404);
  });
});

describe('撤销任免决定 and 申诉/复查', () => {
  it('a 失察 case criticises three and revokes two appointments: the tenures end, audited, in one step', async () => {
    const body = {
      orgId: w.townA,
      kind: 'selection_oversight',
      title: '违规任免干部',
      facts: '有关单位未经民主推荐、考察即任免干部。',
      basis: '《选拔任用干部失察追究制度》',
      decidingBody: '中共甲镇委员会',
      decidedOn: '2026-02-10',
      persons: [
        {
          cadreId: w.cadres.zhao,
          role: '责任人',
          sanctions: [{ kind: 'criticism' }, { kind: 'public_review' }],
        },
        { name: '钱七', post: '原村党支部书记', role: '承办人', sanctions: [{ kind: 'criticism' }] },
        { cadreId: w.cadres.li, sanctions: [{ kind: 'revoke_appointment', tenureIds: [w.posts.li] }] },
        { cadreId: w.cadres.wang, sanctions: [{ kind: 'revoke_appointment', tenureIds: [w.posts.wang] }] },
      ],
    };
    const made = await w.api('org', 'POST', '/api/v1/accountability', body);
    expect(made.statusCode, made.body).toBe(200);
    const todo = await t.ctx.db
      .select()
      .from(todos)
      .where(eq(todos.recordId, String(made.json().id)));
    expect(todo[0].assigneeRole).toBe('org_officer');
    const ok = await w.api('org', 'POST', `/api/v1/accountability/${made.json().id}/confirm`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const posts = await t.ctx.db
      .select()
      .from(tenures)
      .where(inArray(tenures.id, [w.posts.li, w.posts.wang]));
    expect(posts.map((p) => [p.endDate, p.endReason])).toEqual([
      ['2026-02-10', 'revoked'],
      ['2026-02-10', 'revoked'],
    ]);
    const ended = await auditRows(t, 'tenure.end', w.cadres.li);
    expect(ended[0].detail).toMatchObject({
      cause: 'accountability.revoke_appointment',
      accountabilityId: made.json().id,
    });
    const detail = ok.json();
    expect(detail.people.find((p: any) => p.name === '李四').sanctions[0].tenures[0]).toMatchObject({
      title: '农业服务中心副主任',
      endDate: '2026-02-10',
    });
    // none of these bars promotion
    expect(sanctionReasons(await w.eligibility('org', w.cadres.zhao, '2026-03-02'))).toEqual([]);
  });

  it('a sanction changed on appeal keeps its history, and eligibility follows the one in force each day', async () => {
    const made = await w.api(
      'discipline',
      'POST',
      '/api/v1/accountability',
      w.workError([{ kind: 'government_major_demerit' }], {
        title: '决策失误',
        category: 'wrong_decision',
        decidedOn: '2025-09-01',
        persons: [{ cadreId: w.cadres.zhao, sanctions: [{ kind: 'government_major_demerit' }] }],
      }),
    );
    const id = made.json().id;
    const on = await w.api('discipline', 'POST', `/api/v1/accountability/${id}/confirm`, { version: 1 });
    const old = on.json().people[0].sanctions[0];
    const changed = await w.api('discipline', 'POST', `/api/v1/accountability/${id}/sanction-review`, {
      version: 2,
      sanctionId: old.id,
      action: 'change',
      ground: 'appeal',
      on: '2025-12-01',
      reason: '申诉后经复查，情节较轻',
      replacement: { kind: 'government_demerit', effectiveFrom: '2025-09-01' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const hist = changed.json().people[0].sanctions;
    expect(hist.map((s: any) => [s.kind, s.status, s.endedOn])).toEqual([
      ['government_major_demerit', 'changed', '2025-12-01'],
      ['government_demerit', 'in_force', null],
    ]);
    expect(hist[1].replacesId).toBe(old.id);
    const nov = sanctionReasons(await w.eligibility('org', w.cadres.zhao, '2025-11-30'));
    expect(nov.map((r: any) => [r.rule.key, r.clearsOn])).toEqual([
      ['sanction.government.major_demerit', '2025-12-01'],
      ['sanction.government.demerit', '2026-09-01'],
    ]);
    const now = sanctionReasons(await w.eligibility('org', w.cadres.zhao, '2026-03-02'));
    expect(now.map((r: any) => [r.rule.key, r.clearsOn])).toEqual([
      ['sanction.government.demerit', '2026-09-01'],
    ]);
    // then lifted on 复查
    const lifted = await w.api('discipline', 'POST', `/api/v1/accountability/${id}/sanction-review`, {
      version: 3,
      sanctionId: hist[1].id,
      action: 'lift',
      ground: 'review',
      on: '2026-03-01',
      reason: '复查认定事实不清',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(sanctionReasons(await w.eligibility('org', w.cadres.zhao, '2026-03-02'))).toEqual([]);
    expect(lifted.json().events.map((e: any) => e.action)).toEqual([
      'create',
      'confirm',
      'change_sanction',
      'lift_sanction',
    ]);
    // a lifted sanction is not reviewed again
    const again = await w.api('discipline', 'POST', `/api/v1/accountability/${id}/sanction-review`, {
      version: 4,
      sanctionId: hist[1].id,
      action: 'lift',
      ground: 'review',
      on: '2026-03-02',
      reason: '再次',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('已变更或撤销');
  });
});

describe('proposals', () => {
  it('another module proposes a draft in its transaction; the officer dismisses it with a reason', async () => {
    const id = await t.ctx.db.transaction(async (tx) => {
      const actor = await demoActor(
        tx,
        (await tx.select().from(users).where(eq(users.id, w.ids.org)))[0].username,
      );
      return proposeAccountability(tx, t.ctx, actor, {
        orgId: w.townA,
        kind: 'inspection_error',
        title: '考察失实',
        facts: '考察材料与实际不符，任职决定已撤销。',
        basis: '《考察失误追究制度》',
        persons: [{ cadreId: w.cadres.zhao, role: '考察人', sanctions: [] }],
        source: 'appointment',
        sourceRef: 'appointment:12',
      });
    });
    const got = (await w.api('org', 'GET', `/api/v1/accountability/${id}`)).json();
    expect(got).toMatchObject({ status: 'draft', source: 'appointment', sourceRef: 'appointment:12' });
    expect(got.events[0].action).toBe('propose');
    // confirming without a sanction for the person is refused, naming them
    const noSanction = await w.api('org', 'POST', `/api/v1/accountability/${id}/confirm`, {
      version: 1,
      decidedOn: '2026-03-01',
    });
    expect(noSanction.statusCode).toBe(422);
    expect(noSanction.json().error.fields).toHaveProperty(['persons.0.sanctions']);
    const noReason = await w.api('org', 'POST', `/api/v1/accountability/${id}/dismiss`, {
      version: 1,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('理由');
    const dismissed = await w.api('org', 'POST', `/api/v1/accountability/${id}/dismiss`, {
      version: 1,
      reason: '考察人已尽职，不予追究',
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', dismissReason: '考察人已尽职，不予追究' });
    const stale = await w.api('org', 'POST', `/api/v1/accountability/${id}/confirm`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const closed = await w.api('org', 'POST', `/api/v1/accountability/${id}/confirm`, { version: 2 });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.message).toBe('该追究事项不予追究，不能确认');
    expect((await auditRows(t, 'accountability.propose', id)).length).toBe(1);
  });
});

describe('who sees what', () => {
  it('another township’s officer, the subject’s relative and the subject do not see the record; a cadre account not the register', async () => {
    const list = (await w.api('discipline', 'GET', '/api/v1/accountability?kind=work_error')).json();
    const about = list.items.find((r: any) => r.persons.includes('张三'));
    expect(about).toBeTruthy();
    const other = await w.api('otherTown', 'GET', `/api/v1/accountability/${about.id}`);
    expect(other.statusCode).toBe(404);
    expect((await w.api('otherTown', 'GET', '/api/v1/accountability')).json().total).toBe(0);
    const edit = await w.api('otherTown', 'POST', `/api/v1/accountability/${about.id}/dismiss`, {
      version: about.version,
      reason: '越权',
    });
    expect(edit.statusCode).toBe(404);
    const spouse = await w.api('spouse', 'GET', `/api/v1/accountability/${about.id}`);
    expect(spouse.statusCode).toBe(404);
    const spouseList = (await w.api('spouse', 'GET', '/api/v1/accountability')).json();
    expect(spouseList.items.some((r: any) => r.persons.includes('张三'))).toBe(false);
    expect(spouseList.total).toBeGreaterThan(0); // the others' records stay visible
    const self = await w.api('self', 'GET', '/api/v1/accountability');
    expect(self.statusCode).toBe(403);
    expect((await w.api('self', 'GET', `/api/v1/accountability/${about.id}`)).statusCode).toBe(403);
    expect((await w.api('unitHead', 'GET', '/api/v1/accountability')).statusCode).toBe(403);
    // the party secretary reads but does not register
    expect((await w.api('secretary', 'GET', `/api/v1/accountability/${about.id}`)).statusCode).toBe(200);
    const create = await w.api(
      'secretary',
      'POST',
      '/api/v1/accountability',
      w.workError([{ kind: 'criticism' }]),
    );
    expect(create.statusCode).toBe(403);
    expect((await auditRows(t, 'access.denied')).length).toBeGreaterThan(0);
  });

  it('a draft’s to-do is not shown to the subject’s relative', async () => {
    const made = await w.api(
      'discipline',
      'POST',
      '/api/v1/accountability',
      w.workError([{ kind: 'criticism' }]),
    );
    expect(made.statusCode).toBe(200);
    const titles = (await w.api('spouse', 'GET', '/api/v1/todos')).json().items.map((x: any) => x.title);
    expect(titles).not.toContain('确认责任追究：计划生育工作失职');
    const mine = (await w.api('discipline', 'GET', '/api/v1/todos')).json().items.map((x: any) => x.title);
    expect(mine).toContain('确认责任追究：计划生育工作失职');
  });

  it('the audit log holds every step', async () => {
    for (const action of [
      'accountability.create',
      'accountability.confirm',
      'accountability.change_sanction',
      'accountability.lift_sanction',
      'accountability.dismiss',
      'accountability.view',
    ])
      expect((await auditRows(t, action)).length, action).toBeGreaterThan(0);
  });

  it('the 台帐 exports the register as Excel, one row per person', async () => {
    const res = await w.api('discipline', 'GET', '/api/v1/accountability/ledger.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(2).getCell(8).value).toBe('被追究人');
    const names = [];
    for (let i = 3; i <= ws.rowCount; i++) names.push(ws.getRow(i).getCell(8).value);
    expect(names).toEqual(expect.arrayContaining(['赵六', '钱七', '李四', '王五']));
    expect(names).not.toContain('张三'); // decided in 2025
    expect((await auditRows(t, 'accountability.ledger_export')).length).toBe(1);
  });
});

describe('bad input: a Chinese 4xx naming the field or rule, nothing written', () => {
  it('a sanction kind with no effect rule', async () => {
    await t.ctx.db
      .insert(dictItems)
      .values({ typeCode: 'accountability_sanction', code: 'org_ordered_resignation', label: '责令辞职' });
    const before = await recordCount();
    const res = await w.api(
      'discipline',
      'POST',
      '/api/v1/accountability',
      w.workError([{ kind: 'org_ordered_resignation' }]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('org_measure.ordered_resignation');
    expect(res.json().error.message).toContain('责令辞职');
    expect(res.json().error.fields).toHaveProperty(['persons.0.sanctions.0.kind']);
    expect(await recordCount()).toBe(before);
  });

  it('future dates, no person, no category, an unknown kind, a person outside the scope', async () => {
    const before = await recordCount();
    const cases: [unknown, number, string, string][] = [
      [
        w.workError([{ kind: 'criticism' }], { decidedOn: '2026-03-03' }),
        400,
        'decidedOn',
        '决定日期不能晚于今天',
      ],
      [
        w.workError([{ kind: 'criticism', effectiveFrom: '2026-04-01' }], { decidedOn: null }),
        400,
        'persons.0.sanctions.0.effectiveFrom',
        '不能晚于今天',
      ],
      [w.workError([], { persons: [] }), 400, 'persons', '请至少填写一名被追究人'],
      [
        w.workError([], { persons: [{ role: '责任人', sanctions: [] }] }),
        400,
        'persons.0.name',
        '请选择干部或填写',
      ],
      [w.workError([{ kind: 'criticism' }], { category: null }), 400, 'category', '工作失误须选择类别'],
      [w.workError([{ kind: 'no_such_kind' }]), 400, 'persons.0.sanctions.0.kind', '处理种类不正确'],
      [
        w.workError([{ kind: 'revoke_appointment', tenureIds: [] }]),
        400,
        'persons.0.sanctions.0.tenureIds',
        '须选择所撤销的任职',
      ],
      [
        w.workError([{ kind: 'admonition' }], {
          persons: [{ name: '外单位人员', sanctions: [{ kind: 'admonition' }] }],
        }),
        400,
        'persons.0.cadreId',
        '只能给予干部名册中的干部',
      ],
    ];
    for (const [body, status, field, text] of cases) {
      const res = await w.api('discipline', 'POST', '/api/v1/accountability', body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect(res.json().error.message, field).toContain(text);
      expect(Object.keys(res.json().error.fields ?? {}), field).toContain(field);
    }
    const outside = await w.api('otherTown', 'POST', '/api/v1/accountability', {
      ...w.workError([{ kind: 'criticism' }]),
      orgId: w.townB,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toHaveProperty(['persons.0.cadreId']);
    expect(await recordCount()).toBe(before);
  });

  it('a revocation naming another cadre’s post, or one already ended, is refused and nothing changes', async () => {
    const res = await w.api('org', 'POST', '/api/v1/accountability', {
      ...w.workError([]),
      kind: 'selection_oversight',
      category: null,
      persons: [
        { cadreId: w.cadres.zhao, sanctions: [{ kind: 'revoke_appointment', tenureIds: [w.posts.li] }] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不是该干部的任职');
    const ended = await w.api('org', 'POST', '/api/v1/accountability', {
      ...w.workError([]),
      kind: 'selection_oversight',
      category: null,
      persons: [
        { cadreId: w.cadres.li, sanctions: [{ kind: 'revoke_appointment', tenureIds: [w.posts.li] }] },
      ],
    });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().error.message).toContain('已于 2026-02-10 离任');
    const n = await t.ctx.db.select({ n: count() }).from(accountabilitySanctions);
    expect(Number(n[0].n)).toBeGreaterThan(0);
  });
});

describe('figures as of a date', () => {
  const figures = async (who: string, query: string) => {
    const res = await w.api(who, 'GET', `/api/v1/figures?module=accountability&orgId=${w.townA}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries(res.json().figures.map((f: any) => [f.key.slice('accountability.'.length), f]));
  };
  const rows = async (who: string, key: string, query: string) =>
    (
      await w.api(
        who,
        'GET',
        `/api/v1/figures/accountability.${key}/records?orgId=${w.townA}&${query}&pageSize=50`,
      )
    ).json();

  it('counts the records in force, the sanctions then in force, and the people; each equals its drill-down', async () => {
    const q = 'from=2025-01-01&to=2025-12-31&asOf=2026-03-02';
    const f = await figures('discipline', q);
    expect(f.records.value).toBe(2);
    expect(f.records.groups).toEqual([{ key: 'work_error', label: '工作失误', value: 2 }]);
    // 赵六's 记大过 was changed, its replacement lifted by then: only 张三's 党内警告 stands
    expect(f.sanctions.value).toBe(1);
    expect(f.sanctions.groups).toEqual([{ key: 'party', label: '党纪处分', value: 1 }]);
    expect([f.people.value, f.work_error_disciplined.value, f.work_errors.value]).toEqual([1, 1, 1]);
    for (const key of ['records', 'sanctions', 'people', 'work_error_disciplined', 'work_errors'])
      expect((await rows('discipline', key, q)).total, key).toBe(f[key].value);
    expect((await rows('discipline', 'work_errors', q)).items.map((r: any) => r.label)).toEqual([
      '计生工作失职',
    ]);
    // before 赵六's appeal was decided (as of 2025-11-30) nothing had been confirmed yet
    expect((await figures('discipline', 'from=2025-01-01&to=2025-12-31&asOf=2025-11-30')).records.value).toBe(
      0,
    );
  });

  it('the 失察 case: the criticised who made a 检讨 and the appointments revoked', async () => {
    const q = 'from=2026-01-01&to=2026-12-31';
    const f = await figures('org', q);
    expect(f.criticised_reviewed.value).toBe(1); // 赵六: 点名批评 and 上台检讨; 钱七 only criticised
    expect(f.revoked_appointments.value).toBe(2);
    expect((await rows('org', 'revoked_appointments', q)).items.map((r: any) => r.label).sort()).toEqual([
      '李四',
      '王五',
    ]);
  });

  it('leaves out the records a related reader must recuse from', async () => {
    const f = await figures('spouse', 'from=2025-01-01&to=2025-12-31&asOf=2026-03-02');
    expect(f.work_error_disciplined.value).toBe(0);
    expect(f.records.value).toBe(1);
  });
});

describe('the draft’s clock (last: it moves the clock)', () => {
  it('past its due date the officers are reminded and the leadership told — the subject’s relative never', async () => {
    const open = (await t.ctx.db.select().from(todos).where(eq(todos.recordType, 'accountability'))).filter(
      (x) => x.status === 'open',
    );
    expect(open.length).toBeGreaterThan(0);
    const due = open[0].dueOn!;
    expect(due > '2026-03-02').toBe(true);
    const days = (Date.parse(`${due}T00:00:00Z`) - Date.parse('2026-03-02T00:00:00Z')) / 86_400_000;
    t.clock.advance((days + 2) * 86_400_000);
    await sweepReminders(t.ctx);
    const [after] = await t.ctx.db.select().from(todos).where(eq(todos.id, open[0].id));
    expect(after.remindedAt).not.toBeNull();
    expect(after.escalatedAt).not.toBeNull();
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.title, `待办已逾期：${after.title}`));
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.subjectCadreIds.includes(w.cadres.zhang))).toBe(true);
    const toSpouse = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, w.ids.spouse));
    expect(toSpouse.filter((n) => n.title.includes('计划生育'))).toEqual([]);
  });
});
