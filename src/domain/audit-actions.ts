/**
 * Chinese labels for audit action codes, shared by the server (export) and the admin UI (filters,
 * table). Codes not listed are labelled from their object and verb, or shown as they are.
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.logout_all': '退出全部会话',
  'auth.lock': '账号锁定',
  'auth.unlock': '账号解锁',
  'auth.password_change': '修改密码',
  'auth.totp_setup': '绑定两步验证',
  'auth.totp_enable': '启用两步验证',
  'auth.totp_verify': '两步验证',
  'auth.totp_disable': '停用两步验证',
  'access.denied': '越权访问',
  'csrf.rejected': '请求校验失败',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.delete': '删除组织',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.unlock': '解锁用户',
  'user.reset_password': '重置密码',
  'user.end_sessions': '结束会话',
  'user.view': '查看用户',
  'role.create': '新建角色',
  'role.update': '修改角色',
  'role.delete': '删除角色',
  'role.assign': '分配角色',
  'audit.view': '查看审计日志',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计哈希链',
  'calendar.set_day': '设置日历',
  'calendar.clear_day': '恢复普通日',
  'calendar.reseed': '补充节假日数据',
  'rule.new_version': '修订规则',
  'dict.item_create': '新增字典项',
  'dict.item_update': '修改字典项',
  'dict.item_enable': '启用字典项',
  'dict.item_disable': '停用字典项',
  'dict.item_delete': '删除字典项',
  'todo.done': '办结待办',
  'notification.read': '阅读通知',
  'notification.read_all': '全部通知标为已读',
  'setup.create_admin': '初始化：创建管理员',
  'demo.load': '加载演示数据',
  'cadre.create': '新增干部',
  'cadre.update': '修改干部信息',
  'cadre.delete': '删除干部',
  'cadre.view': '查看干部信息',
  'cadre.reveal_id': '查看完整身份证号码',
  'cadre.import': '导入干部',
  'cadre.import_errors_download': '下载导入错误清单',
  'cadre.export': '导出干部名册',
  'cadre.lrmx_export': '导出任免审批表',
  'cadre.lrmx_upload': '上传任免审批表',
  'cadre.import_cancel': '取消导入',
  'cadre.file_view': '查看干部监督档案',
  'cadre.eligibility_view': '查询提拔资格',
  'tenure.start': '任职',
  'tenure.end': '离任',
  'tenure.update': '修改任职经历',
  'position.create': '新建职务',
  'position.update': '修改职务',
  'position.delete': '删除职务',
  'family.update': '修改家庭成员',
  'concurrent_post.update': '修改兼职',
  'concurrent_post.create': '新增兼职',
  'concurrent_post.delete': '删除兼职',
  'cadre.photo_update': '更新干部照片',
  'family.view': '查看家庭成员',
  'petition.reveal_identity': '查看反映人身份信息',
};

/** Objects of the actions, for the filter groups ("组织机构 · 全部操作") and composed labels. */
export const AUDIT_OBJECTS: Record<string, string> = {
  auth: '登录与会话',
  access: '访问控制',
  csrf: '访问控制',
  org: '组织机构',
  user: '用户',
  role: '角色',
  audit: '审计日志',
  calendar: '工作日历',
  rule: '规则配置',
  dict: '数据字典',
  todo: '待办',
  notification: '通知',
  setup: '系统初始化',
  demo: '演示数据',
  cadre: '干部',
  tenure: '任职经历',
  position: '职务',
  family: '家庭成员',
  concurrent_post: '兼职',
  petition: '信访举报',
};

const VERBS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  view: '查看',
  export: '导出',
  print: '打印',
  download: '下载',
  import: '导入',
};

/** Kinds of audited objects (the object_type column). */
export const AUDIT_OBJECT_TYPES: Record<string, string> = {
  org: '组织',
  user: '用户',
  role: '角色',
  session: '会话',
  calendar_day: '日历日期',
  rule: '规则',
  dict_item: '字典项',
  audit_log: '审计日志',
  todo: '待办',
  cadre: '干部',
  tenure: '任职经历',
  position: '职务',
  import_job: '导入任务',
  petition: '信访件',
};

export const objectTypeLabel = (type: string) => AUDIT_OBJECT_TYPES[type] ?? type;

export const AUDIT_RESULTS: Record<string, string> = {
  success: '成功',
  failure: '失败',
  denied: '拒绝',
};

export function auditActionLabel(code: string): string {
  const known = AUDIT_ACTIONS[code];
  if (known) return known;
  const [object, verb] = code.split('.');
  if (object && verb && AUDIT_OBJECTS[object] && VERBS[verb]) return `${VERBS[verb]}${AUDIT_OBJECTS[object]}`;
  return code;
}
