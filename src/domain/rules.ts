/** Rules are data: versioned records; the domain asks which version is in force on a date. */
export interface RuleVersion<V = unknown> {
  key: string;
  version: number;
  value: V;
  unit: string;
  source: string;
  effectiveFrom: string; // ISO date, inclusive
  effectiveTo: string | null; // ISO date, inclusive; null = open-ended
}

export function ruleInForce<V>(
  versions: RuleVersion<V>[],
  key: string,
  onDate: string,
): RuleVersion<V> | null {
  let best: RuleVersion<V> | null = null;
  for (const v of versions) {
    if (v.key !== key) continue;
    if (v.effectiveFrom > onDate) continue;
    if (v.effectiveTo !== null && v.effectiveTo < onDate) continue;
    if (
      !best ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    ) {
      best = v;
    }
  }
  return best;
}

/** A new version starting on `from` closes the open version the day before. Returns the change to apply. */
export function planNewVersion(
  versions: RuleVersion[],
  key: string,
  from: string,
  dayBefore: (iso: string) => string,
): { nextVersion: number; close: { version: number; effectiveTo: string }[] } | { error: string } {
  const mine = versions.filter((v) => v.key === key);
  const later = mine.filter((v) => v.effectiveFrom >= from);
  if (later.length > 0) return { error: `生效日期须晚于现行版本的生效日期（${later[0].effectiveFrom}）` };
  const close = mine
    .filter((v) => v.effectiveTo === null || v.effectiveTo >= from)
    .map((v) => ({ version: v.version, effectiveTo: dayBefore(from) }));
  const nextVersion = mine.reduce((m, v) => Math.max(m, v.version), 0) + 1;
  return { nextVersion, close };
}
