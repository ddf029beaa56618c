import { describe, expect, it } from 'vitest';
import { type MemorySample, memoryVerdict } from './soak-memory.js';

const MB = 1024;
const bounds = { rssMb: 100, liveMb: 64 };
const sample = (at: number, rssMb: number, liveMb: number | null = null, fullGcs: number | null = null) =>
  ({ at, rssKb: rssMb * MB, liveKb: liveMb === null ? null : liveMb * MB, fullGcs }) satisfies MemorySample;

describe('memoryVerdict', () => {
  it('passes a server that climbs to its working set in the first half and holds', () => {
    // the CI run that failed the old bound (end ≤ start + 150): 322 → 474 MB in 60 s
    const v = memoryVerdict(
      [
        sample(0, 322, 60, 3),
        sample(10, 390, 80, 5),
        sample(30, 450, 85, 9),
        sample(45, 470, 90, 12),
        sample(60, 474, 84, 14),
      ],
      60,
      bounds,
    );
    expect(v.failures).toEqual([]);
    expect(v.rssLateGrowthKb).toBe(24 * MB);
    expect(v.liveFirstHalfMinKb).toBe(80 * MB); // the reading from before the window does not count
    expect(v.liveSecondHalfMinKb).toBe(84 * MB);
  });

  it('fails RSS that keeps climbing after the first half, collections or not', () => {
    // full collections in the second half: the RSS is what is live, bound 100 MB
    const collected = memoryVerdict(
      [sample(0, 300, 80, 1), sample(150, 400, 80, 2), sample(300, 520, 80, 3)],
      300,
      bounds,
    );
    expect(collected.failures).toEqual([
      expect.stringContaining('120 MB above the first half’s peak (bound 100 MB)'.replace('’', "'")),
    ]);
    // none: a runaway past the wider bound (2.5 × 100 MB) still fails
    const runaway = memoryVerdict([sample(0, 300), sample(150, 400), sample(300, 660)], 300, bounds);
    expect(runaway.failures).toEqual([expect.stringContaining('260 MB above')]);
  });

  it('gives garbage not yet collected the wider bound, and says so', () => {
    // the fresh-check that failed the 100 MB bound: heap in use 121 → 288 MB, no full collection
    const v = memoryVerdict(
      [sample(0, 329, 84, 2), sample(30, 399, 84, 2), sample(60, 513, 84, 2)],
      60,
      bounds,
    );
    expect(v.rssLateGrowthKb).toBe(114 * MB);
    expect(v.failures).toEqual([]);
    expect(v.notes).toContain(
      'RSS judged against 250 MB: no full collection in the second half of the window',
    );
  });

  it('fails a live heap whose lowest reading rises past the bound, however the RSS looks', () => {
    const v = memoryVerdict(
      [
        sample(0, 400, 50, 1),
        sample(60, 400, 70, 2),
        sample(120, 400, 90, 3),
        sample(200, 400, 150, 4),
        sample(300, 400, 160, 5),
      ],
      300,
      bounds,
    );
    expect(v.failures).toEqual([
      "live heap grew from 70 to 150 MB between the window's halves (bound 64 MB)",
    ]);
  });

  it('takes the lowest reading of each half: an export alive at one collection is not a leak', () => {
    const v = memoryVerdict(
      [sample(0, 400, 80, 1), sample(60, 400, 90, 2), sample(200, 400, 210, 3), sample(300, 400, 95, 4)],
      300,
      bounds,
    );
    expect(v.failures).toEqual([]);
  });

  it('does not judge the live heap without a full collection in each half, and says so', () => {
    const v = memoryVerdict(
      [sample(0, 400, 80, 1), sample(30, 400, 80, 1), sample(60, 400, 200, 2)],
      60,
      bounds,
    );
    expect(v.failures).toEqual([]);
    expect(v.notes).toEqual(['live heap not judged: no full collection in one half of the window']);
  });
});
