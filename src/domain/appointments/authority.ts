/**
 * Delegated authority (《干部管理暂行规定》): which body may decide which level of post. The table is
 * rule data (`appointment.delegated_authority`): level → the bodies that may decide it. A level no
 * township body may decide (副科 and above) is proposed to the district.
 */
export const DECIDING_BODIES = {
  party_committee: '镇党委会',
  cadre_group: '干部工作小组会',
  district: '区委常委会',
} as const;
export type DecidingBody = keyof typeof DECIDING_BODIES;

export type AuthorityTable = Record<string, string[]>;

export const DEFAULT_AUTHORITY: AuthorityTable = {
  zhengke: ['district'],
  fuke: ['district'],
  middle_principal: ['party_committee', 'cadre_group'],
  middle_deputy: ['party_committee', 'cadre_group'],
  village: ['party_committee'],
  group: ['party_committee', 'cadre_group'],
};

const LEVEL_TEXT: Record<string, string> = {
  zhengke: '正科',
  fuke: '副科',
  middle_principal: '中层正职',
  middle_deputy: '中层副职',
  village: '村（社区）干部',
  group: '村民小组干部',
};

/** The refusal naming the rule when `body` may not decide one of the levels, else null. */
export function authorityProblem(
  body: string,
  levels: string[],
  table: AuthorityTable,
  ruleName = '选拔任用决定权限',
): string | null {
  for (const level of levels) {
    const allowed = table[level] ?? [];
    if (allowed.includes(body)) continue;
    const bodyText = DECIDING_BODIES[body as DecidingBody] ?? body;
    const who = allowed.map((b) => DECIDING_BODIES[b as DecidingBody] ?? b).join('或') || '（未配置）';
    return `按规则“${ruleName}”，${bodyText}无权决定${LEVEL_TEXT[level] ?? level}职务，应由${who}决定`;
  }
  return null;
}
