/**
 * 素质结构: the cadre force's distribution on a day by age band, education, gender, ethnicity,
 * political status and years in post (三改四制: "改善村干部素质结构"), and the headline ratios that
 * follow it over the years.
 */
export interface StructureCadre {
  gender: string | null;
  birthDate: string | null;
  education: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  /** Start of the post held on the day. */
  postSince: string;
}

export const STRUCTURE_DIMENSIONS = {
  age: '年龄',
  education: '学历',
  gender: '性别',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  yearsInPost: '任现职年限',
} as const;
export type StructureDimension = keyof typeof STRUCTURE_DIMENSIONS;

export const AGE_BANDS = ['35岁及以下', '36至45岁', '46至55岁', '56岁及以上'] as const;
export const POST_BANDS = ['不满3年', '3至5年', '5至10年', '10年及以上'] as const;
/** Education codes counted as 大专及以上 in the headline ratio. */
export const COLLEGE_OR_ABOVE = ['postgraduate', 'bachelor', 'college'];
export const UNKNOWN = '未填写';
export const FEMALE = '女';
/** The political status counted as 中共党员. */
export const PARTY_MEMBER = 'cpc';

/** Whole years from `from` to `on` (both YYYY-MM-DD). */
export function wholeYears(from: string, on: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = on.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/** The oldest age (whole years) counted as 35 岁及以下. */
export const YOUNG_MAX_AGE = 35;

/** The age band of an age in whole years (null: no birth date). */
export function ageBandOfYears(age: number | null): string {
  if (age === null) return UNKNOWN;
  return age <= YOUNG_MAX_AGE
    ? AGE_BANDS[0]
    : age <= 45
      ? AGE_BANDS[1]
      : age <= 55
        ? AGE_BANDS[2]
        : AGE_BANDS[3];
}

export function ageBand(birthDate: string | null, on: string): string {
  return ageBandOfYears(birthDate ? wholeYears(birthDate, on) : null);
}

/** The years-in-post band of whole years in post. */
export function postBandOfYears(y: number): string {
  return y < 3 ? POST_BANDS[0] : y < 5 ? POST_BANDS[1] : y < 10 ? POST_BANDS[2] : POST_BANDS[3];
}

export function postBand(since: string, on: string): string {
  return postBandOfYears(wholeYears(since, on));
}

export function keyOf(c: StructureCadre, d: StructureDimension, on: string): string {
  switch (d) {
    case 'age':
      return ageBand(c.birthDate, on);
    case 'yearsInPost':
      return postBand(c.postSince, on);
    default:
      return c[d] || UNKNOWN;
  }
}

export interface Distribution {
  dimension: StructureDimension;
  label: string;
  groups: { key: string; count: number; share: number }[];
}

const share = (n: number, of: number) => (of ? Math.round((n * 10000) / of) / 100 : 0);

/** Each dimension's count per group key (the keys of `keyOf`). */
export type StructureCounts = Record<StructureDimension, Map<string, number>>;

export const emptyCounts = (): StructureCounts =>
  Object.fromEntries(
    (Object.keys(STRUCTURE_DIMENSIONS) as StructureDimension[]).map((d) => [d, new Map<string, number>()]),
  ) as StructureCounts;

/** Adds `n` to a dimension's group. */
export function addCount(counts: StructureCounts, d: StructureDimension, key: string, n = 1) {
  counts[d].set(key, (counts[d].get(key) ?? 0) + n);
}

/** Each dimension's groups with counts and shares (percent, two decimals), bands in their order. */
export function distributions(cadres: StructureCadre[], on: string): Distribution[] {
  const counts = emptyCounts();
  for (const c of cadres)
    for (const d of Object.keys(STRUCTURE_DIMENSIONS) as StructureDimension[])
      addCount(counts, d, keyOf(c, d, on));
  return distributionsOf(counts, cadres.length);
}

/** The distributions from counts already made (e.g. by the database), over `total` cadres. */
export function distributionsOf(all: StructureCounts, total: number): Distribution[] {
  return (Object.keys(STRUCTURE_DIMENSIONS) as StructureDimension[]).map((d) => {
    const counts = all[d];
    const order: readonly string[] = d === 'age' ? AGE_BANDS : d === 'yearsInPost' ? POST_BANDS : [];
    const keys = [...counts.keys()].sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
      // the larger group first; equal groups by key, so the order never depends on the rows' order
      return (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
    });
    return {
      dimension: d,
      label: STRUCTURE_DIMENSIONS[d],
      groups: keys.map((key) => ({
        key,
        count: counts.get(key)!,
        share: share(counts.get(key)!, total),
      })),
    };
  });
}

/** The headline ratios from the counts of each kind (e.g. made by the database). */
export function headlineOf(n: {
  total: number;
  young: number;
  college: number;
  female: number;
  party: number;
}) {
  return {
    total: n.total,
    young: share(n.young, n.total),
    collegeOrAbove: share(n.college, n.total),
    female: share(n.female, n.total),
    partyMember: share(n.party, n.total),
  };
}

/** 35 岁及以下, 大专及以上, 女性, 中共党员 — the ratios a year-on-year table follows. */
export function headline(cadres: StructureCadre[], on: string) {
  return headlineOf({
    total: cadres.length,
    young: cadres.filter((c) => ageBand(c.birthDate, on) === AGE_BANDS[0]).length,
    college: cadres.filter((c) => COLLEGE_OR_ABOVE.includes(c.education ?? '')).length,
    female: cadres.filter((c) => c.gender === FEMALE).length,
    party: cadres.filter((c) => c.politicalStatus === PARTY_MEMBER).length,
  });
}
