import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useCan } from '../../shared/me';
import { fetchRoleOptions, STATUS_LABELS } from './api';
import { OrgPicker } from './OrgPicker';

export type UserFilterValues = { q?: string; orgId?: number; role?: string; status?: string };

/** Search and filters above the user table; every change goes back to page one. */
export function UserFilters(props: {
  value: UserFilterValues;
  onChange: (f: UserFilterValues) => void;
  extra?: ReactNode;
}) {
  const can = useCan();
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoleOptions, enabled: can('role.read') });
  const { value, onChange } = props;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索用户"
        placeholder="用户名或姓名"
        allowClear
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        style={{ width: 220 }}
      />
      <OrgPicker
        placeholder="所属组织（含下级）"
        allowClear
        value={value.orgId}
        onChange={(orgId) => onChange({ orgId })}
        style={{ width: 220 }}
      />
      {can('role.read') && (
        <Select
          aria-label="角色"
          allowClear
          placeholder="角色"
          style={{ width: 160 }}
          value={value.role}
          onChange={(role) => onChange({ role })}
          options={(roles.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        />
      )}
      <Select
        aria-label="状态"
        allowClear
        placeholder="状态"
        style={{ width: 120 }}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
      />
      {props.extra}
    </Space>
  );
}
