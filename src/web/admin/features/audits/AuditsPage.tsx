import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { CreateAuditModal } from './AuditModals';
import {
  AUDIT_COLORS,
  AUDIT_KINDS,
  AUDIT_STATUSES,
  type AuditFilter,
  type AuditRow,
  fetchAudits,
} from './api';

/** 审计项目: the audits the caller may see, by kind, status and year; the officer records new ones. */
export default function AuditsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [filters, setFilters] = useState<AuditFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['econ-audits', 'list', filters, page],
    queryFn: () => fetchAudits({ ...filters, ...page }),
  });
  const set = (f: Partial<AuditFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索审计项目"
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="审计类型"
          style={{ width: 130 }}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={Object.entries(AUDIT_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={Object.entries(AUDIT_STATUSES).map(([value, label]) => ({ value, label }))}
        />
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        <Link to="/audit-plans">审计计划</Link>
        <Link to="/rectification">整改事项看板</Link>
        {can('econ_audit.manage') && (
          <Button icon={<UploadOutlined />} onClick={() => nav('/audits/import')}>
            导入台帐
          </Button>
        )}
        {can('econ_audit.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记审计项目
          </Button>
        )}
      </Space>
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的审计项目' : '还没有审计项目'} /> }}
        columns={[
          {
            title: '审计项目',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/audits/${r.id}`}>{t}</Link>,
          },
          { title: '类型', dataIndex: 'kindLabel', width: 100 },
          { title: '被审计单位', dataIndex: 'orgName', width: 120 },
          { title: '被审计干部', dataIndex: 'subjectCadreName', width: 100, render: (n) => n ?? '—' },
          { title: '审计期间', width: 200, render: (_, r) => `${r.periodFrom} 至 ${r.periodTo}` },
          { title: '报告文号', dataIndex: 'reportNo', width: 150, render: (n) => n ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <Tag color={AUDIT_COLORS[s]}>{AUDIT_STATUSES[s] ?? s}</Tag>,
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/audits/${r.id}`) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (t) => totalText(list.data, t, '项'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {creating && (
        <CreateAuditModal
          onClose={() => setCreating(false)}
          onDone={(a) => {
            setCreating(false);
            nav(`/audits/${a.id}`);
          }}
        />
      )}
    </>
  );
}
