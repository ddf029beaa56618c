import { DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_OBJECTS, AUDIT_RESULTS } from '../../../../domain/audit-actions';
import type { AuditFilters } from './api';

/** Action choices: each object's actions, with "all of this object" first (a prefix filter). */
const ACTION_OPTIONS = Object.entries(AUDIT_OBJECTS)
  .filter(([prefix], i, all) => all.findIndex(([, label]) => label === AUDIT_OBJECTS[prefix]) === i)
  .map(([prefix, label]) => ({
    label,
    title: label,
    options: [
      { value: `${prefix}.`, label: `${label}（全部）` },
      ...Object.entries(AUDIT_ACTIONS)
        .filter(
          ([code]) => code.startsWith(`${prefix}.`) || (prefix === 'access' && code.startsWith('csrf.')),
        )
        .map(([code, name]) => ({ value: code, label: name })),
    ],
  }));

export function AuditFilterBar(props: { value: AuditFilters; onChange: (f: AuditFilters) => void }) {
  const { value, onChange } = props;
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  return (
    <Space wrap>
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
          set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
        }
      />
      <Input.Search
        placeholder="用户名"
        allowClear
        style={{ width: 160 }}
        onSearch={(v) => set({ username: v.trim() || undefined })}
      />
      <Select
        placeholder="操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
        value={value.action}
        onChange={(action) => set({ action })}
        options={ACTION_OPTIONS}
      />
      <Select
        placeholder="结果"
        allowClear
        style={{ width: 100 }}
        value={value.result}
        onChange={(result) => set({ result })}
        options={Object.entries(AUDIT_RESULTS).map(([v, label]) => ({ value: v, label }))}
      />
    </Space>
  );
}
