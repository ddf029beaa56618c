import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { download, qs, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import {
  ADMONITION_KINDS,
  ADMONITION_SOURCES,
  ADMONITION_STATUSES,
  type AdmonitionFilter,
  type AdmonitionRow,
  fetchAdmonitions,
} from './api';
import { NewAdmonitionDrawer } from './NewAdmonitionDrawer';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 谈话诫勉: the list with tracking status, next check-in and overdue; the 诫勉台帐. */
export default function AdmonitionsPage() {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AdmonitionFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['admonitions', 'list', filters, page],
    queryFn: () => fetchAdmonitions({ ...filters, ...page }),
  });
  const set = (f: Partial<AdmonitionFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索姓名、编号或事由"
          style={{ width: 240 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 150 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={options(ADMONITION_STATUSES)}
        />
        <Select
          allowClear
          placeholder="类别"
          style={{ width: 120 }}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={options(ADMONITION_KINDS)}
        />
        <Select
          allowClear
          placeholder="来源"
          style={{ width: 130 }}
          value={filters.sourceKind}
          onChange={(sourceKind) => set({ sourceKind })}
          options={ADMONITION_SOURCES.map((s) => ({ value: s, label: s }))}
        />
        <Select
          allowClear
          placeholder="是否逾期"
          style={{ width: 120 }}
          value={filters.overdue}
          onChange={(overdue) => set({ overdue })}
          options={[
            { value: 'true', label: '逾期' },
            { value: 'false', label: '未逾期' },
          ]}
        />
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/v1/admonitions/ledger.xlsx${qs({ year: filters.year })}`).catch((e) =>
              message.error(e.message),
            )
          }
        >
          导出诫勉台帐
        </Button>
        {can('admonition.manage') && (
          <Button icon={<UploadOutlined />} onClick={() => nav('/admonitions/import')}>
            导入台帐
          </Button>
        )}
        {can('admonition.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增谈话诫勉
          </Button>
        )}
      </Space>
      <Table<AdmonitionRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="没有谈话诫勉记录" /> }}
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            width: 170,
            render: (c, r) => <Link to={`/admonitions/${r.id}`}>{c}</Link>,
          },
          { title: '姓名', dataIndex: 'cadreName', width: 90 },
          { title: '单位', dataIndex: 'orgName', width: 120 },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 90,
            render: (k: keyof typeof ADMONITION_KINDS) => ADMONITION_KINDS[k] ?? k,
          },
          { title: '来源', dataIndex: 'sourceKind', width: 90 },
          { title: '谈话日期', dataIndex: 'talkOn', width: 110, render: (d) => d ?? '—' },
          {
            title: '跟踪考察',
            key: 'tracking',
            width: 200,
            render: (_, r) =>
              r.status === 'tracking'
                ? `谈心谈话 ${r.checkInsDone}/${r.checkInsPlanned}，期满 ${r.trackingEndsOn}`
                : '—',
          },
          { title: '下次谈心谈话', dataIndex: 'nextCheckInOn', width: 120, render: (d) => d ?? '—' },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 150,
            render: (s, r) => (
              <Space size={4}>
                <Tag
                  color={r.status === 'tracking' ? 'blue' : r.status === 'measures' ? 'orange' : 'default'}
                >
                  {s}
                </Tag>
                {r.overdue && <Tag color="red">逾期</Tag>}
              </Space>
            ),
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/admonitions/${r.id}`) })}
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
        <NewAdmonitionDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            nav(`/admonitions/${id}`);
          }}
        />
      )}
    </>
  );
}
