import { Button, Empty, Table } from 'antd';
import type { PetitionStats } from './api';
import type { OnDrill } from './StatCards';

/** 按问题类别: how many of the period's petitions fall in each category, each opening its records. */
export function CategoryTable({ stats, onDrill }: { stats: PetitionStats; onDrill: OnDrill }) {
  const total = stats.figures.received.value;
  return (
    <Table
      size="small"
      rowKey="category"
      pagination={false}
      style={{ maxWidth: 560 }}
      dataSource={stats.byCategory}
      locale={{ emptyText: <Empty description="统计期内没有信访件" /> }}
      columns={[
        { title: '问题类别', dataIndex: 'label' },
        {
          title: '件数',
          dataIndex: 'count',
          width: 100,
          align: 'right',
          render: (n: number, r) => (
            <Button type="link" size="small" onClick={() => onDrill(r.drill, `问题类别：${r.label}`)}>
              {n}
            </Button>
          ),
        },
        {
          title: '占比',
          width: 100,
          align: 'right',
          render: (_: unknown, r) => (total ? `${((r.count / total) * 100).toFixed(1)}%` : '—'),
        },
      ]}
    />
  );
}
