import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { download, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import {
  fetchOptions,
  fetchRecords,
  ledgerUrl,
  RECORD_KINDS,
  RECORD_STATUSES,
  type RecordFilter,
  type RecordRow,
  STATUS_COLORS,
} from './api';
import { RecordDrawer } from './RecordDrawer';

/** 责任追究登记簿: the records the caller may see, by kind, sanction, org and year; the 台帐 as Excel. */
export default function AccountabilityPage() {
  const can = useCan();
  const nav = useNavigate();
  const [filters, setFilters] = useState<RecordFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const options = useQuery({ queryKey: ['accountability', 'options'], queryFn: fetchOptions });
  const list = useQuery({
    queryKey: ['accountability', 'list', filters, page],
    queryFn: () => fetchRecords({ ...filters, ...page }),
  });
  const set = (f: Partial<RecordFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索事由或被追究人"
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="追究类型"
          style={{ width: 140 }}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={Object.entries(RECORD_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="处理种类"
          style={{ width: 160 }}
          value={filters.sanction}
          onChange={(sanction) => set({ sanction })}
          options={options.data?.sanctionKinds.map((k) => ({ value: k.code, label: k.label }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={Object.entries(RECORD_STATUSES).map(([value, label]) => ({ value, label }))}
        />
        <OrgPicker
          allowClear
          placeholder="单位"
          style={{ width: 180 }}
          value={filters.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <InputNumber
          placeholder="年度"
          min={1990}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        {can('accountability.manage') && (
          <>
            <Button icon={<DownloadOutlined />} onClick={() => download(ledgerUrl(filters))}>
              导出台帐
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => nav('/accountability/import')}>
              导入台帐
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记追究事项
            </Button>
          </>
        )}
      </Space>
      <Table<RecordRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的追究事项' : '还没有追究事项'} /> }}
        columns={[
          {
            title: '事由',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/accountability/${r.id}`}>{t}</Link>,
          },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 150,
            render: (k, r) => `${RECORD_KINDS[k] ?? k}${r.categoryLabel ? `（${r.categoryLabel}）` : ''}`,
          },
          { title: '单位', dataIndex: 'orgName', width: 110 },
          { title: '被追究人', dataIndex: 'persons', width: 180, render: (p: string[]) => p.join('、') },
          { title: '处理', dataIndex: 'sanctions', width: 200, render: (s: string[]) => s.join('、') || '—' },
          { title: '决定日期', dataIndex: 'decidedOn', width: 110, render: (d) => d ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <Tag color={STATUS_COLORS[s]}>{RECORD_STATUSES[s] ?? s}</Tag>,
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/accountability/${r.id}`) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (t) => totalText(list.data, t, '件'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {creating && (
        <RecordDrawer
          onClose={() => setCreating(false)}
          onSaved={(r) => {
            setCreating(false);
            nav(`/accountability/${r.id}`);
          }}
        />
      )}
    </>
  );
}
