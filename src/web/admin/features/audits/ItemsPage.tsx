import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, InputNumber, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { download, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import {
  BUCKET_COLORS,
  BUCKETS,
  fetchItems,
  ITEM_COLORS,
  ITEM_STATUSES,
  type ItemFilter,
  type ItemRow,
  ledgerUrl,
} from './api';

/**
 * 整改事项: the audit officer's findings board (buckets by working days left, the 认定 queue, the
 * 审计台帐), or for a unit head their own unit's items.
 */
export default function ItemsPage() {
  const can = useCan();
  const nav = useNavigate();
  const officer = can('econ_audit.read');
  const [filters, setFilters] = useState<ItemFilter>({ open: 'true' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['rectification', 'list', filters, page],
    queryFn: () => fetchItems({ ...filters, ...page }),
  });
  const set = (f: Partial<ItemFilter>) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const view = filters.queue ? 'queue' : (filters.bucket ?? 'all');
  return (
    <>
      {officer && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={view}
          onChange={(v) =>
            set(
              v === 'queue'
                ? { queue: 'true', bucket: undefined }
                : { queue: undefined, bucket: v === 'all' ? undefined : String(v) },
            )
          }
          options={[
            { value: 'all', label: '全部' },
            ...Object.entries(BUCKETS).map(([value, label]) => ({ value, label })),
            ...(can('econ_audit.manage') ? [{ value: 'queue', label: '待我认定' }] : []),
          ]}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="搜索问题摘要"
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={Object.entries(ITEM_STATUSES).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="是否销号"
          style={{ width: 120 }}
          value={filters.open}
          onChange={(open) => set({ open })}
          options={[
            { value: 'true', label: '未销号' },
            { value: 'false', label: '已销号' },
          ]}
        />
        <InputNumber
          placeholder="下发年度"
          min={2000}
          max={2100}
          value={filters.year}
          onChange={(y) => set({ year: y ?? undefined })}
        />
        {can('econ_audit.manage') && (
          <Button icon={<DownloadOutlined />} onClick={() => download(ledgerUrl(filters))}>
            导出审计台帐
          </Button>
        )}
      </Space>
      <Table<ItemRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="没有符合条件的整改事项" /> }}
        columns={[
          {
            title: '问题摘要',
            dataIndex: 'summary',
            render: (s, r) => (
              <Space>
                <Link to={`/rectification/${r.id}`}>{s}</Link>
                {r.repeat && <Tag color="red">屡审屡犯</Tag>}
              </Space>
            ),
          },
          { title: '整改单位', dataIndex: 'unitName', width: 110 },
          { title: '审计项目', dataIndex: 'auditTitle', width: 220, ellipsis: true },
          { title: '应完成日期', dataIndex: 'dueOn', width: 110, render: (d) => d ?? '—' },
          {
            title: '期限',
            dataIndex: 'bucket',
            width: 150,
            render: (b: string | null, r) => (
              <Space>
                {b ? <Tag color={BUCKET_COLORS[b]}>{BUCKETS[b]}</Tag> : '—'}
                {r.reportOverdue && <Tag color="red">进展未按月报告</Tag>}
              </Space>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <Tag color={ITEM_COLORS[s]}>{ITEM_STATUSES[s] ?? s}</Tag>,
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/rectification/${r.id}`) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (t) => totalText(list.data, t, '项'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </>
  );
}
