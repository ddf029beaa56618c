import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { fetchPolicies, POLICY_STATUSES, type PolicyFilter, type PolicyRow, STATUS_COLORS } from './api';
import { NewPolicyDrawer } from './NewPolicyDrawer';

/** 制度汇编: the policies the caller sees (own org, above, and below for a wider scope). */
export default function PoliciesPage() {
  const can = useCan();
  const nav = useNavigate();
  const [filters, setFilters] = useState<PolicyFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['policies', 'list', filters, page],
    queryFn: () => fetchPolicies({ ...filters, ...page }),
  });
  const set = (f: Partial<PolicyFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索制度名称或文号"
          style={{ width: 240 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={[
            { value: 'in_force', label: '现行有效' },
            { value: 'repealed', label: '已废止' },
          ]}
        />
        <OrgPicker
          allowClear
          placeholder="制定单位"
          style={{ width: 200 }}
          value={filters.orgId}
          onChange={(orgId) => set({ orgId })}
        />
        <InputNumber
          placeholder="制定年度"
          min={1949}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        {can('policy.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            制定制度
          </Button>
        )}
      </Space>
      <Table<PolicyRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的制度' : '还没有制度'} /> }}
        columns={[
          {
            title: '制度名称',
            dataIndex: 'title',
            render: (title, r) => <Link to={`/policies/${r.id}`}>{title}</Link>,
          },
          { title: '文号', dataIndex: 'number', width: 180, render: (n) => n ?? '—' },
          { title: '制定单位', dataIndex: 'orgName', width: 120 },
          { title: '发文机关', dataIndex: 'issuingBody', width: 160, ellipsis: true },
          { title: '首次通过', dataIndex: 'firstAdoptedOn', width: 110 },
          {
            title: '现行版本',
            dataIndex: 'currentVersionNo',
            width: 160,
            render: (n, r) => `第 ${n} 版（${r.adoptedOn}）`,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: PolicyRow['status']) => <Tag color={STATUS_COLORS[s]}>{POLICY_STATUSES[s]}</Tag>,
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/policies/${r.id}`) })}
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
        <NewPolicyDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            nav(`/policies/${id}`);
          }}
        />
      )}
    </>
  );
}
