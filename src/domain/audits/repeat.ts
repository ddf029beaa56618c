/**
 * 屡审屡犯: the same problem type in the same unit across audits. A finding is a repeat when an
 * earlier audit (reported before it, or the same day with a smaller id) of the same unit found the
 * same type of problem.
 */
export interface FindingFacts {
  id: number;
  auditId: number;
  unitOrgId: number;
  problemType: string;
  /** The audit's report day (or its start while not reported). */
  auditOn: string;
}

/** The earlier finding a finding repeats, or null. */
export function repeatOf(finding: FindingFacts, others: FindingFacts[]): FindingFacts | null {
  let first: FindingFacts | null = null;
  for (const o of others) {
    if (o.auditId === finding.auditId || o.unitOrgId !== finding.unitOrgId) continue;
    if (o.problemType !== finding.problemType) continue;
    const earlier =
      o.auditOn < finding.auditOn || (o.auditOn === finding.auditOn && o.auditId < finding.auditId);
    if (!earlier) continue;
    if (!first || o.auditOn < first.auditOn) first = o;
  }
  return first;
}

/** Every finding that repeats an earlier audit's, with the one it repeats. */
export function repeatFlags(findings: FindingFacts[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of findings) {
    const prior = repeatOf(f, findings);
    if (prior) out.set(f.id, prior.id);
  }
  return out;
}

/** The units with at least one repeated problem type (the figure 屡审屡犯单位). */
export function repeatUnits(findings: FindingFacts[]): Set<number> {
  const flagged = repeatFlags(findings);
  return new Set(findings.filter((f) => flagged.has(f.id)).map((f) => f.unitOrgId));
}
