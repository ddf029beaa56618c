import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReporter } from '../../src/server/modules/petitions/reporter-identity.js';
import { petitionEvents, petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import { applyTransition } from '../../src/server/modules/petitions/workflow/apply-transition.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import {
  letter,
  type PetitionWorld,
  petitionWorkflowWorld,
  registerDirect,
} from '../support/petition-workflow-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { standInUnderNotice } from '../support/under-notice.js';

let t: TestApp;
let w: PetitionWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await petitionWorkflowWorld(t);
});
afterAll(async () => t.close());

const todosOf = (id: number) =>
  t.ctx.db
    .select()
    .from(todos)
    .where(and(eq(todos.recordType, 'petition'), eq(todos.recordId, String(id))));

describe('registerPetition', () => {
  it('numbers petitions per org and year, <prefix>-XF<year>-<4 digits>, without gaps or clashes when registered at once', async () => {
    const a = await registerDirect(t, letter(w.other.id, { receivedOn: '2025-12-30' }));
    const b = await registerDirect(t, letter(w.other.id));
    // 西岭镇: the initials of 西岭
    expect(a.code).toBe('XL-XF2025-0001');
    expect(b.code).toBe('XL-XF2026-0001');
    const many = await Promise.all(Array.from({ length: 5 }, () => registerDirect(t, letter(w.other.id))));
    expect(many.map((p) => p.code).sort()).toEqual([
      'XL-XF2026-0002',
      'XL-XF2026-0003',
      'XL-XF2026-0004',
      'XL-XF2026-0005',
      'XL-XF2026-0006',
    ]);
  });

  it('starts the acceptance clock at receipt + 15 days, opens the to-do and writes the register event and audit', async () => {
    const p = await registerDirect(t, letter(w.town.id, { receivedOn: '2026-02-25' }));
    expect(p).toMatchObject({
      status: 'registered',
      dueKind: 'acceptance',
      dueOn: '2026-03-12',
      urgent: false,
    });
    const [todo] = await todosOf(p.id);
    expect(todo).toMatchObject({
      assigneeRole: 'discipline_officer',
      orgId: w.town.id,
      link: `/petitions/${p.id}`,
      status: 'open',
      title: `受理信访件 ${p.code}（截止 2026-03-12）`,
    });
    expect(todo.dueAt?.toISOString()).toBe('2026-03-12T16:00:00.000Z');
    const events = await t.ctx.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, p.id));
    expect(events.map((e) => [e.action, e.toStatus, e.occurredOn])).toEqual([
      ['register', 'registered', '2026-02-25'],
    ]);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'petition.register'), eq(auditLog.objectId, String(p.id))));
    expect(audit.detail).toMatchObject({ code: p.code, channel: 'letter' });
    expect(p.searchTokens).toContain('作风');
  });

  it('seals a real-name identity and an anonymous contact; keeps no identity in the audit record', async () => {
    const named = await registerDirect(
      t,
      letter(w.town.id, { realName: true, reporter: { name: '赵明远', phone: '13800138000' } }),
    );
    expect(named.reporterEnc).toMatch(/^sm4:/);
    expect(openReporter(t.ctx.crypto, named.reporterEnc!)).toMatchObject({
      name: '赵明远',
      phone: '13800138000',
    });
    const anon = await registerDirect(t, letter(w.town.id, { reporter: { phone: '13900139000' } }));
    expect(openReporter(t.ctx.crypto, anon.reporterEnc!)).toMatchObject({
      name: '匿名',
      phone: '13900139000',
    });
    expect((await registerDirect(t, letter(w.town.id))).reporterEnc).toBeNull();
    const rows = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'petition.register'));
    expect(JSON.stringify(rows)).not.toMatch(/赵明远|13800138000|13900139000/);
  });

  it('refuses what a channel needs when it is missing, in Chinese, naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ channel: 'visit' }, 'visitors', '来访请填写来访人数（至少 1 人）'],
      [
        { channel: 'assigned', assignedRef: '清纪交〔2026〕3号', assignedDueOn: '2026-03-20' },
        'assignedBy',
        '上级交办件请填写交办机关',
      ],
      [
        { channel: 'assigned', assignedBy: '区纪委', assignedDueOn: '2026-03-20' },
        'assignedRef',
        '上级交办件请填写交办文号',
      ],
      [
        { channel: 'assigned', assignedBy: '区纪委', assignedRef: '3号' },
        'assignedDueOn',
        '上级交办件请填写交办期限',
      ],
      [{ channel: 'transferred' }, 'transferredFrom', '转办件请填写转办单位'],
      [{ realName: true }, 'reporter', '实名举报请填写反映人姓名'],
      [{ receivedOn: '2026-03-03' }, 'receivedOn', '收件日期不能晚于今天'],
      [{ category: 'nonsense' }, 'category', '问题类别不正确'],
      [{ subjects: [{ cadreId: w.otherCadreId }] }, 'subjects', '被反映人不在本单位干部名册中'],
    ];
    for (const [over, field, message] of cases) {
      const err = await registerDirect(t, letter(w.town.id, over as never)).catch((e) => e);
      expect(err.status, field).toBe(400);
      expect(err.fields?.[field], field).toBe(message);
    }
    const visit = await registerDirect(t, letter(w.town.id, { channel: 'visit', visitors: 3 }));
    expect(visit.visitors).toBe(3);
  });

  it('links a registry cadre by id and keeps an unknown one as free text', async () => {
    const p = await registerDirect(
      t,
      letter(w.town.id, { subjects: [{ cadreId: w.cadreId }, { name: '刘某', unitText: '东湖村' }] }),
    );
    const subjects = await t.ctx.db
      .select()
      .from(petitionSubjects)
      .where(eq(petitionSubjects.petitionId, p.id));
    expect(subjects.map((s) => [s.cadreId, s.name, s.unitText])).toEqual([
      [w.cadreId, '王建军', '东湖镇'],
      [null, '刘某', '东湖村'],
    ]);
  });

  it('marks a petition naming a cadre under public notice urgent, with a to-do due today', async () => {
    standInUnderNotice(async (_db, ids) => new Set(ids.filter((id) => id === w.cadreId)));
    const p = await registerDirect(
      t,
      letter(w.town.id, { receivedOn: '2026-02-20', subjects: [{ cadreId: w.cadreId }] }),
    );
    expect(p.urgent).toBe(true);
    const [todo] = await todosOf(p.id);
    expect(todo.title).toBe(`【紧急】受理信访件 ${p.code}（截止 2026-03-02）`);
    expect(todo.dueAt?.toISOString()).toBe('2026-03-02T16:00:00.000Z');
    const plain = await registerDirect(t, letter(w.town.id, { subjects: [{ name: '刘某' }] }));
    expect(plain.urgent).toBe(false);
  });

  it('an assigned case is due no later than the assigning body set', async () => {
    const p = await registerDirect(
      t,
      letter(w.town.id, {
        channel: 'assigned',
        assignedBy: '清江区纪委',
        assignedRef: '清纪交〔2026〕5号',
        assignedDueOn: '2026-03-06',
        receivedOn: '2026-03-01',
      }),
    );
    expect(p.dueOn).toBe('2026-03-06');
  });
});

