import { describe, expect, it } from 'vitest';
import { chineseDaysRows } from '../server/platform/calendar/seed.js';
import type { WorkCalendar } from './calendar.js';
import {
  approvalProblem,
  type ClockFacts,
  clockFor,
  extensionProblem,
  extensionTooLate,
  foreignFields,
  isOverdue,
  PETITION_ACTIONS,
  PETITION_STATUSES,
  type PetitionAction,
  type PetitionClockRules,
  type PetitionStatus,
  reviewRequestProblem,
  transition,
} from './petition-workflow.js';

const rows = chineseDaysRows();
const cal: WorkCalendar = {
  holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)),
  workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)),
};
const rules: PetitionClockRules = {
  acceptanceDays: 15,
  handlingDays: 60,
  extensionMaxDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
  realNameResultWorkingDays: 15,
};

/** The whole workflow of domain.md §3, written out by hand: status → action → next status. */
const ALLOWED: Record<string, PetitionStatus> = {
  'registered/accept': 'accepted',
  'registered/decline': 'declined',
  'accepted/investigate': 'investigating',
  'accepted/hold': 'held',
  'accepted/close': 'awaiting_approval',
  'held/investigate': 'investigating',
  'held/close': 'awaiting_approval',
  'investigating/report': 'reported',
  'reported/submit': 'awaiting_approval',
  'awaiting_approval/approve': 'approved',
  'awaiting_approval/return': 'reported',
  'approved/reply': 'replied',
  'replied/conclude': 'concluded',
  'concluded/request_review': 'reviewing',
  'reviewing/answer_review': 'concluded',
};

describe('transitions', () => {
  const statuses = Object.keys(PETITION_STATUSES) as PetitionStatus[];
  const actions = Object.keys(PETITION_ACTIONS) as PetitionAction[];

  it('allows exactly the steps of the workflow, each to its next status', () => {
    for (const [key, to] of Object.entries(ALLOWED)) {
      const [from, action] = key.split('/') as [PetitionStatus, PetitionAction];
      expect(transition(from, action), key).toEqual({ to });
    }
  });

  it(`refuses every other pair (${11 * 13 - 15}) with a Chinese reason naming the status and the step`, () => {
    let refused = 0;
    for (const from of statuses)
      for (const action of actions) {
        if (ALLOWED[`${from}/${action}`]) continue;
        expect(transition(from, action), `${from}/${action}`).toEqual({
          error: `当前状态为“${PETITION_STATUSES[from]}”，不能${PETITION_ACTIONS[action]}`,
        });
        refused++;
      }
    expect(refused).toBe(statuses.length * actions.length - 15);
    expect(transition('declined', 'accept')).toEqual({ error: '当前状态为“不予受理”，不能受理' });
  });
});

const facts = (over: Partial<ClockFacts>): ClockFacts => ({
  status: 'registered',
  realName: false,
  receivedOn: '2026-03-02',
  acceptedOn: null,
  approvedOn: null,
  assignedDueOn: null,
  extensionDays: 0,
  reviewRequestedOn: null,
  ...over,
});

describe('clocks', () => {
  it('acceptance: 15 days from receipt; the last day is on time, the next is overdue', () => {
    const c = clockFor(facts({ receivedOn: '2026-03-02' }), rules, cal);
    expect(c).toEqual({ kind: 'acceptance', dueOn: '2026-03-17' });
    expect(isOverdue(c!.dueOn, '2026-03-17')).toBe(false);
    expect(isOverdue(c!.dueOn, '2026-03-18')).toBe(true);
  });

  it('handling: 60 days from acceptance in every handling status, plus an approved extension', () => {
    for (const status of ['accepted', 'held', 'investigating', 'reported', 'awaiting_approval'] as const)
      expect(clockFor(facts({ status, acceptedOn: '2026-03-05' }), rules, cal)).toEqual({
        kind: 'handling',
        dueOn: '2026-05-04',
      });
    expect(
      clockFor(facts({ status: 'investigating', acceptedOn: '2026-03-05', extensionDays: 30 }), rules, cal),
    ).toEqual({
      kind: 'handling',
      dueOn: '2026-06-03',
    });
  });

  it('an assigned case is due no later than the assigning body set, in acceptance and in handling', () => {
    expect(clockFor(facts({ assignedDueOn: '2026-03-10' }), rules, cal)?.dueOn).toBe('2026-03-10');
    expect(clockFor(facts({ assignedDueOn: '2026-04-30' }), rules, cal)?.dueOn).toBe('2026-03-17');
    const handling = facts({
      status: 'investigating',
      acceptedOn: '2026-03-05',
      assignedDueOn: '2026-04-15',
    });
    expect(clockFor(handling, rules, cal)?.dueOn).toBe('2026-04-15');
    expect(clockFor({ ...handling, extensionDays: 30 }, rules, cal)?.dueOn).toBe('2026-04-15');
  });

  it('a real-name reporter hears the result within 15 working days of approval, across National Day 2025 and its 调休 days', () => {
    // 9-28 (Sunday, make-up) counts; 10-1 … 10-8 do not; 10-11 (Saturday, make-up) counts
    const f = facts({
      status: 'approved',
      realName: true,
      acceptedOn: '2025-08-20',
      approvedOn: '2025-09-26',
    });
    expect(clockFor(f, rules, cal)).toEqual({ kind: 'reply', dueOn: '2025-10-23' });
    expect(clockFor({ ...f, approvedOn: '2025-09-30' }, rules, cal)?.dueOn).toBe('2025-10-28');
  });

  it('… and across Spring Festival 2026 (2-14 and 2-28 worked, 2-15 … 2-23 off)', () => {
    const f = facts({
      status: 'approved',
      realName: true,
      acceptedOn: '2026-01-05',
      approvedOn: '2026-02-12',
    });
    expect(clockFor(f, rules, cal)).toEqual({ kind: 'reply', dueOn: '2026-03-11' });
  });

  it('an anonymous case keeps its handling clock after approval; a review is answered within 30 days; finished cases have none', () => {
    const f = facts({ status: 'approved', acceptedOn: '2026-03-05', approvedOn: '2026-04-01' });
    expect(clockFor(f, rules, cal)).toEqual({ kind: 'handling', dueOn: '2026-05-04' });
    expect(clockFor(facts({ status: 'reviewing', reviewRequestedOn: '2026-06-10' }), rules, cal)).toEqual({
      kind: 'review_answer',
      dueOn: '2026-07-10',
    });
    for (const status of ['replied', 'concluded', 'declined'] as const)
      expect(clockFor(facts({ status }), rules, cal)).toBeNull();
  });
});

