import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishScheduled } from '../../src/server/modules/openness/publish-scheduled.js';
import { disclosureAttachments, disclosureVersions } from '../../src/server/modules/openness/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { upload } from '../support/lrmx-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The publisher's tools on a published item (today 2026-03-02 in China): a finance table changed
 * after publication is a new version with its diff; scheduled publication by the job on the fake
 * clock; the board's dated photos and attachments.
 */
let t: TestApp;
let village: { id: number };
let qsVillage: { id: number };
type Who = 'clerk' | 'supervisor' | 'officer' | 'other';
const s = {} as Record<Who, Session>;
const names = {} as Record<Who, string>;
/** After the clock moved past the sessions' lifetime. */
async function signInAgain() {
  for (const k of Object.keys(names) as Who[]) s[k] = await signIn(t, names[k]);
}

const finance = {
  lines: [
    { kind: 'income', item: '上级转移支付', amount: 50000 },
    { kind: 'expense', item: '村干部报酬', amount: 12000 },
    { kind: 'expense', item: '办公费', amount: 350.55 },
  ],
  totalIncome: 50000,
  totalExpense: 12350.55,
  balance: 37649.45,
};

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  village = await makeOrg(t.ctx, '东风村', daxing.id, 'village');
  const qingshan = await makeOrg(t.ctx, '青山镇', district.id);
  qsVillage = await makeOrg(t.ctx, '青山村', qingshan.id, 'village');
  const user = async (who: Who, orgId: number, roles: string[], dataScope = 'org') => {
    names[who] = (await makeUser(t.ctx, { orgId, roles, dataScope })).username;
  };
  await user('clerk', village.id, ['unit_head']);
  await user('supervisor', village.id, ['village_supervisor']);
  await user('officer', daxing.id, ['org_officer'], 'subtree');
  await user('other', qsVillage.id, ['unit_head']);
  await signInAgain();
});
afterAll(async () => t.close());

