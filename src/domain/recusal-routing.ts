/**
 * 回避 and the "never invisible to all" rule, as pure functions.
 *
 * The work on a record (a petition's handling) is done at the nearest org up the record's path that
 * has someone holding the needed permission. When every such holder there must recuse (the named
 * cadre themself, or a user registered as related), the work goes up to the nearest org that still
 * has a holder who need not: a record is never left with nobody to act on it.
 */

/** A holder of the needed permission, placed at the org their account belongs to. */
export interface PlacedHolder {
  orgId: number;
  recused: boolean;
}

export interface HandlingLevel {
  /** Where the work would be done without recusal: the nearest org up the path with any holder. */
  natural: number | null;
  /** Where it can be done: the nearest org up the path with a holder who is not recused. */
  effective: number | null;
}

/** The ids of a materialized path, from the top of the tree down: `/1/5/12/` → [1, 5, 12]. */
export const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

/**
 * The natural and the effective handling level of a record whose org has the path `path` (top
 * first). Holders placed off the path are ignored.
 */
export function handlingLevel(path: number[], holders: PlacedHolder[]): HandlingLevel {
  let natural: number | null = null;
  let effective: number | null = null;
  for (let i = path.length - 1; i >= 0; i--) {
    const here = holders.filter((h) => h.orgId === path[i]);
    if (here.length && natural === null) natural = path[i];
    if (here.some((h) => !h.recused)) {
      effective = path[i];
      break;
    }
  }
  return { natural, effective };
}

/**
 * Where recusal sends the work: the effective level when it lies above the natural one (and above
 * where the record already went: a case once raised is not lowered again), else null.
 */
export function raisedTo(path: number[], level: HandlingLevel, current: number | null): number | null {
  const { natural, effective } = level;
  if (natural === null || effective === null || effective === natural) return null;
  if (current !== null && path.indexOf(current) !== -1 && path.indexOf(current) <= path.indexOf(effective))
    return null;
  return effective;
}
