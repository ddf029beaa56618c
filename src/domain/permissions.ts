/**
 * The permission catalogue and the built-in roles. The role → permission map is seeded from here
 * into the database, where the security administrator may change it and add custom roles.
 */
export const PERMISSIONS = {
  'org.read': '查看组织机构',
  'org.manage': '管理组织机构',
  'user.read': '查看用户',
  'user.manage': '管理用户（创建、停用、解锁、重置密码、结束会话）',
  'role.read': '查看角色与权限',
  'role.manage': '管理角色与权限、分配管理员角色',
  'audit.read': '查看审计日志',
  'audit.export': '导出审计日志',
  'calendar.read': '查看工作日历',
  'calendar.manage': '维护工作日历',
  'rule.read': '查看规则配置',
  'rule.manage': '维护规则配置',
  'dict.read': '查看数据字典',
  'dict.manage': '维护数据字典',
  'backup.manage': '数据备份（立即备份、查看和下载备份文件）',
  'todo.read': '查看待办',
  'todo.manage': '办理与指派待办',
  'cadre.read': '查看干部名册',
  'cadre.manage': '维护干部信息（新增、编辑、任免、家庭成员）',
  'cadre.import': '导入干部（Excel、任免审批表）',
  'cadre.export': '导出干部名册与任免审批表',
  'cadre.id_number': '查看完整身份证号码',
  'cadre.file': '查看干部监督档案',
  'petition.read': '查看信访件',
  'petition.register': '登记信访件',
  'petition.handle': '办理信访件（受理、处置、调查、意见、回复、办结）',
  'petition.approve': '审批处理意见与延期',
  'petition.reveal_identity': '查看反映人身份信息',
  'petition.stats': '信访统计',
  'petition.export': '导出信访台帐',
  'petition.import': '导入信访台帐',
  'petition.assigned': '办理交由本单位的信访件',
  'policy.read': '查阅制度汇编、学习制度',
  'policy.manage': '管理制度（制定、修订、废止、布置学习、查看学习情况）',
  'summary.manage': '年度工作总结（生成、修改措辞、定稿、下载）',
  'dashboard.view': '查看领导驾驶舱（各模块统计、待办超期情况）',
  'accountability.read': '查看责任追究（追究事项、处理、台帐与统计）',
  'accountability.manage': '办理责任追究（登记、修改、确认、不予追究、申诉复查变更处理、导出台帐）',
  'admonition.read': '查看谈话诫勉（诫勉、提醒谈话及跟踪考察）',
  'admonition.manage': '实施谈话诫勉（谈话、跟踪考察、解除诫勉、组织措施、台帐）',
  'inquiry.read': '查看函询',
  'inquiry.manage': '函询（发函、结论、台帐）',
  'inquiry.endorse': '为本单位干部的函询回复签字背书',
  'inquiry.reply': '回复本人收到的函询',
  'admonition.own_report': '查看本人的诫勉并提交书面报告',
  'appointment.read': '查看选拔任用纪实（动议、推荐、考察、讨论决定、任前公示、任职）',
  'appointment.manage': '办理选拔任用（各步骤录入、任前公示、任职、撤销、导出台帐）',
  'appointment.override': '对资格审查未通过的人选作出决定（须记录理由）',
  'appointment.integrity': '出具廉政意见、办结任前公示期间的反映（不影响任用/影响任用）',
  'econ_audit.read': '查看经济责任审计（审计项目、审计发现、整改事项、联席会议与统计）',
  'econ_audit.manage': '办理经济责任审计（计划、审计项目、审计发现、认定销号、台帐）',
  'rectification.unit': '办理本单位的审计整改事项（制定方案、报告进展、申请销号）',
  'assessment.read': '查看考核（年度考核等次、单位考评排名、民主测评结果）',
  'assessment.manage': '组织考核（评定年度考核等次、录入单位考评并排名、组织民主测评与发放测评码）',
  'assessment.self_score': '填报本单位的动态考核自评',
  'disclosure.read': '查看政务公开/村务公开（公开目录、应公开事项、公开记录）',
  'disclosure.catalogue': '维护公开目录（公开事项及其公开时限）',
  'disclosure.draft': '起草、公开和撤回本单位的公开事项，登记须公开的事项',
  'disclosure.review': '村务监督委员会审核村级公开事项（通过、退回）',
  'pledge.read': '查看村干部任期承诺（承诺事项、践诺进度、兑现率、述诺评诺）',
  'pledge.manage': '管理村干部任期承诺（登记承诺、录入进度、述诺、录入评诺结果）',
  'pledge.own': '录入本人任期承诺的践诺进度',
} as const;