async function typeId(name: string) {
  const res = await call(t, s.clerk, 'GET', `/api/v1/disclosure/item-types?orgId=${village.id}`);
  return res.json().items.find((i: { name: string }) => i.name === name).id as number;
}
const get = async (id: number) => (await call(t, s.clerk, 'GET', `/api/v1/disclosures/${id}`)).json();
async function step(who: Session, id: number, action: string, extra: Record<string, unknown> = {}) {
  const { version } = await get(id);
  return call(t, who, 'POST', `/api/v1/disclosures/${id}/${action}`, { version, ...extra });
}
/** A village's monthly finances, drafted and approved by the committee. */
async function approved(period: string) {
  const res = await call(t, s.clerk, 'POST', '/api/v1/disclosures', {
    orgId: village.id,
    itemTypeId: await typeId('村级财务收支'),
    period,
    title: `东风村${period}财务收支公开`,
    body: '现将本村财务收支情况公开如下。\n如有疑问请向村务监督委员会反映。',
    finance,
    issuingBody: '东风村村民委员会',
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as number;
  expect((await step(s.clerk, id, 'submit')).statusCode).toBe(200);
  expect((await step(s.supervisor, id, 'approve')).statusCode).toBe(200);
  return id;
}

describe('修订: a published table changed is a new version with its diff', () => {
  let id: number;
  it('publication writes version 1', async () => {
    id = await approved('2026-01');
    expect((await step(s.clerk, id, 'publish')).statusCode).toBe(200);
    const v = (await call(t, s.clerk, 'GET', `/api/v1/disclosures/${id}/versions`)).json();
    expect(v.items).toHaveLength(1);
    expect(v.items[0]).toMatchObject({ no: 1, diff: null, finance: { totalExpense: 12350.55 } });
  });

  it('a revised table that does not add up, without a reason, or unchanged is refused and nothing is written', async () => {
    const bad = await step(s.clerk, id, 'revise', {
      title: '东风村2026-01财务收支公开',
      body: 'x',
      note: '更正办公费',
      finance: { ...finance, totalExpense: 1 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('支出合计');
    const noNote = await step(s.clerk, id, 'revise', { title: 'a', body: 'b', finance });
    expect(noNote.statusCode).toBe(400);
    const d = await get(id);
    const same = await step(s.clerk, id, 'revise', { title: d.title, body: d.body, finance, note: '无' });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.message).toBe('修订内容与现行版本相同');
    expect(
      await t.ctx.db.select().from(disclosureVersions).where(eq(disclosureVersions.disclosureId, id)),
    ).toHaveLength(1);
  });

  it('a village revision goes to the committee: the drafter cannot publish it before approval; the public still sees version 1', async () => {
    const d = await get(id);
    const lines = finance.lines.map((l) => (l.item === '办公费' ? { ...l, amount: 305.55 } : l));
    const res = await step(s.clerk, id, 'revise', {
      title: d.title,
      body: `${d.body}\n（2026年3月更正办公费）`,
      finance: { lines, totalIncome: 50000, totalExpense: 12305.55, balance: 37694.45 },
      note: '办公费金额录入有误，更正',
    });
    expect(res.statusCode, res.body).toBe(200);
    // still published as it was; the revision waits beside it with its diff
    expect(res.json()).toMatchObject({
      status: 'published',
      finance: { totalExpense: 12350.55 },
      revisionStatus: 'in_review',
      revision: { note: '办公费金额录入有误，更正', finance: { totalExpense: 12305.55 } },
    });
    expect(res.json().revision.diff.finance.lines).toEqual([
      { change: 'amount', kind: 'expense', item: '办公费', before: 350.55, after: 305.55 },
    ]);
    expect(res.json().events.at(-1)).toMatchObject({ action: 'revise_submit' });
    // the committee's queue lists it and its member has a to-do
    const queue = (await call(t, s.supervisor, 'GET', '/api/v1/disclosures?status=in_review')).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(id);
    const [todo] = await t.ctx.db
      .select()
      .from(todos)
      .where(
        and(
          eq(todos.recordType, 'disclosure_review'),
          eq(todos.recordId, String(id)),
          eq(todos.status, 'open'),
        ),
      );
    expect(todo).toMatchObject({ assigneeRole: 'village_supervisor', orgId: village.id });

    // adversary: the drafter publishes the revision directly — refused, nothing changes
    const direct = await step(s.clerk, id, 'publish');
    expect(direct.statusCode).toBe(422);
    expect(direct.json().error.message).toContain('村务监督委员会审核通过');
    expect(direct.json().error.fields).toHaveProperty('review');
    // nor may the drafter approve it, nor schedule it
    expect((await step(s.clerk, id, 'approve')).statusCode).toBe(403);
    expect((await step(s.clerk, id, 'schedule', { publishAt: '2026-03-09T09:00:00+08:00' })).statusCode).toBe(
      422,
    );
    expect(
      await t.ctx.db.select().from(disclosureVersions).where(eq(disclosureVersions.disclosureId, id)),
    ).toHaveLength(1);
    const pub = (await call(t, null, 'GET', `/api/v1/portal/openness/items/${id}`)).json();
    expect(pub.finance.totalExpense).toBe(12350.55);
    expect(JSON.stringify(pub)).not.toContain('更正办公费');
  });

  it('returned with a reason; revised again; approved — then changed once more, it needs a fresh approval', async () => {
    expect((await step(s.supervisor, id, 'return')).statusCode).toBe(422); // no reason
    const back = await step(s.supervisor, id, 'return', { reason: '请附更正依据' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'published', revisionStatus: 'returned' });
    expect(back.json().events.at(-1)).toMatchObject({ action: 'revision_return', note: '请附更正依据' });
    expect((await step(s.clerk, id, 'publish')).statusCode).toBe(422);

    const d = await get(id);
    const lines = finance.lines.map((l) => (l.item === '办公费' ? { ...l, amount: 305.55 } : l));
    const revised = {
      title: d.title,
      body: `${d.body}\n（2026年3月更正办公费，依据：记账凭证第 12 号）`,
      finance: { lines, totalIncome: 50000, totalExpense: 12305.55, balance: 37694.45 },
      note: '办公费金额录入有误，更正',
    };
    expect((await step(s.clerk, id, 'revise', revised)).json().revisionStatus).toBe('in_review');
    expect((await step(s.supervisor, id, 'approve')).json().revisionStatus).toBe('approved');
    // adversary: after the approval the drafter slips in another change, then publishes
    const sneaky = await step(s.clerk, id, 'revise', {
      ...revised,
      body: `${revised.body}\n另：补发误工补贴 5000 元`,
    });
    expect(sneaky.json().revisionStatus).toBe('in_review');
    const direct = await step(s.clerk, id, 'publish');
    expect(direct.statusCode).toBe(422);
    expect(direct.json().error.fields).toHaveProperty('review');
    expect((await get(id)).body).not.toContain('误工补贴');
    // the committee reads the change it approves
    expect((await step(s.supervisor, id, 'return', { reason: '补贴不在本月收支中' })).statusCode).toBe(200);
    await step(s.clerk, id, 'revise', revised);
    expect((await step(s.supervisor, id, 'approve')).statusCode).toBe(200);
  });

  it('the approved revision published is version 2: the diff names the line and the total', async () => {
    const res = await step(s.clerk, id, 'publish');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'published',
      finance: { totalExpense: 12305.55 },
      revision: null,
      revisionStatus: null,
    });
    expect(res.json().events.at(-1)).toMatchObject({
      action: 'revision_publish',
      note: '第 2 版：办公费金额录入有误，更正',
    });
    const v = (await call(t, s.officer, 'GET', `/api/v1/disclosures/${id}/versions`)).json();
    expect(v.items.map((i: { no: number }) => i.no)).toEqual([1, 2]);
    expect(v.items[1].note).toBe('办公费金额录入有误，更正');
    expect(v.items[1].diff.finance).toEqual({
      lines: [{ change: 'amount', kind: 'expense', item: '办公费', before: 350.55, after: 305.55 }],
      totals: [
        { field: 'totalExpense', before: 12350.55, after: 12305.55 },
        { field: 'balance', before: 37649.45, after: 37694.45 },
      ],
    });
    expect(v.items[1].diff.body).toContainEqual({
      kind: 'added',
      text: '（2026年3月更正办公费，依据：记账凭证第 12 号）',
    });
    // nothing left to publish again
    expect((await step(s.clerk, id, 'publish')).statusCode).toBe(422);
    const pub = (await call(t, null, 'GET', `/api/v1/portal/openness/items/${id}`)).json();
    expect(pub.finance.totalExpense).toBe(12305.55);
    // another township's village does not see its versions
    expect((await call(t, s.other, 'GET', `/api/v1/disclosures/${id}/versions`)).statusCode).toBe(404);
  });

  it('a draft is not revised (it is edited)', async () => {
    const draft = await approved('2026-02');
    const res = await step(s.clerk, draft, 'revise', { title: 'a', body: 'b', note: '改' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('只有已公开的事项才能修订');
  });
});

describe('定时公开: scheduled publication by the job', () => {
  it('not before the committee approved; not in the past; published by the job when due, as the scheduler', async () => {
    const draft = (
      await call(t, s.clerk, 'POST', '/api/v1/disclosures', {
        orgId: village.id,
        itemTypeId: await typeId('村级财务收支'),
        period: '2025-12',
        title: '东风村2025年12月财务收支公开',
        body: '十二月收支。',
        finance,
        issuingBody: '东风村村民委员会',
      })
    ).json().id as number;
    const early = await step(s.clerk, draft, 'schedule', { publishAt: '2026-03-03T09:00:00+08:00' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('村务监督委员会审核通过');

    const id = await approved('2026-03');
    const past = await step(s.clerk, id, 'schedule', { publishAt: '2026-03-01T09:00:00+08:00' });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.fields).toHaveProperty('publishAt');
    const res = await step(s.clerk, id, 'schedule', { publishAt: '2026-03-03T09:00:00+08:00' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', publishAt: '2026-03-03T01:00:00.000Z' });

    expect(await publishScheduled(t.ctx)).toBe(0); // not yet
    t.clock.advance(24 * 3600_000 - 60_000); // 2026-03-03 08:59 in China
    expect(await publishScheduled(t.ctx)).toBe(0);
    t.clock.advanceMinutes(2);
    expect(await publishScheduled(t.ctx)).toBe(1);
    await signInAgain();
    const d = await get(id);
    expect(d).toMatchObject({ status: 'published', publishedOn: '2026-03-03', publishAt: null });
    expect(d.indexNo).toMatch(/^DX\d{4}-2026-\d{5}$/);
    expect(d.events.at(-1)).toMatchObject({ action: 'publish', note: '定时公开' });
    const versions = (await call(t, s.clerk, 'GET', `/api/v1/disclosures/${id}/versions`)).json();
    expect(versions.items).toHaveLength(1);
    expect(await publishScheduled(t.ctx)).toBe(0); // once
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'disclosure.publish'));
    expect(audit.some((a) => a.objectId === String(id))).toBe(true);
  });

  it('cancelling the schedule keeps the item unpublished', async () => {
    const id = await approved('2025-11');
    expect((await step(s.clerk, id, 'schedule', { publishAt: '2026-04-01T09:00:00+08:00' })).statusCode).toBe(
      200,
    );
    const off = await step(s.clerk, id, 'schedule', { publishAt: null });
    expect(off.statusCode).toBe(200);
    expect(off.json().events.at(-1)).toMatchObject({ action: 'unschedule' });
    t.clock.advance(40 * 24 * 3600_000);
    expect(await publishScheduled(t.ctx)).toBe(0);
    await signInAgain();
    expect((await get(id)).status).toBe('approved');
  });
});

describe('公开栏照片: dated photos of the physical board and attachments', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  it('a photo needs its date and an image; it is listed on the item and downloaded; another township cannot', async () => {
    const id = await approved('2025-10');
    const url = (q: string) => `/api/v1/disclosures/${id}/attachments?${q}`;
    const noDate = await upload(t, s.clerk, url('kind=photo'), { name: '公开栏.png', bytes: png });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().error.fields).toHaveProperty('takenOn');
    const notImage = await upload(t, s.clerk, url('kind=photo&takenOn=2026-03-01'), {
      name: '公开栏.png',
      bytes: Buffer.from('%PDF-1.4 not an image'),
    });
    expect(notImage.statusCode).toBe(422);
    expect(await t.ctx.db.select().from(disclosureAttachments)).toHaveLength(0);
    expect(
      (await upload(t, s.supervisor, url('kind=photo&takenOn=2026-03-01'), { name: 'a.png', bytes: png }))
        .statusCode,
    ).toBe(403);
    expect(
      (await upload(t, s.other, url('kind=photo&takenOn=2026-03-01'), { name: 'a.png', bytes: png }))
        .statusCode,
    ).toBe(404);
    const ok = await upload(
      t,
      s.clerk,
      url(`kind=photo&takenOn=2026-03-01&caption=${encodeURIComponent('村部公开栏')}`),
      {
        name: '公开栏.png',
        bytes: png,
      },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const d = await get(id);
    expect(d.attachments).toEqual([
      expect.objectContaining({
        kind: 'photo',
        takenOn: '2026-03-01',
        caption: '村部公开栏',
        fileName: '公开栏.png',
      }),
    ]);
    const file = await call(t, s.officer, 'GET', `/api/v1/disclosures/${id}/attachments/${ok.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(png)).toBe(true);
    expect(
      (await call(t, s.other, 'GET', `/api/v1/disclosures/${id}/attachments/${ok.json().id}`)).statusCode,
    ).toBe(404);
  });
});

describe('公开台帐: the ledger in Excel', () => {
  it('lists the units’ items with their deadline, publication day, on time or late and the revision; audited', async () => {
    await signInAgain();
    const res = await call(
      t,
      s.officer,
      'GET',
      `/api/v1/disclosure/ledger.xlsx?orgId=${village.id}&from=2025-01-01&to=2026-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('公开台帐')!;
    const rows: Record<string, string>[] = [];
    const header = (ws.getRow(2).values as string[]).slice(1);
    ws.eachRow((row, n) => {
      if (n > 2)
        rows.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
    });
    const jan = rows.find((r) => r['期间/事项'] === '2026-01' && r.公开事项 === '村级财务收支')!;
    // due 10 February, published on 2 March: 20 days late, revised once
    expect(jan).toMatchObject({
      公开期限: '2026-02-10',
      公开日期: '2026-03-02',
      按时情况: '逾期公开',
      逾期天数: '20',
      公开后修订: '修订 1 次',
    });
    expect(jan.索引号).toMatch(/^DX/);
    expect(String(ws.getRow(1).getCell(1).value)).toContain('东风村政务村务公开台帐');
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'disclosure.ledger_export'));
    expect(audit).toHaveLength(1);
    // another township's village: 404; a bad period: 422
    expect(
      (await call(t, s.other, 'GET', `/api/v1/disclosure/ledger.xlsx?orgId=${village.id}`)).statusCode,
    ).toBe(404);
    const bad = await call(
      t,
      s.officer,
      'GET',
      `/api/v1/disclosure/ledger.xlsx?orgId=${village.id}&from=2026-02-01&to=2026-01-01`,
    );
    expect(bad.statusCode).toBe(422);
  });
});
