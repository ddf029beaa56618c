import { Table, Tag, Typography } from 'antd';
import type { FileReport } from './api';

function Outcome({ f }: { f: FileReport }) {
  if (f.status === 'refused') return <Tag color="red">无法识别</Tag>;
  const verb = f.action === 'update' ? '更新' : '新增';
  if (f.status === 'incomplete')
    return (
      <>
        <Tag color="orange">不完整</Tag>
        <Typography.Text type="secondary">{f.imported ? `已${verb}` : `将${verb}`}</Typography.Text>
      </>
    );
  return <Tag color={f.action === 'update' ? 'blue' : 'green'}>{verb}</Tag>;
}

/** One row per file: what became of it, what the form lacked and what could not be used. */
export function ReportTable({ files }: { files: FileReport[] }) {
  return (
    <Table<FileReport>
      rowKey="name"
      size="small"
      dataSource={files}
      pagination={files.length > 20 ? { pageSize: 20, showTotal: (n) => `共 ${n} 个文件` } : false}
      locale={{ emptyText: '没有文件' }}
      columns={[
        { title: '文件', dataIndex: 'name', ellipsis: true },
        { title: '姓名', dataIndex: 'personName', width: 110, render: (v) => v ?? '—' },
        {
          title: '结果',
          key: 'status',
          width: 150,
          render: (_, f) => <Outcome f={f} />,
          filters: [
            { text: '新增', value: 'created' },
            { text: '更新', value: 'updated' },
            { text: '不完整', value: 'incomplete' },
            { text: '无法识别', value: 'refused' },
          ],
          onFilter: (v, f) => f.status === v,
        },
        {
          title: '缺少项',
          dataIndex: 'missing',
          render: (m: string[]) => (m.length ? m.join('、') : '—'),
        },
        {
          title: '说明',
          key: 'notes',
          render: (_, f) => [f.message, ...f.problems].filter(Boolean).join('；') || '—',
        },
      ]}
    />
  );
}