describe('extension', () => {
  const running = { status: 'investigating' as const, extensionDays: 0 };
  it('allows 1 to 30 days once, while the case is being handled', () => {
    expect(extensionProblem(running, 30, rules)).toBeNull();
    expect(extensionProblem(running, 1, rules)).toBeNull();
    expect(extensionProblem(running, 31, rules)).toBe('延期天数应为 1 至 30 天');
    expect(extensionProblem(running, 0, rules)).toBe('延期天数应为 1 至 30 天');
    expect(extensionProblem({ ...running, extensionDays: 10 }, 5, rules)).toBe(
      '该信访件已延期，不能再次延期',
    );
    expect(extensionProblem({ status: 'registered', extensionDays: 0 }, 5, rules)).toBe(
      '只有办理中的信访件可以申请延期',
    );
  });
});

describe('review request', () => {
  const replied = { status: 'concluded' as const, repliedOn: '2026-05-10', reviewLevel: 0 };
  it('is open for 30 days after the reply: day 30 is allowed, day 31 refused with the last day named', () => {
    expect(reviewRequestProblem(replied, '2026-06-09', rules)).toBeNull();
    expect(reviewRequestProblem(replied, '2026-06-10', rules)).toBe(
      '申请期限已过：应在收到答复之日起 30 日内（2026-06-09 前）提出',
    );
  });
  it('allows a 复核 after a 复查, and nothing after a 复核; not before the case is concluded', () => {
    expect(reviewRequestProblem({ ...replied, reviewLevel: 1 }, '2026-05-20', rules)).toBeNull();
    expect(reviewRequestProblem({ ...replied, reviewLevel: 2 }, '2026-05-20', rules)).toBe(
      '已经复核，不再受理复查（复核）申请',
    );
    expect(
      reviewRequestProblem(
        { status: 'replied', repliedOn: '2026-05-10', reviewLevel: 0 },
        '2026-05-20',
        rules,
      ),
    ).toBe('信访件尚未办结，暂不能申请复查（复核）');
  });
});

describe('四眼原则', () => {
  const base = { approverId: 7, submitterId: 3, authorIds: [3, 5], fourEyes: true };
  it('lets someone who neither submitted nor wrote the opinions approve', () => {
    expect(approvalProblem(base)).toBeNull();
  });
  it('refuses the submitter and the authors, unless the rule is off', () => {
    expect(approvalProblem({ ...base, approverId: 3 })).toMatch(/^处理意见须由提交人以外的人员审批/);
    expect(approvalProblem({ ...base, approverId: 5 })).toMatch(/^处理意见须由撰写人以外的人员审批/);
    expect(approvalProblem({ ...base, approverId: 3, fourEyes: false })).toBeNull();
  });
});

describe('an extension', () => {
  it('is too late once the due date has passed, not on the due date itself', () => {
    expect(extensionTooLate('2026-05-01', '2026-05-01')).toBeNull();
    expect(extensionTooLate(null, '2026-05-01')).toBeNull();
    expect(extensionTooLate('2026-05-01', '2026-05-02')).toBe(
      '办理期限已于 2026-05-01 届满，逾期后不能再延期，请尽快办理；延期须在办理期限内申请',
    );
  });
});

describe('the fields of a step', () => {
  it('refuses what the step does not read, and says why for an opinion sent with 提交处理意见', () => {
    expect(foreignFields('submit', { version: 2, note: '请审批', opinion: null })).toEqual({});
    expect(foreignFields('submit', { opinion: '予以澄清' })).toEqual({
      opinion: '提交审批时不接收处理意见：请先“添加处理意见”，再提交审批',
    });
    expect(foreignFields('accept', { report: '…' })).toEqual({ report: '“受理”不接收调查报告' });
    expect(foreignFields('close', { opinion: '予以了结' })).toEqual({});
  });
});
