import { Button, Empty, Table } from 'antd';
import type { Figure, FigureGroup } from './api';

/** A figure broken down (问题类别, 处置方式, 被反映干部): each group's count, opening its records. */
export function GroupTable({
  figure,
  onOpen,
  limit,
}: {
  figure: Figure;
  onOpen: (g: FigureGroup) => void;
  /** Show only the largest groups (the rest are in the figure's own drill-down). */
  limit?: number;
}) {
  const total = figure.value ?? 0;
  const groups = figure.groups ?? [];
  return (
    <Table<FigureGroup>
      size="small"
      rowKey="key"
      pagination={limit && groups.length > limit ? { pageSize: limit, size: 'small' } : false}
      dataSource={groups}
      locale={{ emptyText: <Empty description="没有记录" /> }}
      aria-label={figure.label}
      columns={[
        { title: figure.dimension?.label ?? '分组', dataIndex: 'label' },
        {
          title: figure.unit === '件' ? '件数' : figure.unit,
          dataIndex: 'value',
          width: 90,
          align: 'right',
          render: (n: number, g) => (
            <Button type="link" size="small" onClick={() => onOpen(g)} aria-label={`${g.label}：${n}`}>
              {n}
            </Button>
          ),
        },
        {
          title: '占比',
          width: 80,
          align: 'right',
          render: (_: unknown, g) => (total ? `${((g.value / total) * 100).toFixed(1)}%` : '—'),
        },
      ]}
    />
  );
}
