import {
  type AdminClass,
  ALL_PERMISSIONS,
  forbiddenForRole,
  PERMISSIONS,
  type Permission,
  roleDefinitionProblem,
} from '../../../domain/permissions.js';
import { AppError } from '../http/errors.js';

const GROUP_LABELS: Record<string, string> = {
  org: '组织机构',
  user: '用户',
  role: '角色与权限',
  audit: '审计日志',
  calendar: '工作日历',
  rule: '规则配置',
  dict: '数据字典',
  todo: '待办',
  backup: '数据备份',
  cadre: '干部名册与监督档案',
  petition: '信访举报',
};
/** The three administrator classes, and `business` for every other role (built-in or custom). */
const ROLE_KINDS: (AdminClass | 'business')[] = ['sys', 'security', 'audit', 'business'];

/** The catalogue the UI renders as grouped checkboxes, with the kinds of role that may never hold each. */
export function permissionCatalogue() {
  return ALL_PERMISSIONS.map((code) => {
    const group = code.split('.')[0];
    return {
      code,
      label: PERMISSIONS[code],
      group,
      groupLabel: GROUP_LABELS[group] ?? group,
      forbiddenFor: ROLE_KINDS.filter((k) => forbiddenForRole(k === 'business' ? null : k, code)),
    };
  });
}

/** Refuses a role definition 三员分立 does not allow (see roleDefinitionProblem), as a 422 naming the field. */
export function checkRoleDefinition(
  role: { name: string; adminClass: string | null },
  def: { permissions: Permission[]; mfaRequired: boolean },
) {
  const problem = roleDefinitionProblem(role, def);
  if (problem)
    throw new AppError(422, 'rule_violation', problem.message, {
      [problem.field]: problem.field === 'permissions' ? '含有不允许的权限或缺少必需的权限' : '必须要求',
    });
}
