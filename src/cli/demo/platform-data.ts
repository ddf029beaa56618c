/** The demo district: names only, no real persons. */
export const DEMO_DISTRICT = '新城区';

export const DEPARTMENTS = ['党政办', '组织办', '纪检办', '财政所'];
export const GROUPS = ['第一村民小组', '第二村民小组'];

export interface DemoTownship {
  name: string;
  /** Username prefix of the township's accounts. */
  prefix: string;
  villages: string[];
  people: Record<TownshipRole, string>;
  /** Each village's 村务监督委员会 member (in the order of `villages`), who reviews its openness items. */
  committee: string[];
}

export type TownshipRole =
  | 'party_secretary'
  | 'township_head'
  | 'org_officer'
  | 'discipline_officer'
  | 'audit_officer'
  | 'unit_head'
  | 'cadre';

export const TOWNSHIPS: DemoTownship[] = [
  {
    name: '大兴镇',
    prefix: 'daxing',
    villages: ['东风村', '红旗村', '柳湾村'],
    people: {
      party_secretary: '王建国',
      township_head: '李明华',
      org_officer: '张丽',
      discipline_officer: '刘强',
      audit_officer: '陈静',
      unit_head: '赵志刚',
      cadre: '孙晓燕',
    },
    committee: ['钱玉兰', '孔德明', '严春生'],
  },
  {
    name: '青山镇',
    prefix: 'qingshan',
    villages: ['青山村', '石桥村', '河口村'],
    people: {
      party_secretary: '周海涛',
      township_head: '吴国平',
      org_officer: '郑晓红',
      discipline_officer: '冯志勇',
      audit_officer: '何芳',
      unit_head: '马振华',
      cadre: '黄丽萍',
    },
    committee: ['卫淑珍', '蒋国富', '沈桂英'],
  },
];

export const DISTRICT_PREFIX = 'xincheng';
export const DISTRICT_PEOPLE: { role: string; name: string; scope: 'all' | 'subtree' }[] = [
  { role: 'district_org', name: '林卫东', scope: 'subtree' },
  { role: 'district_discipline', name: '高建军', scope: 'subtree' },
  { role: 'sys_admin', name: '宋文博', scope: 'all' },
  { role: 'security_admin', name: '韩雪', scope: 'all' },
  { role: 'audit_admin', name: '唐磊', scope: 'all' },
];

/** The username of the 村务监督委员会 member of a township's `index`-th village (0-based). */
export const committeeUsername = (t: DemoTownship, index: number) => `${t.prefix}_committee_${index + 1}`;

/** The account whose presence marks the platform demo as loaded. */
export const MARKER_USERNAME = `${DISTRICT_PREFIX}_sys_admin`;
