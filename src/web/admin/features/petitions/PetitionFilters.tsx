import { Checkbox, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useDict } from '../cadres/use-dict';
import { OrgPicker } from '../users/OrgPicker';
import { PETITION_CHANNELS, PETITION_STATUSES, type PetitionFilter } from './api';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Search and filters above the petition list; every change goes back to page one. */
export function PetitionFilters(props: {
  value: PetitionFilter;
  onChange: (f: PetitionFilter) => void;
  extra?: ReactNode;
}) {
  const category = useDict('petition_category');
  const { value, onChange } = props;
  const select = (
    key: 'status' | 'channel' | 'category',
    label: string,
    opts: { value: string; label: string }[],
  ) => (
    <Select
      aria-label={label}
      allowClear
      placeholder={label}
      style={{ width: 140 }}
      value={value[key]}
      onChange={(v) => onChange({ [key]: v })}
      options={opts}
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
          aria-label="搜索信访件"
          placeholder="搜索编号、被反映人、反映内容、答复"
          allowClear
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          style={{ width: 240 }}
        />
        {select('status', '办理状态', options(PETITION_STATUSES))}
        {select('channel', '来源渠道', options(PETITION_CHANNELS))}
        {select('category', '问题类别', category.options)}
        <DatePicker.RangePicker
          aria-label="收件日期"
          placeholder={['收件日期起', '收件日期止']}
          value={[
            value.receivedFrom ? dayjs(value.receivedFrom) : null,
            value.receivedTo ? dayjs(value.receivedTo) : null,
          ]}
          onChange={(r) =>
            onChange({
              receivedFrom: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
              receivedTo: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
        <OrgPicker
          placeholder="承办单位（含下级）"
          allowClear
          value={value.orgId}
          onChange={(orgId) => onChange({ orgId })}
          style={{ width: 200 }}
        />
        <Checkbox
          checked={!!value.overdue}
          onChange={(e) => onChange({ overdue: e.target.checked ? 'true' : undefined })}
        >
          仅看逾期
        </Checkbox>
        <Checkbox
          checked={!!value.urgent}
          onChange={(e) => onChange({ urgent: e.target.checked ? 'true' : undefined })}
        >
          仅看紧急
        </Checkbox>
      </Space>
      <Space wrap>{props.extra}</Space>
    </div>
  );
}
