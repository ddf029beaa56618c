import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { download, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { type CaseFilter, type CaseRow, fetchCases, ledgerUrl, METHODS, STEPS } from './api';
import { CreateCaseDrawer } from './CreateCaseDrawer';

const STEP_COLORS: Record<string, string> = { appointed: 'green', stopped: 'default', noticed: 'orange' };

/** 选拔任用纪实: the cases by year, org, method and step; the 台帐 as Excel. */
export default function AppointmentsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [filters, setFilters] = useState<CaseFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['appointments', 'list', filters, page],
    queryFn: () => fetchCases({ ...filters, ...page }),
  });
  const set = (f: Partial<CaseFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索编号或事项"
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <InputNumber
          placeholder="年度"
          min={1990}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        <OrgPicker
          allowClear
          placeholder="单位"
          style={{ width: 180 }}
          value={filters.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <Select
          allowClear
          placeholder="选拔方式"
          style={{ width: 130 }}
          value={filters.method}
          onChange={(method) => set({ method })}
          options={Object.entries(METHODS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="进度"
          style={{ width: 120 }}
          value={filters.step}
          onChange={(step) => set({ step })}
          options={Object.entries(STEPS).map(([value, label]) => ({ value, label }))}
        />
        <Checkbox
          checked={!!filters.overdue}
          onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
        >
          仅看逾期
        </Checkbox>
        {can('appointment.manage') && (
          <>
            <Button icon={<DownloadOutlined />} onClick={() => download(ledgerUrl(filters))}>
              导出台帐
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => nav('/appointments/import')}>
              导入台帐
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              动议
            </Button>
          </>
        )}
      </Space>
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{
          emptyText: <Empty description={filtered ? '没有符合条件的选拔任用事项' : '还没有选拔任用事项'} />,
        }}
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            width: 160,
            render: (c, r) => <Link to={`/appointments/${r.id}`}>{c}</Link>,
          },
          { title: '事项', dataIndex: 'title' },
          { title: '单位', dataIndex: 'orgName', width: 110 },
          { title: '方式', dataIndex: 'methodLabel', width: 100 },
          { title: '动议日期', dataIndex: 'proposedOn', width: 110 },
          {
            title: '任前公示',
            dataIndex: 'noticeStartsOn',
            width: 200,
            render: (s, r) => (s ? `${s} 至 ${r.noticeEndsOn}` : '—'),
          },
          {
            title: '进度',
            dataIndex: 'step',
            width: 100,
            render: (s: string) => <Tag color={STEP_COLORS[s] ?? 'blue'}>{STEPS[s] ?? s}</Tag>,
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/appointments/${r.id}`) })}
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
        <CreateCaseDrawer
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            nav(`/appointments/${id}`);
          }}
        />
      )}
    </>
  );
}