export type Permission = keyof typeof PERMISSIONS;
/** Route-level markers that are not grantable permissions. */
export type RouteAccess = Permission | 'public' | 'authenticated';

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export type AdminClass = 'sys' | 'security' | 'audit';
export type DataScope = 'all' | 'subtree' | 'org' | 'self';

export const DATA_SCOPES: Record<DataScope, string> = {
  all: '全部',
  subtree: '本级及下级',
  org: '本级',
  self: '仅本人',
};

export interface RoleDefinition {
  code: string;
  name: string;
  adminClass: AdminClass | null;
  mfaRequired: boolean;
  permissions: Permission[];
}

const everyone: Permission[] = ['todo.read', 'calendar.read', 'rule.read', 'dict.read', 'policy.read'];
const business: Permission[] = [...everyone, 'org.read', 'todo.manage'];
const cadreOffice: Permission[] = [
  'cadre.read',
  'cadre.manage',
  'cadre.import',
  'cadre.export',
  'cadre.id_number',
  'cadre.file',
];
const cadreLeadership: Permission[] = ['cadre.read', 'cadre.export', 'cadre.file'];
const supervisionOffice: Permission[] = [
  'admonition.read',
  'admonition.manage',
  'inquiry.read',
  'inquiry.manage',
  'inquiry.endorse',
];
const supervisionLeadership: Permission[] = ['admonition.read', 'inquiry.read'];
const petitionOffice: Permission[] = [
  'petition.read',
  'petition.register',
  'petition.handle',
  'petition.approve',
  'petition.reveal_identity',
  'petition.stats',
  'petition.export',
  'petition.import',
];
const accountabilityOffice: Permission[] = ['accountability.read', 'accountability.manage'];
const appointmentOffice: Permission[] = ['appointment.read', 'appointment.manage'];
const appointmentDiscipline: Permission[] = ['appointment.read', 'appointment.integrity'];
const assessmentOffice: Permission[] = ['assessment.read', 'assessment.manage'];
const disclosureOffice: Permission[] = ['disclosure.read', 'disclosure.catalogue', 'disclosure.draft'];
const pledgeOffice: Permission[] = ['pledge.read', 'pledge.manage'];

