/**
 * The township's post ladder for promotion (position_level codes, lowest first):
 *   中层副职 middle_deputy → 中层正职 middle_principal → 副科 fuke → 正科 zhengke.
 * "Higher" means further up this list. Whether a post is a principal (正职) or a deputy (副职) post is
 * the position's own isPrincipal flag: the level says the rank, the flag the role within the unit
 * (a 副科-level 站所长 is a principal post at the 副科 level). Village and group posts (village, group)
 * and unknown levels are not on the ladder: no minimum time in post is computed for them.
 */
export const LADDER = ['middle_deputy', 'middle_principal', 'fuke', 'zhengke'] as const;

export const LEVEL_LABELS: Record<string, string> = {
  zhengke: '正科',
  fuke: '副科',
  middle_principal: '中层正职',
  middle_deputy: '中层副职',
  village: '村（社区）干部',
  group: '村民小组干部',
};

export interface PostLevel {
  level: string;
  isPrincipal: boolean;
}

export const rung = (level: string | null) => (level ? (LADDER as readonly string[]).indexOf(level) : -1);

/** The principal rank a deputy moves up to: the principal level of their band. */
const PRINCIPAL_OF: Record<string, string> = {
  middle_deputy: 'middle_principal',
  middle_principal: 'middle_principal',
  fuke: 'zhengke',
  zhengke: 'zhengke',
};

/**
 * The next step up from a post: a deputy becomes the principal of their band (中层副职 → 中层正职,
 * 副科副职 → 正科正职); a principal becomes a deputy one rung higher (中层正职 → 副科副职). A 正科
 * principal has no next step on the township ladder (null), nor has a post off the ladder.
 */
export function nextStepUp(post: PostLevel): PostLevel | null {
  const r = rung(post.level);
  if (r < 0) return null;
  if (!post.isPrincipal) return { level: PRINCIPAL_OF[post.level], isPrincipal: true };
  return r + 1 < LADDER.length ? { level: LADDER[r + 1], isPrincipal: false } : null;
}

export type MinTenureRule =
  | 'promotion.min_tenure.deputy_to_principal'
  | 'promotion.min_tenure.principal_to_higher_deputy';

/**
 * Which minimum time in post a move needs (党政领导干部选拔任用工作条例 第九条):
 * deputy → a principal post at the same rung or higher: 副职提任正职;
 * principal → a deputy post at a higher rung: 下级正职提任上级副职.
 * Other moves (lateral, down, or off the ladder) need neither.
 */
export function minTenureRuleFor(from: PostLevel, to: PostLevel): MinTenureRule | null {
  const a = rung(from.level);
  const b = rung(to.level);
  if (a < 0 || b < 0) return null;
  if (!from.isPrincipal && to.isPrincipal && b >= a) return 'promotion.min_tenure.deputy_to_principal';
  if (from.isPrincipal && !to.isPrincipal && b > a) return 'promotion.min_tenure.principal_to_higher_deputy';
  return null;
}

/** "副科副职", "中层正职", "正科正职". */
export function postLevelText(p: { level: string | null; isPrincipal: boolean }): string {
  const label = p.level ? (LEVEL_LABELS[p.level] ?? p.level) : '未定级';
  if (p.level === 'middle_principal' || p.level === 'middle_deputy') return label;
  return `${label}${p.isPrincipal ? '正职' : '副职'}`;
}
