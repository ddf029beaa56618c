import {
  SANCTION_KIND_DEFAULTS,
  WORK_ERROR_CATEGORY_DEFAULTS,
} from '../../../domain/accountability/kinds.js';

/** Built-in dictionaries: codes are stable, labels are what users read and may be edited. */
export const DICTIONARY_DEFAULTS: { code: string; name: string; items: [string, string][] }[] = [
  {
    code: 'org_kind',
    name: '组织类型',
    items: [
      ['district', '区'],
      ['township', '乡镇（街道）'],
      ['department', '部门（站所）'],
      ['village', '村（社区）'],
      ['group', '村民小组'],
    ],
  },
  {
    code: 'petition_channel',
    name: '信访渠道',
    items: [
      ['letter', '来信'],
      ['visit', '来访'],
      ['phone', '来电'],
      ['online', '网上举报'],
      ['assigned', '上级交办'],
      ['transferred', '转办'],
      ['audit_referral', '审计移送'],
    ],
  },
  {
    code: 'petition_category',
    name: '信访问题类别',
    items: [
      ['work_style', '干部作风'],
      ['integrity', '廉洁自律'],
      ['finance', '财务管理'],
      ['land', '土地征用'],
      ['village_affairs', '村务管理'],
      ['appointment', '选人用人'],
      ['other', '其他'],
    ],
  },
  {
    code: 'disposal',
    name: '处置方式',
    items: [
      ['talk_inquiry', '谈话函询'],
      ['preliminary_check', '初步核实'],
      ['hold', '暂存待查'],
      ['close', '予以了结'],
    ],
  },
  {
    code: 'position_level',
    name: '职务层次',
    items: [
      ['zhengke', '正科'],
      ['fuke', '副科'],
      ['middle_principal', '中层正职'],
      ['middle_deputy', '中层副职'],
      ['village', '村（社区）干部'],
      ['group', '村民小组干部'],
    ],
  },
  {
    code: 'tenure_end_reason',
    name: '离任原因',
    items: [
      ['transfer', '调任'],
      ['removal', '免职'],
      ['resignation', '辞职'],
      ['retirement', '退休'],
      ['revoked', '撤销'],
    ],
  },
  {
    code: 'education',
    name: '学历',
    items: [
      ['postgraduate', '研究生'],
      ['bachelor', '大学本科'],
      ['college', '大学专科'],
      ['secondary', '中专'],
      ['high_school', '高中'],
      ['middle_school', '初中及以下'],
    ],
  },
  {
    code: 'political_status',
    name: '政治面貌',
    items: [
      ['cpc', '中共党员'],
      ['probationary', '中共预备党员'],
      ['league', '共青团员'],
      ['democratic', '民主党派'],
      ['none', '群众'],
    ],
  },
  {
    code: 'annual_grade',
    name: '年度考核等次',
    items: [
      ['excellent', '优秀'],
      ['competent', '称职'],
      ['basically_competent', '基本称职'],
      ['incompetent', '不称职'],
    ],
  },
  {
    code: 'sanction_kind',
    name: '处分处理种类',
    items: [
      ['criticism', '点名批评'],
      ['self_criticism', '书面检讨'],
      ['revoke_appointment', '撤销任免决定'],
      ['admonition', '诫勉'],
      ['warning', '警告'],
      ['serious_warning', '严重警告'],
      ['demerit', '记过'],
      ['major_demerit', '记大过'],
      ['demotion', '降级'],
      ['dismissal', '撤职'],
      ['party_post_removal', '撤销党内职务'],
      ['grade_incompetent', '年度考核不称职'],
    ],
  },
  {
    code: 'accountability_sanction',
    name: '责任追究处理种类',
    items: SANCTION_KIND_DEFAULTS,
  },
  {
    code: 'work_error_category',
    name: '工作失误类别',
    items: WORK_ERROR_CATEGORY_DEFAULTS,
  },
  {
    code: 'admonition_source',
    name: '诫勉来源',
    items: [
      ['inspection', '组织考察'],
      ['evaluation', '民主测评'],
      ['life_meeting', '民主生活会'],
      ['dynamic_assessment', '动态考核'],
      ['petition', '信访'],
    ],
  },
  {
    code: 'finding_category',
    name: '审计问题类别',
    items: [
      ['budget', '预算执行'],
      ['assets', '资产管理'],
      ['funds', '专项资金'],
      ['procurement', '政府采购'],
      ['accounts', '会计核算'],
      ['other', '其他'],
    ],
  },
];

const BUILTIN_ITEMS = new Set(
  DICTIONARY_DEFAULTS.flatMap((d) => d.items.map(([code]) => `${d.code}:${code}`)),
);

/** Built-in items are referenced by code: they may be relabelled or disabled, never deleted. */
export const isBuiltinItem = (typeCode: string, code: string) => BUILTIN_ITEMS.has(`${typeCode}:${code}`);
