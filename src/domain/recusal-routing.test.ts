import { describe, expect, it } from 'vitest';
import { handlingLevel, pathIds, raisedTo } from './recusal-routing.js';

const PATH = pathIds('/1/5/12/'); // district 1 → township 5 → department 12

describe('handling level under recusal', () => {
  it('reads a materialized path top first', () => {
    expect(PATH).toEqual([1, 5, 12]);
  });

  it('stays at the nearest org with a holder when one of them need not recuse', () => {
    const level = handlingLevel(PATH, [
      { orgId: 5, recused: true },
      { orgId: 5, recused: false },
      { orgId: 1, recused: false },
    ]);
    expect(level).toEqual({ natural: 5, effective: 5 });
    expect(raisedTo(PATH, level, null)).toBeNull();
  });

  it('goes up to the district when every township holder is recused', () => {
    const level = handlingLevel(PATH, [
      { orgId: 5, recused: true },
      { orgId: 5, recused: true },
      { orgId: 1, recused: false },
    ]);
    expect(level).toEqual({ natural: 5, effective: 1 });
    expect(raisedTo(PATH, level, null)).toBe(1);
  });

  it('does not count a department without holders as a level of its own', () => {
    expect(handlingLevel(PATH, [{ orgId: 5, recused: false }])).toEqual({ natural: 5, effective: 5 });
  });

  it('ignores holders off the path and reports nobody when there is nobody', () => {
    expect(handlingLevel(PATH, [{ orgId: 7, recused: false }])).toEqual({ natural: null, effective: null });
    const all = handlingLevel(PATH, [
      { orgId: 5, recused: true },
      { orgId: 1, recused: true },
    ]);
    expect(all).toEqual({ natural: 5, effective: null });
    expect(raisedTo(PATH, all, null)).toBeNull();
  });

  it('never lowers a case already raised, and raises it further when needed', () => {
    const back = handlingLevel(PATH, [{ orgId: 5, recused: false }]);
    expect(raisedTo(PATH, back, 1)).toBeNull();
    const up = handlingLevel(
      [1, 5, 12],
      [
        { orgId: 12, recused: true },
        { orgId: 5, recused: true },
        { orgId: 1, recused: false },
      ],
    );
    expect(raisedTo(PATH, up, 5)).toBe(1);
    expect(raisedTo(PATH, up, 1)).toBeNull();
  });
});
