import { Input, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { OrgPicker } from '../users/OrgPicker';
import { AGE_BANDS, type RosterFilter, STATUS_LABELS } from './api';
import { useDict } from './use-dict';

/** Search and filters above the roster; every change goes back to page one. */
export function RosterFilters(props: {
  value: RosterFilter;
  onChange: (f: RosterFilter) => void;
  extra?: ReactNode;
}) {
  const levels = useDict('position_level');
  const education = useDict('education');
  const { value, onChange } = props;
  const select = (
    key: keyof RosterFilter,
    label: string,
    options: { value: string; label: string }[],
    width = 140,
  ) => (
    <Select
      aria-label={label}
      allowClear
      placeholder={label}
      style={{ width }}
      value={value[key] as string | undefined}
      onChange={(v) => onChange({ [key]: v })}
      options={options}
    />
  );
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        gap: 16,
        marginBottom: 16,
        flexWrap: 'wrap',
      }}
    >
      <Space wrap>
        <Input.Search
          aria-label="搜索干部"
          placeholder="姓名、拼音首字母或身份证号"
          allowClear
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          style={{ width: 260 }}
        />
        <OrgPicker
          placeholder="所在单位（含下级）"
          allowClear
          value={value.orgId}
          onChange={(orgId) => onChange({ orgId })}
          style={{ width: 220 }}
        />
        {select('level', '职务层次', levels.options)}
        {select(
          'status',
          '状态',
          Object.entries(STATUS_LABELS).map(([v, label]) => ({ value: v, label })),
          110,
        )}
        {select(
          'ageBand',
          '年龄段',
          Object.entries(AGE_BANDS).map(([v, label]) => ({ value: v, label })),
          130,
        )}
        {select('education', '学历', education.options)}
      </Space>
      <Space wrap>{props.extra}</Space>
    </div>
  );
}
