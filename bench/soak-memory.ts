/**
 * The soak's memory verdict, from samples of each server process taken through the measured window.
 *
 * A server's memory climbs for a while under a new load (V8 sizes its heap to the work, glibc keeps
 * what it has handed out), then holds; a leak keeps climbing. So the bounds look at what happens
 * after the working set has been reached, not at the start:
 * - RSS: the RSS at the end ≤ the highest RSS of the window's first half + `rssMb`, or + the wider
 *   `rssUncollectedMb` (2.5 × `rssMb` by default) when no full collection ran in the second half;
 * - live heap (the heap just after a full collection, `nodejs_heap_after_full_gc_bytes`): the lowest
 *   reading of the second half ≤ the lowest of the first half + `liveMb` — the lowest, because a
 *   collection that runs while an export is being built counts the export as live. Only readings
 *   of collections that ran inside the window count; with none in one half, it is not judged (said so).
 */

export interface MemorySample {
  /** Seconds into the measured window. */
  at: number;
  rssKb: number;
  /** Heap in use just after the last full collection, and how many there have been (null: unread). */
  liveKb: number | null;
  fullGcs: number | null;
}

export interface MemoryVerdict {
  rssStartKb: number;
  rssFirstHalfPeakKb: number;
  rssPeakKb: number;
  rssEndKb: number;
  /** RSS at the end minus the first half's peak. */
  rssLateGrowthKb: number;
  liveFirstHalfMinKb: number | null;
  liveSecondHalfMinKb: number | null;
  failures: string[];
  notes: string[];
}

export function memoryVerdict(
  samples: MemorySample[],
  windowSeconds: number,
  bounds: { rssMb: number; liveMb: number; rssUncollectedMb?: number },
): MemoryVerdict {
  if (samples.length < 2) throw new Error('a memory verdict needs the start and the end sample');
  const half = windowSeconds / 2;
  const first = samples.filter((s) => s.at <= half);
  const rssStartKb = samples[0].rssKb;
  const rssFirstHalfPeakKb = Math.max(...first.map((s) => s.rssKb));
  const rssPeakKb = Math.max(...samples.map((s) => s.rssKb));
  const rssEndKb = samples[samples.length - 1].rssKb;
  const rssLateGrowthKb = rssEndKb - rssFirstHalfPeakKb;
  const failures: string[] = [];
  const notes: string[] = [];

  // a reading counts when a full collection ran since the previous sample, inside the window
  const readings: { at: number; liveKb: number }[] = [];
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i];
    const p = samples[i - 1];
    if (s.liveKb !== null && s.fullGcs !== null && p.fullGcs !== null && s.fullGcs > p.fullGcs)
      readings.push({ at: s.at, liveKb: s.liveKb });
  }
  // with no full collection in the second half, the late RSS holds garbage V8 has not collected
  // yet (seen: heap in use 121 -> 288 MB in 60 s of exports, no full collection): only a runaway
  // past the wider bound fails then
  const collectedLate = readings.some((r) => r.at > half);
  const rssBoundMb = collectedLate ? bounds.rssMb : (bounds.rssUncollectedMb ?? 2.5 * bounds.rssMb);
  if (!collectedLate)
    notes.push(`RSS judged against ${rssBoundMb} MB: no full collection in the second half of the window`);
  if (rssLateGrowthKb > rssBoundMb * 1024)
    failures.push(
      `RSS at the end ${mb(rssEndKb)} MB is ${mb(rssLateGrowthKb)} MB above the first half's peak (bound ${rssBoundMb} MB)`,
    );
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : null);
  const liveFirstHalfMinKb = min(readings.filter((r) => r.at <= half).map((r) => r.liveKb));
  const liveSecondHalfMinKb = min(readings.filter((r) => r.at > half).map((r) => r.liveKb));
  if (liveFirstHalfMinKb === null || liveSecondHalfMinKb === null)
    notes.push('live heap not judged: no full collection in one half of the window');
  else if (liveSecondHalfMinKb - liveFirstHalfMinKb > bounds.liveMb * 1024)
    failures.push(
      `live heap grew from ${mb(liveFirstHalfMinKb)} to ${mb(liveSecondHalfMinKb)} MB between the window's halves (bound ${bounds.liveMb} MB)`,
    );
  return {
    rssStartKb,
    rssFirstHalfPeakKb,
    rssPeakKb,
    rssEndKb,
    rssLateGrowthKb,
    liveFirstHalfMinKb,
    liveSecondHalfMinKb,
    failures,
    notes,
  };
}

const mb = (kb: number) => (kb / 1024).toFixed(0);