describe('applyTransition', () => {
  it('moves the status, writes the event, restarts the clock and moves the to-do', async () => {
    const p = await registerDirect(t, letter(w.town.id, { receivedOn: '2026-02-27' }));
    const accepted = await t.ctx.db.transaction((tx) => applyTransition(tx, t.ctx, null, p, 'accept', {}));
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-02',
      dueKind: 'handling',
      dueOn: '2026-05-01',
      version: 2,
    });
    const list = await todosOf(p.id);
    expect(list.map((x) => x.status).sort()).toEqual(['done', 'open']);
    expect(list.find((x) => x.status === 'open')?.title).toBe(
      `确定信访件处置方式 ${p.code}（截止 2026-05-01）`,
    );
  });

  it('refuses a stale version with 409 and a step the status does not allow with its Chinese reason', async () => {
    const p = await registerDirect(t, letter(w.town.id));
    const stale = await t.ctx.db
      .transaction((tx) => applyTransition(tx, t.ctx, null, p, 'accept', { version: 7 }))
      .catch((e) => e);
    expect(stale.status).toBe(409);
    const wrong = await t.ctx.db
      .transaction((tx) => applyTransition(tx, t.ctx, null, p, 'reply', {}))
      .catch((e) => e);
    expect(wrong.status).toBe(422);
    expect(wrong.message).toBe('当前状态为“已登记”，不能回复反映人');
    await t.ctx.db.transaction((tx) => applyTransition(tx, t.ctx, null, p, 'accept', {}));
    const twice = await t.ctx.db
      .transaction((tx) => applyTransition(tx, t.ctx, null, p, 'decline', { declineReason: '重复' }))
      .catch((e) => e);
    expect(twice.status).toBe(409);
    const [row] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, p.id));
    expect(row.status).toBe('accepted');
  });

  it('imports history: past dates kept, no to-do left once concluded', async () => {
    let p = await registerDirect(
      t,
      letter(w.town.id, { receivedOn: '2025-05-06', imported: true, code: 'XF2025-0107' }),
    );
    expect(p.code).toBe('XF2025-0107');
    const steps: [string, Record<string, unknown>][] = [
      ['accept', { on: '2025-05-10' }],
      ['close', { on: '2025-05-20', opinion: '反映问题不属实，予以了结' }],
      ['approve', { on: '2025-05-22' }],
      ['reply', { on: '2025-05-26', reply: '经核查，反映问题不属实。' }],
      ['conclude', { on: '2025-05-27' }],
    ];
    for (const [action, extra] of steps)
      p = await t.ctx.db.transaction((tx) => applyTransition(tx, t.ctx, null, p, action as never, extra));
    expect(p).toMatchObject({
      status: 'concluded',
      acceptedOn: '2025-05-10',
      concludedOn: '2025-05-27',
      dueOn: null,
    });
    expect((await todosOf(p.id)).filter((x) => x.status !== 'cancelled')).toEqual([]);
  });
});
