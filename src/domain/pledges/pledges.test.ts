import { describe, expect, it } from 'vitest';
import {
  appraisalOutcome,
  fulfilmentRate,
  latestPercent,
  leaves,
  pledgeItemsProblem,
  rollUp,
} from './pledges.js';

const term = { from: '2024-01-01', to: '2026-12-31' };
const item = (key: string, extra: object = {}) => ({
  key,
  title: `事项${key}`,
  target: '目标',
  dueOn: '2025-12-31',
  ...extra,
});

describe('pledgeItemsProblem', () => {
  it('accepts a tree with weights on all siblings', () => {
    expect(
      pledgeItemsProblem(
        [item('a'), item('b', { parentKey: 'a', weight: 2 }), item('c', { parentKey: 'a', weight: 1 })],
        term,
      ),
    ).toBeNull();
  });
  it('names the field of an item without a target, due date, in-term date or with mixed weights', () => {
    expect(pledgeItemsProblem([item('a', { target: ' ' })], term)?.field).toBe('items.0.target');
    expect(pledgeItemsProblem([item('a'), item('b', { dueOn: null })], term)?.field).toBe('items.1.dueOn');
    expect(pledgeItemsProblem([item('a', { dueOn: '2027-01-01' })], term)?.message).toContain('任期内');
    expect(
      pledgeItemsProblem(
        [item('a'), item('b', { parentKey: 'a', weight: 2 }), item('c', { parentKey: 'a' })],
        term,
      )?.field,
    ).toBe('items.2.weight');
    expect(pledgeItemsProblem([item('a', { parentKey: 'x' })], term)?.field).toBe('items.0.parentKey');
    expect(
      pledgeItemsProblem([item('a', { parentKey: 'b' }), item('b', { parentKey: 'a' })], term)?.message,
    ).toContain('循环');
    expect(pledgeItemsProblem([], term)?.field).toBe('items');
  });
});

describe('rollUp', () => {
  // 1 ─┬─ 2 ─┬─ 4
  //    │     └─ 5
  //    └─ 3
  const tree = (w: (number | null)[]) => [
    { id: 1, parentId: null, weight: null },
    { id: 2, parentId: 1, weight: w[0] },
    { id: 3, parentId: 1, weight: w[1] },
    { id: 4, parentId: 2, weight: w[2] },
    { id: 5, parentId: 2, weight: w[3] },
  ];
  it('averages children equally without weights, a leaf without progress counting 0', () => {
    const p = rollUp(
      tree([null, null, null, null]),
      new Map([
        [4, 100],
        [3, 50],
      ]),
    );
    expect(p.get(2)).toBe(50);
    expect(p.get(1)).toBe(50);
    expect(p.get(5)).toBe(0);
  });
  it('weights children where weights are set', () => {
    const p = rollUp(
      tree([3, 1, 1, 3]),
      new Map([
        [4, 100],
        [5, 20],
        [3, 0],
      ]),
    );
    expect(p.get(2)).toBe(40); // (1×100 + 3×20) / 4
    expect(p.get(1)).toBe(30); // (3×40 + 1×0) / 4
  });
});

describe('latestPercent and 兑现率', () => {
  const entries = [
    { id: 1, itemId: 10, reportedOn: '2025-03-01', percent: 40 },
    { id: 2, itemId: 10, reportedOn: '2025-06-01', percent: 100 },
    { id: 3, itemId: 11, reportedOn: '2025-06-01', percent: 100 },
    { id: 4, itemId: 11, reportedOn: '2025-06-01', percent: 90 },
  ];
  it('reads the latest entry on or before the as-of date (a later entry of the day wins)', () => {
    expect(latestPercent(entries, '2025-05-31').get(10)).toBe(40);
    expect(latestPercent(entries, '2025-06-01').get(10)).toBe(100);
    expect(latestPercent(entries, '2025-06-01').get(11)).toBe(90);
  });
  it('counts leaf items due by the date, fulfilled when at 100% as of the date', () => {
    const items = [
      { id: 1, parentId: null },
      { id: 10, parentId: 1 },
      { id: 11, parentId: 1 },
      { id: 12, parentId: null },
    ];
    expect(leaves(items).map((i) => i.id)).toEqual([10, 11, 12]);
    const asOf = latestPercent(entries, '2025-12-31');
    const rows = [
      { dueOn: '2025-06-30', percentAsOf: asOf.get(10) },
      { dueOn: '2025-06-30', percentAsOf: asOf.get(11) },
      { dueOn: '2026-06-30', percentAsOf: 100 },
    ];
    expect(fulfilmentRate(rows, '2025-12-31')).toEqual({ due: 2, fulfilled: 1, rate: 50 });
    expect(fulfilmentRate(rows, '2026-12-31')).toEqual({ due: 3, fulfilled: 2, rate: 66.7 });
    expect(fulfilmentRate(rows, '2024-12-31').rate).toBeNull();
  });
});

describe('appraisalOutcome', () => {
  it('fails at the threshold exactly, not below', () => {
    expect(appraisalOutcome({ satisfied: 5, basic: 2, unsatisfied: 3 }, 30)).toEqual({
      total: 10,
      failureShare: 30,
      fails: true,
    });
    expect(appraisalOutcome({ satisfied: 5, basic: 3, unsatisfied: 2 }, 30).fails).toBe(false);
    expect(appraisalOutcome({ satisfied: 0, basic: 0, unsatisfied: 0 }, 30).fails).toBe(false);
  });
});
