import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type FigureDrill, type FigureRecords, fetchFigureRecords } from './api';

type Row = FigureRecords['items'][number];

/**
 * The records behind a figure as they stood on the as-of date, a page at a time, each opening its
 * record; the columns are the figure's own.
 */
export function FigureRecordsDrawer({ drill, onClose }: { drill: FigureDrill; onClose: () => void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['figures', 'records', drill.key, drill.group, drill.breakdown, drill.slice, drill.query, page],
    queryFn: () => fetchFigureRecords(drill, page.page, page.pageSize),
  });
  const data = q.data;
  // the record's own name opens it: its registration number, a cadre's name, else the first column
  const linked = Math.max(
    0,
    (data?.columns ?? []).findIndex((c) => c.key === 'code' || c.key === 'name'),
  );
  const columns = (data?.columns ?? []).map((c, i) => ({
    title: c.label,
    dataIndex: ['cells', c.key],
    key: c.key,
    ellipsis: c.key === 'title',
    render: (v: unknown, r: Row) => {
      if (i === linked) return <Link to={r.link}>{String(v ?? r.label)}</Link>;
      if (c.key === 'title' && r.cells.imported)
        return (
          <>
            {String(v ?? '')} <Tag>台帐导入</Tag>
          </>
        );
      return v === null || v === undefined || v === '' ? '' : String(v);
    },
  }));
  return (
    <Drawer open title={drill.title} size={960} onClose={onClose} destroyOnHidden>
      {data && (
        <Typography.Paragraph type="secondary">
          {data.org.name} · 收件 {data.from} 至 {data.to} · 统计截至 {data.asOf}
          {data.group ? ` · ${data.group.label}` : ''}
          {data.slice ? ` · ${data.slice.label}` : ''}。{data.figure.definition}。状态等为截至日的情况。
        </Typography.Paragraph>
      )}
      {q.error && <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="没有符合条件的记录" /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
        }}
        columns={columns}
      />
    </Drawer>
  );
}
