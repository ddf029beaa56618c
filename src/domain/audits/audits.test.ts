import { describe, expect, it } from 'vitest';
import { chineseDaysRows } from '../../server/platform/calendar/seed.js';
import type { WorkCalendar } from '../calendar.js';
import { auditDatesProblem, nextAuditStatus } from './audit.js';
import { bucketBounds, bucketOf, isOverdue, itemDueOn, nextReportDueOn, planDueOn } from './clocks.js';
import { fenToYuan, type OutcomeRow, rectificationRate, tally, tallyBy, toFen } from './outcomes.js';
import { nextItemStatus, stepActorProblem } from './rectification.js';
import { type FindingFacts, repeatFlags, repeatOf, repeatUnits } from './repeat.js';

const rows = chineseDaysRows();
const cal: WorkCalendar = {
  holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
  workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
};
const today = '2026-03-02';
const planned = {
  measures: '收回违规发放的补贴',
  responsibleUnit: '农业服务中心',
  responsiblePerson: '王五',
  deadline: '2026-06-30',
};

describe('the rectification lifecycle', () => {
  it('walks 下发 → 制定方案 → 整改中 → 申请销号 → 销号, and 抽查复核 reopens', () => {
    expect(nextItemStatus('issued', 'plan', planned, today)).toEqual({ to: 'rectifying' });
    expect(nextItemStatus('rectifying', 'report', { progress: '已收回 3 万元' }, today)).toEqual({
      to: 'rectifying',
    });
    expect(nextItemStatus('rectifying', 'apply', { evidence: '收款凭证' }, today)).toEqual({ to: 'applied' });
    expect(nextItemStatus('applied', 'accept', {}, today)).toEqual({ to: 'closed' });
    expect(nextItemStatus('closed', 'reopen', { reason: '抽查发现仍在发放' }, today)).toEqual({
      to: 'rectifying',
    });
  });

  it('持续整改 needs a reason category and a later checkpoint, and is never closed; 未整改 returns', () => {
    expect(nextItemStatus('applied', 'continue', { nextCheckpoint: '2026-09-30' }, today)).toMatchObject({
      field: 'reasonCategory',
    });
    expect(nextItemStatus('applied', 'continue', { reasonCategory: 'weather' }, today)).toMatchObject({
      field: 'reasonCategory',
    });
    expect(nextItemStatus('applied', 'continue', { reasonCategory: 'litigation' }, today)).toMatchObject({
      field: 'nextCheckpoint',
    });
    expect(
      nextItemStatus('applied', 'continue', { reasonCategory: 'litigation', nextCheckpoint: today }, today),
    ).toMatchObject({ field: 'nextCheckpoint' });
    expect(
      nextItemStatus(
        'applied',
        'continue',
        { reasonCategory: 'historical', nextCheckpoint: '2026-09-30' },
        today,
      ),
    ).toEqual({ to: 'continuing' });
    expect(nextItemStatus('continuing', 'accept', {}, today)).toHaveProperty('problem');
    expect(nextItemStatus('continuing', 'apply', { evidence: '判决书' }, today)).toEqual({ to: 'applied' });
    expect(nextItemStatus('applied', 'return', {}, today)).toMatchObject({ field: 'reason' });
    expect(nextItemStatus('applied', 'return', { reason: '凭证不全' }, today)).toEqual({ to: 'rectifying' });
  });

  it('no progress without a plan; a plan needs measures, unit, person and a deadline', () => {
    expect(nextItemStatus('issued', 'report', { progress: 'x' }, today)).toEqual({
      problem: '该整改事项已下发，不能报告整改进展',
    });
    expect(nextItemStatus('issued', 'apply', { evidence: 'x' }, today)).toHaveProperty('problem');
    for (const field of ['measures', 'responsibleUnit', 'responsiblePerson', 'deadline'] as const)
      expect(nextItemStatus('issued', 'plan', { ...planned, [field]: ' ' }, today)).toMatchObject({ field });
    expect(nextItemStatus('issued', 'plan', { ...planned, deadline: '2026-03-01' }, today)).toMatchObject({
      field: 'deadline',
    });
  });

  it('申请销号 without evidence is refused', () => {
    expect(nextItemStatus('rectifying', 'apply', { evidence: '  ' }, today)).toEqual({
      problem: '申请销号须提供证明材料',
      field: 'evidence',
    });
    expect(nextItemStatus('rectifying', 'apply', { evidenceFileIds: [4] }, today)).toEqual({ to: 'applied' });
  });
});

