import { Descriptions } from 'antd';
import { BUILTIN_ROLES } from '../../../../domain/permissions';

/** What the keys of audit details mean, in the words of the page. */
const KEYS: Record<string, string> = {
  added: '新增',
  removed: '移除',
  granted: '授予权限',
  revoked: '收回权限',
  roles: '角色',
  role: '角色',
  code: '编码',
  endedSessions: '结束的会话数',
  url: '访问地址',
  reason: '事由',
  file: '文件',
  files: '文件数',
  rows: '行数',
  bytes: '字节数',
  filters: '筛选条件',
  before: '修改前',
  after: '修改后',
  requestId: '申请编号',
  title: '标题',
  dueOn: '截止日期',
  orgId: '单位编号',
  kind: '类别',
  error: '错误',
};

const ROLE_NAMES = new Map(BUILTIN_ROLES.map((r) => [r.code, r.name]));

/** A role code reads as its name (district_discipline → 区纪委); anything else as it is. */
function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length ? v.map(value).join('、') : '（无）';
  if (typeof v === 'string') return ROLE_NAMES.get(v) ?? v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** An audit record's detail as labelled lines, not raw JSON. */
export function AuditDetail({ detail }: { detail: unknown }) {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail))
    return <span>{value(detail)}</span>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={Object.entries(detail as Record<string, unknown>).map(([k, v]) => ({
        key: k,
        label: KEYS[k] ?? k,
        children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{value(v)}</span>,
      }))}
    />
  );
}