export const BUILTIN_ROLES: RoleDefinition[] = [
  {
    code: 'sys_admin',
    name: '系统管理员',
    adminClass: 'sys',
    mfaRequired: true,
    permissions: [
      'org.read',
      'org.manage',
      'user.read',
      'user.manage',
      'role.read',
      'calendar.read',
      'calendar.manage',
      'rule.read',
      'rule.manage',
      'dict.read',
      'dict.manage',
      'todo.read',
      'backup.manage',
    ],
  },
  {
    code: 'security_admin',
    name: '安全保密管理员',
    adminClass: 'security',
    mfaRequired: true,
    permissions: ['org.read', 'user.read', 'role.read', 'role.manage', 'todo.read'],
  },
  {
    code: 'audit_admin',
    name: '安全审计员',
    adminClass: 'audit',
    mfaRequired: true,
    permissions: ['audit.read', 'audit.export', 'todo.read'],
  },
  {
    code: 'party_secretary',
    name: '党委书记',
    adminClass: null,
    mfaRequired: false,
    permissions: [
      ...business,
      'user.read',
      ...cadreLeadership,
      'petition.read',
      'petition.approve',
      'petition.stats',
      'policy.manage',
      'summary.manage',
      'dashboard.view',
      'accountability.read',
      'assessment.read',
      ...supervisionLeadership,
      'appointment.read',
      'appointment.override',
      'econ_audit.read',
      'disclosure.read',
      ...pledgeOffice,
    ],
  },
  {
    code: 'township_head',
    name: '镇长',
    adminClass: null,
    mfaRequired: false,
    permissions: [
      ...business,
      'user.read',
      ...cadreLeadership,
      'petition.read',
      'petition.stats',
      'dashboard.view',
      'accountability.read',
      'assessment.read',
      ...supervisionLeadership,
      'appointment.read',
      'econ_audit.read',
      'disclosure.read',
      ...pledgeOffice,
    ],
  },
  {
    code: 'org_officer',
    name: '组织委员',
    adminClass: null,
    mfaRequired: false,
    permissions: [
      ...business,
      'user.read',
      ...cadreOffice,
      'policy.manage',
      'summary.manage',
      ...accountabilityOffice,
      ...assessmentOffice,
      ...supervisionOffice,
      ...appointmentOffice,
      'econ_audit.read',
      ...disclosureOffice,
      ...pledgeOffice,
    ],
  },
  {
    code: 'discipline_officer',
    name: '纪检委员',
    adminClass: null,
    mfaRequired: true,
    permissions: [
      ...business,
      'user.read',
      'cadre.read',
      'cadre.file',
      ...petitionOffice,
      'summary.manage',
      ...accountabilityOffice,
      ...supervisionOffice,
      ...appointmentDiscipline,
      'econ_audit.read',
      'disclosure.read',
      'pledge.read',
    ],
  },
  {
    code: 'audit_officer',
    name: '审计人员',
    adminClass: null,
    mfaRequired: false,
    permissions: [...business, 'cadre.read', 'econ_audit.read', 'econ_audit.manage'],
  },
  {
    code: 'unit_head',
    name: '单位负责人',
    adminClass: null,
    mfaRequired: false,
    permissions: [
      ...business,
      'cadre.read',
      'petition.assigned',
      'inquiry.endorse',
      'rectification.unit',
      'disclosure.read',
      'disclosure.draft',
      'assessment.self_score',
    ],
  },
  {
    code: 'village_supervisor',
    name: '村务监督委员会',
    adminClass: null,
    mfaRequired: false,
    permissions: [...business, 'disclosure.read', 'disclosure.review'],
  },
  {
    code: 'cadre',
    name: '干部',
    adminClass: null,
    mfaRequired: false,
    permissions: [...everyone, 'inquiry.reply', 'admonition.own_report', 'pledge.own'],
  },
  {
    code: 'district_org',
    name: '区委组织部',
    adminClass: null,
    mfaRequired: false,
    permissions: [
      ...business,
      'user.read',
      ...cadreOffice,
      'policy.manage',
      'summary.manage',
      'dashboard.view',
      ...accountabilityOffice,
      ...assessmentOffice,
      ...supervisionOffice,
      ...appointmentOffice,
      'appointment.override',
      'econ_audit.read',
      'disclosure.read',
      'disclosure.catalogue',
      ...pledgeOffice,
    ],
  },
  {
    code: 'district_discipline',
    name: '区纪委',
    adminClass: null,
    mfaRequired: true,
    permissions: [
      ...business,
      'user.read',
      'cadre.read',
      'cadre.file',
      ...petitionOffice,
      'policy.manage',
      'summary.manage',
      'dashboard.view',
      ...accountabilityOffice,
      'assessment.read',
      ...supervisionOffice,
      ...appointmentDiscipline,
      'econ_audit.read',
      'disclosure.read',
      'pledge.read',
    ],
  },
];

export interface RoleLike {
  code: string;
  name: string;
  adminClass: string | null;
}

/** 三员分立: one account may hold at most one of the three administrator roles. Returns a Chinese message, or null. */
export function adminSeparationViolation(roles: RoleLike[]): string | null {
  const admin = roles.filter((r) => r.adminClass);
  const classes = new Set(admin.map((r) => r.adminClass));
  if (classes.size > 1) {
    return `三员分立：同一账号不能同时担任${admin.map((r) => r.name).join('、')}`;
  }
  return null;
}

/**
 * What each administrator class (三员) may ever hold: exact codes, or a prefix ending in a dot. The
 * system administrator runs accounts and configuration, the security administrator roles and
 * permissions, the audit administrator the audit log; none of them sees case content.
 */