describe('separation of duties (对账销号)', () => {
  const base = { actorUserId: 7, actorOrgId: 2, auditorUserIds: [7, 8], rectifyingOrgId: 5 };
  it('an auditor of the audit accepts; the rectifying unit never, not even an auditor placed in it', () => {
    expect(stepActorProblem({ ...base, action: 'accept' })).toBeNull();
    expect(stepActorProblem({ ...base, action: 'accept', actorOrgId: 5 })?.problem).toContain('整改单位不能');
    expect(stepActorProblem({ ...base, action: 'accept', actorUserId: 9 })?.problem).toContain('审计人员');
    expect(stepActorProblem({ ...base, action: 'reopen', actorUserId: 9 })).not.toBeNull();
  });
  it('the unit plans, reports and applies; nobody else', () => {
    expect(stepActorProblem({ ...base, action: 'plan', actorOrgId: 5, actorUserId: 20 })).toBeNull();
    expect(stepActorProblem({ ...base, action: 'apply' })?.problem).toContain('只有整改单位');
  });
});

describe('clocks and buckets across holidays', () => {
  const rules = { planDays: 10, reportMonths: 1 };
  it('the plan is due 10 working days after 下发, over the Spring Festival of 2026', () => {
    // issued Fri 2026-02-13; Feb 14 (Sat) is a 调休 working day, Feb 15–23 off
    expect(planDueOn('2026-02-13', rules, cal)).toBe('2026-03-05'); // 14, 24–28, 2–5 Mar
    expect(nextReportDueOn('2026-01-31', rules)).toBe('2026-02-28');
  });
  it('buckets count working days left: National Day 2025 stretches ≤ 10 working days past three weeks', () => {
    // 2025-09-26 (Fri): Sep 28 worked, Oct 1–8 off, Oct 11 worked
    expect(bucketOf('2025-09-25', '2025-09-26', cal)).toBe('overdue');
    expect(bucketOf('2025-09-26', '2025-09-26', cal)).toBe('within10');
    expect(bucketOf('2025-10-16', '2025-09-26', cal)).toBe('within10'); // 20 calendar days, 10 working
    expect(bucketOf('2025-10-17', '2025-09-26', cal)).toBe('within20');
    expect(bucketOf('2025-11-03', '2025-09-26', cal)).toBe('beyond20');
    expect(bucketOf(null, '2025-09-26', cal)).toBeNull();
    const b = bucketBounds('2025-09-26', cal);
    expect(b).toEqual({ today: '2025-09-26', d10: '2025-10-16', d20: '2025-10-30' });
    expect(bucketOf(b.d20, '2025-09-26', cal)).toBe('within20');
  });
  it('an item is due on its plan day, deadline or checkpoint; a missed monthly report makes it overdue', () => {
    const item = {
      status: 'rectifying' as const,
      deadline: '2026-06-30',
      nextCheckpoint: null,
      planDueOn: '2026-01-15',
      nextReportDue: '2026-03-01',
    };
    expect(itemDueOn(item)).toBe('2026-06-30');
    expect(itemDueOn({ ...item, status: 'issued' })).toBe('2026-01-15');
    expect(itemDueOn({ ...item, status: 'continuing', nextCheckpoint: '2026-09-30' })).toBe('2026-09-30');
    expect(itemDueOn({ ...item, status: 'closed' })).toBeNull();
    expect(itemDueOn({ ...item, status: 'applied' })).toBeNull();
    expect(isOverdue(item, '2026-03-01')).toBe(false);
    expect(isOverdue(item, '2026-03-02')).toBe(true);
    expect(isOverdue({ ...item, status: 'applied' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ ...item, status: 'applied', deadline: '2026-01-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ ...item, status: 'closed', deadline: '2020-01-01' }, '2026-03-02')).toBe(false);
  });
});

describe('屡审屡犯', () => {
  const f = (
    id: number,
    auditId: number,
    unitOrgId: number,
    problemType: string,
    auditOn: string,
  ): FindingFacts => ({
    id,
    auditId,
    unitOrgId,
    problemType,
    auditOn,
  });
  const all = [
    f(1, 10, 5, 'funds', '2024-06-01'),
    f(2, 10, 5, 'assets', '2024-06-01'),
    f(3, 11, 5, 'funds', '2025-06-01'), // repeats 1
    f(4, 11, 5, 'funds', '2025-06-01'), // repeats 1 too (same audit twice does not repeat itself)
    f(5, 12, 6, 'funds', '2025-07-01'), // another unit
    f(6, 13, 5, 'budget', '2025-08-01'),
  ];
  it('flags the same type in the same unit in a later audit, and only that', () => {
    expect([...repeatFlags(all)]).toEqual([
      [3, 1],
      [4, 1],
    ]);
    expect(repeatOf(all[0], all)).toBeNull();
    expect([...repeatUnits(all)]).toEqual([5]);
  });
});

describe('整改成效 and amounts', () => {
  it('reads yuan with at most two decimals as 分', () => {
    expect(toFen('1234.5')).toBe(123450);
    expect(toFen(12.34)).toBe(1234);
    expect(toFen('0')).toBe(0);
    for (const bad of ['12.345', '-1', 'abc', '1e5', '', '１２']) expect(toFen(bad)).toBeNull();
    expect(fenToYuan(123450)).toBe('1234.50');
  });
  it('tallies amounts and counts per audit, unit and year', () => {
    const r = (
      kind: OutcomeRow['kind'],
      amountFen: number,
      count: number,
      auditId: number,
      on: string,
    ): OutcomeRow => ({
      kind,
      amountFen,
      count,
      auditId,
      unitOrgId: auditId === 1 ? 5 : 6,
      on,
    });
    const list = [
      r('remitted', 100_00, 0, 1, '2025-03-01'),
      r('remitted', 50_50, 0, 2, '2025-04-01'),
      r('referred_person', 0, 2, 1, '2025-05-01'),
      r('policy', 0, 3, 2, '2026-01-10'),
    ];
    expect(tally(list)).toMatchObject({ remitted: 150_50, referred_person: 2, policy: 3, returned: 0 });
    expect(tallyBy(list, (x) => x.on.slice(0, 4)).get('2025')).toMatchObject({ remitted: 150_50, policy: 0 });
    expect(tallyBy(list, (x) => x.unitOrgId).get(6)).toMatchObject({ remitted: 50_50, policy: 3 });
    expect(rectificationRate(3, 4)).toBe(0.75);
    expect(rectificationRate(0, 0)).toBeNull();
  });
});

describe('the audit', () => {
  it('a departure draft is confirmed or dismissed; nothing after closing', () => {
    expect(nextAuditStatus('draft', 'confirm')).toEqual({ to: 'in_progress' });
    expect(nextAuditStatus('draft', 'dismiss')).toEqual({ to: 'dismissed' });
    expect(nextAuditStatus('draft', 'add_finding')).toHaveProperty('problem');
    expect(nextAuditStatus('closed', 'add_finding')).toEqual({
      problem: '该审计项目已办结，不能登记审计发现',
    });
    expect(auditDatesProblem({ periodFrom: '2025-01-01', periodTo: '2024-01-01', today })).toMatchObject({
      field: 'periodTo',
    });
  });
});
