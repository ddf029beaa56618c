import {
  type AdminClass,
  ALL_PERMISSIONS,
  forbiddenForAdminClass,
  PERMISSIONS,
  type Permission,
} from '../../../domain/permissions.js';
import { unprocessable } from '../http/errors.js';

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
const ADMIN_CLASSES: AdminClass[] = ['sys', 'security', 'audit'];

/** The permissions each administrator role must keep, or nobody could administer that part any more. */
const REQUIRED: Record<AdminClass, Permission[]> = {
  sys: ['user.read', 'user.manage'],
  security: ['role.read', 'role.manage'],
  audit: ['audit.read'],
};

/** The catalogue the UI renders as grouped checkboxes, with what the 三员 may never hold. */
export function permissionCatalogue() {
  return ALL_PERMISSIONS.map((code) => {
    const group = code.split('.')[0];
    return {
      code,
      label: PERMISSIONS[code],
      group,
      groupLabel: GROUP_LABELS[group] ?? group,
      forbiddenFor: ADMIN_CLASSES.filter((c) => forbiddenForAdminClass(c, code)),
    };
  });
}

/** Refuses a permission set an administrator role (三员) must not have, or one that leaves it powerless. */
export function checkRolePermissions(role: { name: string; adminClass: string | null }, perms: Permission[]) {
  if (!role.adminClass) return;
  const cls = role.adminClass as AdminClass;
  const bad = perms.filter((p) => forbiddenForAdminClass(cls, p));
  if (bad.length) {
    const labels = bad.map((p) => `“${PERMISSIONS[p]}”`).join('、');
    throw unprocessable(`三员分立：${role.name}不能拥有${labels}权限`, { permissions: '含有不允许的权限' });
  }
  const missing = (REQUIRED[cls] ?? []).filter((p) => !perms.includes(p));
  if (missing.length) {
    const labels = missing.map((p) => `“${PERMISSIONS[p]}”`).join('、');
    throw unprocessable(`${role.name}必须保留${labels}权限`, { permissions: '缺少必需的权限' });
  }
}
