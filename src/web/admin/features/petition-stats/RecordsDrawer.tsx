import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PETITION_CHANNELS } from '../../../../domain/petition-intake';
import { PETITION_STATUSES } from '../../../../domain/petition-workflow';
import { useDict } from '../cadres/use-dict';
import { type Drill, fetchRecords, type StatRecord } from './api';

const label = (m: Record<string, string>, code: string) => m[code] ?? code;

/** The records behind a figure, a page at a time, each opening its petition. */
export function RecordsDrawer({
  drill,
  title,
  onClose,
}: {
  drill: Drill;
  title: string;
  onClose: () => void;
}) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const category = useDict('petition_category');
  const q = useQuery({
    queryKey: ['petition-stats', 'records', drill, page],
    queryFn: () => fetchRecords(drill, page.page, page.pageSize),
  });
  return (
    <Drawer
      open
      title={`${title}（${drill.from} 至 ${drill.to}）`}
      size={880}
      onClose={onClose}
      destroyOnHidden
    >
      {q.error && <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>}
      <Table<StatRecord>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description="没有符合条件的信访件" /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 件`,
          onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
        }}
        columns={[
          {
            title: '登记编号',
            dataIndex: 'code',
            width: 130,
            render: (code: string, r) => <Link to={`/petitions/${r.id}`}>{code}</Link>,
          },
          { title: '收件日期', dataIndex: 'receivedOn', width: 110 },
          {
            title: '来源',
            dataIndex: 'channel',
            width: 100,
            render: (c: string, r) =>
              `${label(PETITION_CHANNELS, c)}${r.visitors ? `（${r.visitors} 人）` : ''}`,
          },
          {
            title: '反映事由',
            dataIndex: 'title',
            ellipsis: true,
            render: (t: string, r) => (
              <>
                {t} {r.imported && <Tag>台帐导入</Tag>}
              </>
            ),
          },
          {
            title: '问题类别',
            dataIndex: 'category',
            width: 100,
            render: (c: string | null) => category.label(c) || '未分类',
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 120,
            render: (s: string) => label(PETITION_STATUSES, s),
          },
          { title: '办结日期', dataIndex: 'concludedOn', width: 110, render: (d: string | null) => d ?? '' },
        ]}
      />
    </Drawer>
  );
}
