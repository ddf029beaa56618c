/**
 * Chinese names of request fields, so a validation error names the field the way the form does.
 * Keyed by the last segment of the field's path; modules add their own fields here.
 */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  page: '页码',
  pageSize: '每页条数',
  sort: '排序字段',
  order: '排序方向',
  q: '搜索内容',
  from: '开始日期',
  to: '结束日期',
  year: '年份',
  day: '日期',
  start: '开始日期',
  add: '天数',
  name: '名称',
  kind: '类型',
  code: '编码',
  parentId: '上级组织',
  orgId: '所属组织',
  orgName: '组织名称',
  version: '版本号',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  confirm: '确认密码',
  current: '当前密码',
  next: '新密码',
  phone: '手机号码',
  email: '邮箱',
  dataScope: '数据范围',
  roles: '角色',
  permissions: '权限',
  mfaRequired: '是否要求两步验证',
  value: '取值',
  effectiveFrom: '生效日期',
  source: '依据',
  note: '说明',
  label: '显示名称',
  enabled: '是否启用',
  status: '状态',
  action: '操作类型',
  result: '结果',
  objectType: '对象类型',
  objectId: '对象',
  title: '标题',
  dueBefore: '截止日期',
  description: '说明',
  key: '规则',
  type: '字典类型',
};

export function fieldLabel(path: string): string {
  const last =
    path
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? path;
  return FIELD_LABELS[last] ?? `字段“${path}”`;
}
