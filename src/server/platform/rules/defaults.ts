/** Rule defaults from domain.md and security.md. Seeded as version 1, effective from 2000-01-01. */
export interface RuleSeed {
  key: string;
  name: string;
  value: unknown;
  unit: string;
  source: string;
}

const regs = {
  appointment: '党政领导干部选拔任用工作条例',
  admonition: '领导干部报告个人有关事项规定/提醒、函询和诫勉实施办法',
  party: '中国共产党纪律处分条例',
  government: '中华人民共和国公职人员政务处分法',
  orgMeasure: '党政领导干部组织处理规定（试行）',
  petition: '信访工作条例',
  report: '纪检监察机关处理检举控告工作规则',
  review: '公务员考核规定',
  village: '中华人民共和国村民委员会组织法',
  openness: '中华人民共和国政府信息公开条例',
  local: '大兴镇干部管理工作暂行规定',
  djbh: 'GB/T 22239-2019 网络安全等级保护基本要求（三级）',
};

export const RULE_DEFAULTS: RuleSeed[] = [
  { key: 'appointment.notice_period', name: '任前公示期', value: 5, unit: 'working_days', source: regs.appointment },
  { key: 'appointment.probation', name: '试用期', value: 12, unit: 'months', source: regs.appointment },
  { key: 'appointment.committee_quorum', name: '讨论决定通过比例（超过应到会成员的）', value: 0.5, unit: 'ratio', source: regs.appointment },
  { key: 'promotion.blocking_grades', name: '不得提拔的上年度考核等次', value: ['基本称职', '不称职'], unit: 'list', source: `${regs.appointment} 第二十四条` },
  { key: 'promotion.min_tenure.deputy_to_principal', name: '副职提任正职最低任职年限', value: 2, unit: 'years', source: regs.appointment },
  { key: 'promotion.min_tenure.principal_to_higher_deputy', name: '下级正职提任上级副职最低任职年限', value: 3, unit: 'years', source: regs.appointment },
  { key: 'admonition.promotion_block', name: '诫勉影响期', value: 6, unit: 'months', source: regs.admonition },
  { key: 'admonition.tracking_period', name: '诫勉跟踪考察期', value: 6, unit: 'months', source: regs.admonition },
  { key: 'sanction.party.warning', name: '党纪警告影响期', value: 12, unit: 'months', source: regs.party },
  { key: 'sanction.party.serious_warning', name: '党纪严重警告影响期', value: 18, unit: 'months', source: regs.party },
  { key: 'sanction.party.removal_from_post', name: '撤销党内职务影响期', value: 24, unit: 'months', source: regs.party },
  { key: 'sanction.government.warning', name: '政务警告影响期', value: 6, unit: 'months', source: regs.government },
  { key: 'sanction.government.demerit', name: '记过影响期', value: 12, unit: 'months', source: regs.government },
  { key: 'sanction.government.major_demerit', name: '记大过影响期', value: 18, unit: 'months', source: regs.government },
  { key: 'sanction.government.demotion', name: '降级影响期', value: 24, unit: 'months', source: regs.government },
  { key: 'sanction.government.dismissal', name: '撤职影响期', value: 24, unit: 'months', source: regs.government },
  { key: 'org_measure.transfer', name: '调离岗位影响期', value: 12, unit: 'months', source: regs.orgMeasure },
  { key: 'org_measure.removal', name: '免职影响期', value: 12, unit: 'months', source: regs.orgMeasure },
  { key: 'org_measure.removal_higher', name: '免职影响期（较重情形）', value: 24, unit: 'months', source: regs.orgMeasure },
  { key: 'org_measure.demotion', name: '降职影响期', value: 24, unit: 'months', source: regs.orgMeasure },
  { key: 'petition.acceptance', name: '信访事项受理告知期限', value: 15, unit: 'days', source: regs.petition },
  { key: 'petition.handling', name: '信访事项办理期限', value: 60, unit: 'days', source: regs.petition },
  { key: 'petition.extension_max', name: '信访事项延期上限', value: 30, unit: 'days', source: regs.petition },
  { key: 'petition.review_request', name: '申请复查（复核）期限', value: 30, unit: 'days', source: regs.petition },
  { key: 'petition.review_answer', name: '复查（复核）答复期限', value: 30, unit: 'days', source: regs.petition },
  { key: 'petition.realname_acceptance_feedback', name: '实名举报受理情况反馈期限', value: 15, unit: 'working_days', source: regs.report },
  { key: 'petition.realname_result_feedback', name: '实名举报处理结果反馈期限', value: 15, unit: 'working_days', source: regs.report },
  { key: 'inquiry.reply', name: '函询回复期限', value: 15, unit: 'working_days', source: '函询工作规则' },
  { key: 'disclosure.village_finance', name: '村级财务公开周期', value: 1, unit: 'months', source: regs.village },
  { key: 'disclosure.village_affairs', name: '村务一般事项公开周期', value: 3, unit: 'months', source: regs.village },
  { key: 'disclosure.government_info', name: '政府信息公开期限', value: 20, unit: 'working_days', source: regs.openness },
  { key: 'review.excellent_cap', name: '年度考核优秀等次比例上限', value: 20, unit: 'percent', source: regs.review },
  { key: 'review.consecutive_incompetent', name: '连续不称职启动辞退程序的年数', value: 2, unit: 'count', source: regs.review },
  { key: 'ranking.last_place_warning_rounds', name: '连续末位给予警告的轮次', value: 2, unit: 'count', source: regs.local },
  { key: 'pledge.appraisal_failure_threshold', name: '述诺评诺不合格票比例（启动诫勉谈话）', value: 30, unit: 'percent', source: regs.local },
  { key: 'security.password.min_length', name: '密码最小长度', value: 8, unit: 'count', source: regs.djbh },
  { key: 'security.password.min_classes', name: '密码字符类别数', value: 3, unit: 'count', source: regs.djbh },
  { key: 'security.password.max_age_days', name: '密码有效期', value: 90, unit: 'days', source: regs.djbh },
  { key: 'security.password.reject_common', name: '禁止常见弱口令', value: true, unit: 'boolean', source: regs.djbh },
  { key: 'security.lockout.threshold', name: '登录失败锁定次数', value: 5, unit: 'count', source: regs.djbh },
  { key: 'security.lockout.minutes', name: '账号锁定时长', value: 30, unit: 'minutes', source: regs.djbh },
  { key: 'security.ip_throttle.failures', name: '同一地址登录失败上限（每15分钟）', value: 20, unit: 'count', source: regs.djbh },
  { key: 'security.session.idle_minutes', name: '会话空闲超时', value: 30, unit: 'minutes', source: regs.djbh },
  { key: 'security.session.absolute_hours', name: '会话最长时长', value: 12, unit: 'hours', source: regs.djbh },
];

export const RULE_SEED_FROM = '2000-01-01';
