import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueItemsOfUnit } from '../../src/server/modules/audits/overdue.js';
import { auditFindings, econAudits, rectificationItems } from '../../src/server/modules/audits/schema.js';
import { departureEvents, positions } from '../../src/server/modules/cadres/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { auditWorld } from '../support/audit-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof auditWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await auditWorld(t);
});
afterAll(async () => t.close());

const openTodos = (recordType: string, recordId: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(
      and(eq(todos.recordType, recordType), eq(todos.recordId, String(recordId)), eq(todos.status, 'open')),
    );

let auditId: number;
let itemId: number;
let item2Id: number;

describe('a departure audit is drafted when a principal leader leaves', () => {
  it('ending 张三’s principal tenure writes a draft on the audit officers’ to-do, in the same transaction', async () => {
    const res = await w.api('org', 'POST', `/api/v1/tenures/${w.post}/end`, {
      endDate: '2026-02-27',
      endReason: 'transfer',
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const [draft] = await t.ctx.db
      .select()
      .from(econAudits)
      .where(eq(econAudits.subjectCadreId, w.cadres.zhang));
    expect(draft).toMatchObject({
      kind: 'departure',
      status: 'draft',
      orgId: w.unitA,
      periodFrom: '2021-03-01',
      periodTo: '2026-02-27',
      source: 'departure',
      tenureId: w.post,
    });
    auditId = draft.id;
    const [event] = await t.ctx.db.select().from(departureEvents).where(eq(departureEvents.tenureId, w.post));
    expect(event.consumedAt).not.toBeNull();
    expect(draft.departureEventId).toBe(event.id);
    const list = (await w.api('auditor', 'GET', '/api/v1/todos')).json().items;
    expect(list.map((x: any) => x.title)).toContain(
      '确认离任审计：张三（原农业服务中心主任）离任经济责任审计',
    );
    const detail = (await w.api('auditor', 'GET', `/api/v1/econ-audits/${auditId}`)).json();
    expect(detail).toMatchObject({ statusLabel: '待确认', kindLabel: '离任审计', subjectCadreName: '张三' });
  });

  it('the subject, a relative and another township never see it', async () => {
    expect((await w.api('spouse', 'GET', `/api/v1/econ-audits/${auditId}`)).statusCode).toBe(404);
    expect((await w.api('spouse', 'GET', '/api/v1/econ-audits')).json().total).toBe(0);
    expect((await w.api('otherTown', 'GET', `/api/v1/econ-audits/${auditId}`)).statusCode).toBe(404);
    expect((await w.api('self', 'GET', `/api/v1/econ-audits/${auditId}`)).statusCode).toBe(403);
    expect((await w.api('headA', 'GET', '/api/v1/econ-audits')).statusCode).toBe(403);
  });

  it('an auditor related to the subject is refused (回避), naming the field; nothing written', async () => {
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/confirm`, {
      version: 1,
      auditorUserIds: [w.ids.spouse],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.auditorUserIds).toContain('须回避');
    const [row] = await t.ctx.db.select().from(econAudits).where(eq(econAudits.id, auditId));
    expect(row).toMatchObject({ status: 'draft', version: 1 });
  });

  it('the officer confirms it with the auditors; the to-do is done', async () => {
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/confirm`, {
      version: 1,
      auditorUserIds: [w.ids.auditor2, w.ids.unitAuditor],
      noticeNo: '大审通〔2026〕3号',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect(res.json().auditors.map((a: any) => a.id)).toEqual([
      w.ids.auditor,
      w.ids.auditor2,
      w.ids.unitAuditor,
    ]);
    expect(await openTodos('econ_audit', auditId)).toEqual([]);
    // a stale version is a 409
    const stale = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/dismiss`, {
      version: 1,
      reason: 'x',
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('findings and the rectification lifecycle', () => {
  it('an amount that is not yuan with two decimals is refused, naming the field', async () => {
    const res = await w.api(
      'auditor',
      'POST',
      `/api/v1/econ-audits/${auditId}/findings`,
      w.finding(2, { amount: '12.345' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('amount');
    const bad = await w.api(
      'auditor',
      'POST',
      `/api/v1/econ-audits/${auditId}/findings`,
      w.finding(2, { problemType: 'nope' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('problemType');
  });

  it('a finding issues its item to the unit, the plan due in 10 working days, on the unit head’s to-do', async () => {
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/findings`, w.finding(2));
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json().findings[0];
    expect(f).toMatchObject({ amount: '36000.00', repeat: false, problemTypeLabel: '专项资金' });
    expect(f.responsible[0]).toMatchObject({ name: '张三', tierLabel: '领导责任' });
    expect(f.item).toMatchObject({ status: 'issued', issuedOn: '2026-03-02', planDueOn: '2026-03-16' });
    itemId = f.item.id;
    const second = await w.api(
      'auditor',
      'POST',
      `/api/v1/econ-audits/${auditId}/findings`,
      w.finding(3, { summary: '固定资产未入账', problemType: 'assets', amount: 5200 }),
    );
    expect(second.statusCode, second.body).toBe(200);
    item2Id = second.json().findings[1].item.id;
    const head = (await w.api('headA', 'GET', '/api/v1/todos')).json().items.map((x: any) => x.title);
    expect(head).toContain('制定整改方案：违规发放津补贴');
  });

  it('a unit head sees only their unit’s items', async () => {
    const mine = (await w.api('headA', 'GET', '/api/v1/rectification-items')).json();
    expect(mine.items.map((x: any) => x.id).sort()).toEqual([itemId, item2Id].sort());
    expect((await w.api('headB', 'GET', '/api/v1/rectification-items')).json().total).toBe(0);
    // the finding's text finds its item; the count is the matches' (a capped count: exact below the cap)
    const found = (
      await w.api('headA', 'GET', `/api/v1/rectification-items?q=${encodeURIComponent('固定资产')}`)
    ).json();
    expect(found).toMatchObject({ total: 1, totalCapped: false });
    expect(found.items.map((x: any) => x.id)).toEqual([item2Id]);
    expect((await w.api('headB', 'GET', `/api/v1/rectification-items/${itemId}`)).statusCode).toBe(404);
    const step = await w.api('headB', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 1,
      action: 'plan',
      measures: 'x',
      responsibleUnit: 'x',
      responsiblePerson: 'x',
      deadline: '2026-06-30',
    });
    expect(step.statusCode).toBe(404);
    expect((await w.api('spouse', 'GET', `/api/v1/rectification-items/${itemId}`)).statusCode).toBe(404);
  });

  it('no plan without measures; the plan starts the monthly report clock', async () => {
    const bare = await w.api('headA', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 1,
      action: 'plan',
      responsibleUnit: '农业服务中心',
      responsiblePerson: '李四',
      deadline: '2026-06-30',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual({ measures: '制定方案须填写整改措施' });
    const early = await w.api('headA', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 1,
      action: 'report',
      progress: '已开始清退',
    });
    expect(early.statusCode).toBe(400);
    const res = await w.api('headA', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 1,
      action: 'plan',
      measures: '清退违规补贴，制定津补贴审批制度',
      responsibleUnit: '农业服务中心',
      responsiblePerson: '李四',
      deadline: '2026-06-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rectifying',
      nextReportDue: '2026-04-02',
      dueOn: '2026-06-30',
    });
    const [todo] = await openTodos('rectification', itemId);
    expect(todo).toMatchObject({ dueOn: '2026-04-02', assigneeRole: 'unit_head', orgId: w.unitA });
  });

  it('申请销号 needs evidence', async () => {
    const none = await w.api('headA', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 2,
      action: 'apply',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('evidence');
    const res = await w.api('headA', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 2,
      action: 'apply',
      evidence: '清退收款凭证 12 份',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('applied');
    const queue = (await w.api('auditor2', 'GET', '/api/v1/rectification-items?queue=true')).json();
    expect(queue.items.map((x: any) => x.id)).toEqual([itemId]);
  });

  it('separation of duties: the unit never 销号 its own item, nor an auditor placed in it, nor a non-auditor', async () => {
    const accept = { version: 3, action: 'accept' };
    const head = await w.api('headA', 'POST', `/api/v1/rectification-items/${itemId}/steps`, accept);
    expect(head.statusCode).toBe(403);
    const inUnit = await w.api('unitAuditor', 'POST', `/api/v1/rectification-items/${itemId}/steps`, accept);
    expect(inUnit.statusCode).toBe(403);
    expect(inUnit.json().error.message).toContain('整改单位不能');
    const other = await w.api('bystander', 'POST', `/api/v1/rectification-items/${itemId}/steps`, accept);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('审计人员');
    const [row] = await t.ctx.db.select().from(rectificationItems).where(eq(rectificationItems.id, itemId));
    expect(row).toMatchObject({ status: 'applied', version: 3 });
    const ok = await w.api('auditor2', 'POST', `/api/v1/rectification-items/${itemId}/steps`, accept);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'closed',
      closedOn: '2026-03-02',
      verdict: '已整改',
      bucket: null,
    });
    expect(await openTodos('rectification', itemId)).toEqual([]);
  });

  it('持续整改 needs a reason category and a checkpoint, and stays open', async () => {
    const plan = await w.api('headA', 'POST', `/api/v1/rectification-items/${item2Id}/steps`, {
      version: 1,
      action: 'plan',
      measures: '补登固定资产卡片',
      responsibleUnit: '农业服务中心',
      responsiblePerson: '李四',
      deadline: '2026-04-30',
    });
    expect(plan.statusCode, plan.body).toBe(200);
    await w.api('headA', 'POST', `/api/v1/rectification-items/${item2Id}/steps`, {
      version: 2,
      action: 'apply',
      evidence: '资产卡片',
    });
    const missing = await w.api('auditor', 'POST', `/api/v1/rectification-items/${item2Id}/steps`, {
      version: 3,
      action: 'continue',
      nextCheckpoint: '2026-09-30',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('reasonCategory');
    const res = await w.api('auditor', 'POST', `/api/v1/rectification-items/${item2Id}/steps`, {
      version: 3,
      action: 'continue',
      reasonCategory: 'historical',
      nextCheckpoint: '2026-09-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'continuing',
      continueReasonLabel: '历史遗留',
      dueOn: '2026-09-30',
    });
    const open = (await w.api('auditor', 'GET', '/api/v1/rectification-items?open=true')).json();
    expect(open.items.map((x: any) => x.id)).toEqual([item2Id]);
  });
});

describe('屡审屡犯, outcomes and the clocks', () => {
  it('the same problem type in the same unit in a later audit is flagged', async () => {
    const created = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
      orgId: w.unitA,
      kind: 'targeted',
      title: '2026年农业服务中心专项资金重点审计',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      auditorUserIds: [w.ids.auditor2],
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    t.clock.advance(86_400_000);
    await w.resign();
    const res = await w.api('auditor', 'POST', `/api/v1/econ-audits/${id}/findings`, w.finding(1));
    expect(res.statusCode, res.body).toBe(200);
    const [f] = res.json().findings;
    expect(f.repeat).toBe(true);
    const [first] = await t.ctx.db.select().from(auditFindings).where(eq(auditFindings.auditId, auditId));
    expect(f.repeatOfId).toBe(first.id);
  });

  it('outcomes: amounts in yuan, counts; a bad amount is refused', async () => {
    const bad = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: 4,
      kind: 'remitted',
      amount: '1,000',
      achievedOn: '2026-03-02',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: 4,
      kind: 'remitted',
      amount: '36000.5',
      achievedOn: '2026-03-02',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().tally).toMatchObject({ remitted: '36000.50', policy: 0 });
    // 移送: the discipline office gets a case (a petition of channel 审计移送) on its to-do, with its clock
    const referral = await w.api('auditor', 'POST', `/api/v1/econ-audits/${auditId}/outcomes`, {
      version: 5,
      kind: 'referred_person',
      count: 1,
      achievedOn: '2026-03-03',
      note: '原主任张三违规发放津补贴',
      persons: [{ cadreId: w.cadres.zhang }],
    });
    expect(referral.statusCode, referral.body).toBe(200);
    const out = referral.json().outcomes.at(-1);
    expect(out.petitionCode).toBeTruthy();
    const [todo] = await t.ctx.db.select().from(todos).where(eq(todos.recordType, 'petition'));
    expect(todo).toMatchObject({ assigneeRole: 'discipline_officer', orgId: w.townA });
    expect(todo.title).toContain(out.petitionCode);
  });

  it('a missed monthly report makes the item overdue and puts it in the overdue bucket', async () => {
    // the first item is closed; reopen it on a spot check with a new deadline
    const reopen = await w.api('auditor2', 'POST', `/api/v1/rectification-items/${itemId}/steps`, {
      version: 4,
      action: 'reopen',
      reason: '抽查发现仍有 2 人未清退',
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect(reopen.json()).toMatchObject({ status: 'rectifying', nextReportDue: '2026-04-03' });
    const ids = async (on: string) => (await overdueItemsOfUnit(t.ctx.db, w.unitA, on)).map((x) => x.id);
    // 持续整改 until 09-30, but its monthly report was due 04-02: overdue from 04-03
    expect(await ids('2026-04-02')).not.toContain(item2Id);
    expect(await ids('2026-04-03')).toContain(item2Id);
    expect(await ids('2026-04-03')).not.toContain(itemId);
    expect(await ids('2026-04-04')).toContain(itemId);
    t.clock.advance(33 * 86_400_000); // 2026-04-05
    await w.resign();
    // the deadline (06-30) is more than 20 working days away; the report is its own late to-do
    const board = (await w.api('auditor', 'GET', '/api/v1/rectification-items?bucket=beyond20')).json();
    expect(board.items.map((x: any) => x.id)).toContain(itemId);
    const overdue = (await w.api('auditor', 'GET', '/api/v1/rectification-items?bucket=overdue')).json();
    expect(overdue.items.map((x: any) => x.bucket)).toEqual(overdue.items.map(() => 'overdue'));
    expect(overdue.items.map((x: any) => x.id)).not.toContain(itemId);
    const [todo] = await openTodos('rectification', itemId);
    expect(todo.dueOn).toBe('2026-04-03');
    const item = (await w.api('headA', 'GET', `/api/v1/rectification-items/${itemId}`)).json();
    expect(item.reportOverdue).toBe(true);
    expect(await overdueItemsOfUnit(t.ctx.db, w.unitB, '2026-04-05')).toEqual([]);
  });
});

describe('the cadre’s supervision file', () => {
  it('shows 张三’s audits and the open findings he is responsible for', async () => {
    const res = await w.api('secretary', 'GET', `/api/v1/cadres/${w.cadres.zhang}/file`);
    expect(res.statusCode, res.body).toBe(200);
    const entries = res
      .json()
      .timeline.flatMap((y: any) => y.entries)
      .filter((e: any) => e.kind === 'econ_audit')
      .map((e: any) => e.title);
    expect(entries).toContain('离任审计：张三（原农业服务中心主任）离任经济责任审计（审计中）');
    // the targeted audit is of the unit, not of him; its finding names him responsible
    expect(entries.filter((x: string) => x.startsWith('审计发现问题未整改完毕')).sort()).toEqual([
      '审计发现问题未整改完毕：固定资产未入账（持续整改）',
      '审计发现问题未整改完毕：违规发放津补贴（已下发）',
      '审计发现问题未整改完毕：违规发放津补贴（整改中）',
    ]);
    expect(entries).toHaveLength(4);
  });
});

describe('figures', () => {
  it('count what their drill-downs list, for the township’s party secretary', async () => {
    const q = `orgId=${w.townA}&from=2026-01-01&to=2026-12-31`;
    const res = await w.api('secretary', 'GET', `/api/v1/figures?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json().figures.filter((f: any) => f.key.startsWith('econ_audits.'));
    const v = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
    expect(v).toMatchObject({
      'econ_audits.audits': 2,
      'econ_audits.departure': 1,
      'econ_audits.findings': 3,
      'econ_audits.finding_amount': 77200,
      'econ_audits.repeat_findings': 1,
      'econ_audits.items_issued': 3,
      'econ_audits.items_issued_closed': 0,
      'econ_audits.items_open': 3,
      'econ_audits.outcome_remitted': 36000.5,
      'econ_audits.rectification_rate': 0,
    });
    expect(v['econ_audits.items_overdue']).toBeGreaterThanOrEqual(2);
    for (const f of figures) {
      if (f.kind === 'ratio') continue;
      const r = await w.api('secretary', 'GET', `/api/v1/figures/${f.key}/records?${q}&pageSize=200`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      const measured =
        f.kind === 'sum' ? body.items.reduce((n: number, x: any) => n + (x.weight ?? 0), 0) : body.total;
      expect(measured, f.key).toBe(f.value);
    }
    expect(figures.find((f: any) => f.key === 'econ_audits.audits').groups).toEqual([
      { key: 'departure', label: '离任审计', value: 1 },
      { key: 'targeted', label: '重点审计', value: 1 },
    ]);
    const dash = (await w.api('secretary', 'GET', `/api/v1/dashboard?${q}`)).json();
    const panel = dash.panels.find((p: any) => p.key === 'econ_audits.overdue_items');
    expect(panel.value).toBe(v['econ_audits.items_overdue']);
    // a relative of 张三 counts nothing of his audit
    const spouse = (await w.api('spouse', 'GET', `/api/v1/figures?keys=econ_audits.departure&${q}`)).json();
    expect(spouse.figures[0].value).toBe(0);
  });
});

describe('the 审计台帐', () => {
  it('exports the board’s rows in the offices’ column order; a unit head may not', async () => {
    const res = await w.api('auditor', 'GET', '/api/v1/rectification-items/ledger.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(2).values as string[]).slice(2, 15)).toEqual([
      '问题摘要',
      '具体描述',
      '涉及金额',
      '定性依据',
      '整改建议',
      '整改措施',
      '责任单位',
      '责任人',
      '整改时限',
      '整改进展',
      '证明材料',
      '认定',
      '销号',
    ]);
    const board = (await w.api('auditor', 'GET', '/api/v1/rectification-items')).json();
    expect(ws.rowCount - 2).toBe(board.total);
    const first = ws.getRow(3);
    expect(first.getCell(2).value).toBe('违规发放津补贴');
    expect(first.getCell(4).value).toBe('36000.00');
    expect((await w.api('headA', 'GET', '/api/v1/rectification-items/ledger.xlsx')).statusCode).toBe(403);
  });
});

describe('joint meetings', () => {
  it('records a meeting; each decision is a to-do with its clock for whoever must act, done on time', async () => {
    const bad = await w.api('auditor', 'POST', '/api/v1/audit-meetings', {
      orgId: w.townA,
      heldOn: '2026-04-05',
      title: '一季度审计联席会议',
      attendees: ['纪委书记', '组织委员', '财政所长'],
      auditIds: [auditId],
      minutes: '通报审计情况。',
      decisions: [
        { content: '约谈', assigneeOrgId: w.townA, assigneeRole: 'discipline_officer', dueOn: '2026-04-01' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty(['decisions.0.dueOn']);
    const res = await w.api('auditor', 'POST', '/api/v1/audit-meetings', {
      orgId: w.townA,
      heldOn: '2026-04-05',
      title: '一季度审计联席会议',
      attendees: ['纪委书记', '组织委员', '财政所长'],
      auditIds: [auditId],
      minutes: '通报审计情况，研究落实审计建议。',
      decisions: [
        {
          content: '约谈农业服务中心负责人',
          assigneeOrgId: w.townA,
          assigneeRole: 'org_officer',
          dueOn: '2026-04-15',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.audits.map((a: any) => a.id)).toEqual([auditId]);
    expect(m.decisions[0]).toMatchObject({ state: '办理中', assigneeRoleLabel: '组织委员' });
    const todo = (await w.api('org', 'GET', '/api/v1/todos'))
      .json()
      .items.find((x: any) => x.title.startsWith('落实联席会议决定'));
    expect(todo).toMatchObject({ dueOn: '2026-04-15' });
    // a unit head not given it neither reaches it nor marks it done; the organisation officer does
    const path = `/api/v1/audit-meetings/${m.id}/decisions/${m.decisions[0].id}/done`;
    expect((await w.api('headA', 'POST', path, { note: '已约谈' })).statusCode).toBe(404);
    expect((await w.api('headA', 'GET', `/api/v1/audit-meetings/${m.id}`)).statusCode).toBe(404);
    const done = await w.api('org', 'POST', path, { note: '已约谈' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().decisions[0]).toMatchObject({ state: '按期办结', doneOn: '2026-04-05' });
    expect(await openTodos('meeting_decision', m.decisions[0].id)).toEqual([]);
    expect((await w.api('otherTown', 'GET', `/api/v1/audit-meetings/${m.id}`)).statusCode).toBe(404);
    const doc = await w.api('secretary', 'GET', `/api/v1/audit-meetings/${m.id}/decisions.docx`);
    expect(doc.statusCode).toBe(200);
    expect(strFromU8(unzipSync(new Uint8Array(doc.rawPayload))['word/document.xml'])).toContain(
      '约谈农业服务中心负责人',
    );
    const keys =
      'econ_audits.meetings,econ_audits.decisions,econ_audits.decisions_on_time,econ_audits.decision_on_time_rate';
    const q = `orgId=${w.townA}&from=2026-01-01&to=2026-12-31`;
    const f = (await w.api('secretary', 'GET', `/api/v1/figures?keys=${keys}&${q}`)).json().figures;
    expect(f.map((x: any) => x.value)).toEqual([1, 1, 1, 100]);
    const rows = (
      await w.api('secretary', 'GET', `/api/v1/figures/econ_audits.decisions_on_time/records?${q}`)
    ).json();
    expect(rows.items.map((r: any) => r.label)).toEqual(['约谈农业服务中心负责人']);
  });
});

describe('documents', () => {
  const text = (bytes: Buffer) =>
    strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']).replace(/<[^>]+>/g, '');
  it('prints the 整改通知书 for the unit and the 对账销号单 for the auditor', async () => {
    const notice = await w.api('headA', 'GET', `/api/v1/rectification-items/${itemId}/notice.docx`);
    expect(notice.statusCode).toBe(200);
    expect(text(notice.rawPayload)).toContain('审计整改通知书');
    expect(text(notice.rawPayload)).toContain('违规发放津补贴');
    expect(
      (await w.api('headB', 'GET', `/api/v1/rectification-items/${itemId}/notice.docx`)).statusCode,
    ).toBe(404);
    const sheet = await w.api('auditor', 'GET', `/api/v1/econ-audits/${auditId}/closing-sheet.docx`);
    expect(sheet.statusCode).toBe(200);
    expect(text(sheet.rawPayload)).toContain('审计整改对账销号单');
    expect(text(sheet.rawPayload)).toContain('持续整改（历史遗留');
    expect(
      (await w.api('headA', 'GET', `/api/v1/econ-audits/${auditId}/closing-sheet.docx`)).statusCode,
    ).toBe(403);
  });
});

describe('跟踪回访', () => {
  it('records a visit to a unit covering its own items; another unit’s items are refused', async () => {
    const body = {
      orgId: w.townA,
      unitOrgId: w.unitA,
      visitedOn: '2026-04-05',
      visitors: ['审计人员甲', '纪检委员乙'],
      checked: '核对清退凭证和新建制度执行情况',
      itemIds: [itemId, item2Id],
      result: '清退到位，制度已执行。',
    };
    const wrong = await w.api('auditor', 'POST', '/api/v1/audit-visits', { ...body, unitOrgId: w.unitB });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('itemIds');
    const ok = await w.api('auditor', 'POST', '/api/v1/audit-visits', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await w.api('secretary', 'GET', '/api/v1/audit-visits')).json().items).toHaveLength(1);
    expect((await w.api('otherTown', 'GET', '/api/v1/audit-visits')).json().items).toHaveLength(0);
    expect((await w.api('headA', 'POST', '/api/v1/audit-visits', body)).statusCode).toBe(403);
  });
});

describe('a departure audit for a post that manages funds', () => {
  it('leaving a funds post (not a principal one) drafts a departure audit; leaving an ordinary post does not', async () => {
    const post = async (title: string, managesFunds: boolean) => {
      const res = await w.api('org', 'POST', '/api/v1/positions', {
        orgId: w.unitA,
        title,
        level: 'middle_deputy',
        isPrincipal: false,
        managesFunds,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().managesFunds).toBe(managesFunds);
      return res.json().id as number;
    };
    const serve = async (positionId: number) => {
      const res = await w.api('org', 'POST', `/api/v1/cadres/${w.cadres.li}/tenures`, {
        positionId,
        startDate: '2023-05-01',
      });
      expect(res.statusCode, res.body).toBe(200);
      const listed = (await w.api('org', 'GET', `/api/v1/cadres/${w.cadres.li}/tenures`)).json();
      const tenure = listed.find((x: any) => x.id === res.json().id);
      const [p] = await t.ctx.db.select().from(positions).where(eq(positions.id, positionId));
      expect(tenure.managesFunds).toBe(p.managesFunds);
      const end = await w.api('org', 'POST', `/api/v1/tenures/${tenure.id}/end`, {
        endDate: '2026-03-31',
        endReason: 'transfer',
      });
      expect(end.statusCode, end.body).toBeLessThan(300);
      return tenure.id as number;
    };
    const ordinary = await serve(await post('办公室副主任', false));
    const funds = await serve(await post('报账员', true));
    const drafts = await t.ctx.db.select().from(econAudits).where(eq(econAudits.subjectCadreId, w.cadres.li));
    expect(drafts.map((d) => [d.tenureId, d.kind, d.status, d.periodFrom, d.periodTo])).toEqual([
      [funds, 'departure', 'draft', '2023-05-01', '2026-03-31'],
    ]);
    expect(drafts.some((d) => d.tenureId === ordinary)).toBe(false);
  });
});
