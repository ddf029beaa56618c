import { describe, expect, it } from 'vitest';
import {
  inProbation,
  principalOverlapProblem,
  probationEnd,
  samePostTwiceProblem,
  spansOverlap,
  type TenureSpan,
  tenureDatesProblem,
} from './tenure.js';

const span = (p: Partial<TenureSpan>): TenureSpan => ({
  positionId: 1,
  isPrincipal: true,
  startDate: '2020-01-01',
  endDate: null,
  ...p,
});

describe('tenure dates', () => {
  it('refuses an end before the start and accepts the same day', () => {
    expect(tenureDatesProblem('2024-05-10', '2024-05-09')).toBe('离任日期不能早于任职日期');
    expect(tenureDatesProblem('2024-05-10', '2024-05-10')).toBeNull();
    expect(tenureDatesProblem('2024-05-10', null)).toBeNull();
  });

  it('treats a same-day handover as no overlap, and open periods as running on', () => {
    const before = span({ startDate: '2020-01-01', endDate: '2023-06-30' });
    expect(spansOverlap(before, span({ startDate: '2023-06-30' }))).toBe(false);
    expect(spansOverlap(before, span({ startDate: '2023-06-29' }))).toBe(true);
    expect(spansOverlap(span({ startDate: '2025-01-01' }), span({ startDate: '2030-01-01' }))).toBe(true);
    expect(
      spansOverlap(span({ endDate: '2020-12-31' }), span({ startDate: '2019-01-01', endDate: '2020-01-02' })),
    ).toBe(true);
  });
});

describe('one principal at a time', () => {
  it('refuses a second open principal tenure in one position', () => {
    const open = span({ id: 1, startDate: '2022-03-01' });
    expect(principalOverlapProblem(span({ startDate: '2024-01-01' }), [open])).toBe(
      '该职务已有在任正职，请先办理其离任',
    );
  });

  it('refuses overlap with a past principal, allows after it ended, ignores deputies and other posts', () => {
    const past = span({ id: 1, startDate: '2018-01-01', endDate: '2021-12-31' });
    expect(principalOverlapProblem(span({ startDate: '2021-06-01' }), [past])).toContain(
      '2018-01-01 至 2021-12-31',
    );
    expect(principalOverlapProblem(span({ startDate: '2021-12-31' }), [past])).toBeNull();
    const open = span({ id: 1 });
    expect(principalOverlapProblem(span({ isPrincipal: false }), [open])).toBeNull();
    expect(principalOverlapProblem(span({}), [span({ id: 1, isPrincipal: false })])).toBeNull();
    expect(principalOverlapProblem(span({ positionId: 2 }), [open])).toBeNull();
    expect(principalOverlapProblem(span({ positionId: null }), [open])).toBeNull();
  });

  it('names the successor when a predecessor end date is moved past their start', () => {
    const successor = span({ id: 2, startDate: '2024-03-01' });
    const predecessor = span({ id: 1, startDate: '2020-01-01', endDate: '2024-03-05' });
    expect(principalOverlapProblem(predecessor, [successor])).toBe(
      '该职务在 2024-03-01 至 今 期间已有正职任职，日期不能重叠',
    );
  });

  it('does not compare a tenure with itself when its dates are edited', () => {
    const t = span({ id: 7, startDate: '2022-01-01' });
    expect(principalOverlapProblem({ ...t, startDate: '2021-01-01' }, [t])).toBeNull();
  });

  it('refuses the same post twice for one cadre at once', () => {
    const own = [span({ id: 3, isPrincipal: false, startDate: '2023-01-01' })];
    expect(samePostTwiceProblem(span({ isPrincipal: false, startDate: '2024-01-01' }), own)).toBe(
      '该干部在此期间已担任该职务',
    );
    expect(samePostTwiceProblem(span({ positionId: 9 }), own)).toBeNull();
  });
});

describe('probation', () => {
  it('ends the rule months after the start, month ends clamped', () => {
    expect(probationEnd('2026-03-02', 12)).toBe('2027-03-02');
    expect(probationEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(probationEnd('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('includes the day it ends and not the day after', () => {
    expect(inProbation('2027-03-02', '2027-03-02')).toBe(true);
    expect(inProbation('2027-03-02', '2027-03-03')).toBe(false);
    expect(inProbation(null, '2027-03-01')).toBe(false);
  });
});