export const ADMIN_CLASS_PERMISSIONS: Record<AdminClass, readonly string[]> = {
  sys: ['org.', 'user.', 'calendar.', 'rule.', 'dict.', 'backup.', 'role.read', 'todo.read'],
  security: ['role.', 'user.read', 'org.read', 'todo.read'],
  audit: ['audit.', 'todo.read'],
};

const matches = (pattern: string, permission: string) =>
  pattern.endsWith('.') ? permission.startsWith(pattern) : permission === pattern;

/** Is the permission outside what its administrator class may ever hold? */
export function forbiddenForAdminClass(adminClass: AdminClass, permission: Permission): boolean {
  return !ADMIN_CLASS_PERMISSIONS[adminClass].some((p) => matches(p, permission));
}

/**
 * Administration that stays with the administrator classes: a business or custom role never manages
 * accounts or roles, nor reads the audit log (an officer who could would be a fourth administrator).
 */
export function forbiddenForBusinessRole(permission: Permission): boolean {
  return permission === 'user.manage' || permission === 'role.manage' || permission.startsWith('audit.');
}

/** Whether a role of this class (null: a business or custom role) may hold the permission. */
export function forbiddenForRole(adminClass: AdminClass | null, permission: Permission): boolean {
  return adminClass ? forbiddenForAdminClass(adminClass, permission) : forbiddenForBusinessRole(permission);
}

/**
 * Permissions that open case content: petitions (their text, reporters, documents, statistics) and
 * what only the supervision file and the full ID number show. Whoever knows the password of an
 * account holding one of them, without its second factor, reads cases.
 */
export function isCaseContentPermission(permission: string): boolean {
  return (
    permission.startsWith('petition.') ||
    permission.startsWith('accountability.') ||
    (permission.startsWith('admonition.') && permission !== 'admonition.own_report') ||
    permission.startsWith('appointment.') ||
    permission.startsWith('econ_audit.') ||
    permission === 'rectification.unit' ||
    (permission.startsWith('inquiry.') && permission !== 'inquiry.reply') ||
    permission === 'cadre.file' ||
    permission === 'cadre.id_number'
  );
}

/** The permissions each administrator role must keep, or nobody could administer that part any more. */
export const ADMIN_CLASS_REQUIRED: Record<AdminClass, Permission[]> = {
  sys: ['user.read', 'user.manage'],
  security: ['role.read', 'role.manage'],
  audit: ['audit.read'],
};

/**
 * Why a role may not be given this definition, in Chinese, or null: an administrator role stays
 * inside its class, keeps what its class needs and its second factor; a business or custom role
 * never holds administration (see forbiddenForBusinessRole).
 */
export function roleDefinitionProblem(
  role: { name: string; adminClass: string | null },
  def: { permissions: Permission[]; mfaRequired: boolean },
): { message: string; field: 'permissions' | 'mfaRequired' } | null {
  const cls = role.adminClass as AdminClass | null;
  const bad = def.permissions.filter((p) => forbiddenForRole(cls, p));
  if (bad.length) {
    const labels = bad.map((p) => `“${PERMISSIONS[p]}”`).join('、');
    const message = cls
      ? `三员分立：${role.name}不能拥有${labels}权限`
      : `三员分立：${labels}只属于管理员角色，${role.name}不能拥有`;
    return { message, field: 'permissions' };
  }
  if (!cls) return null;
  const missing = ADMIN_CLASS_REQUIRED[cls].filter((p) => !def.permissions.includes(p));
  if (missing.length) {
    const labels = missing.map((p) => `“${PERMISSIONS[p]}”`).join('、');
    return { message: `${role.name}必须保留${labels}权限`, field: 'permissions' };
  }
  if (!def.mfaRequired) return { message: `${role.name}必须要求两步验证`, field: 'mfaRequired' };
  return null;
}

/**
 * Never one's own role: a caller who holds the role may not change it (or the security
 * administrator could widen the role he signs in with). Returns the Chinese refusal, or null.
 */
export function ownRoleRefusal(callerRoles: readonly string[], roleCode: string): string | null {
  return callerRoles.includes(roleCode) ? '不能修改自己拥有的角色：任何人都不能调整自己的权限' : null;
}

export function permissionsOf(roles: { permissions: string[] }[]): Set<string> {
  return new Set(roles.flatMap((r) => r.permissions));
}
