import { Table, Tag, Typography } from 'antd';
import type { FileReport } from './api';
import { ResumeRows } from './ResumeRows';

function Outcome({ f }: { f: FileReport }) {
  if (f.status === 'refused') return <Tag color="red">无法导入</Tag>;
  const verb = f.action === 'update' ? '更新' : '新增';
  const done = f.imported ? `已${verb}` : f.skipped ? '未选择，未导入' : `将${verb}`;
  if (f.status === 'incomplete')
    return (
      <>
        <Tag color="orange">不完整</Tag>
        <Typography.Text type="secondary">{done}</Typography.Text>
      </>
    );
  if (f.skipped) return <Typography.Text type="secondary">{done}</Typography.Text>;
  return <Tag color={f.action === 'update' ? 'blue' : 'green'}>{verb}</Tag>;
}

const resumeSummary = (f: FileReport) => {
  if (!f.resume) return '—';
  const posts = f.resume.rows.filter((r) => r.kind === 'post').length;
  const study = f.resume.rows.length - posts;
  const parts = [`任职 ${posts} 条`, study ? `学习 ${study} 条` : ''];
  if (f.resume.unparsed.length) parts.push(`${f.resume.unparsed.length} 行无法读取`);
  if (f.tenures !== undefined && f.imported) parts.push(`已建立任职经历 ${f.tenures} 条`);
  return parts.filter(Boolean).join('，');
};

/**
 * One row per file: what became of it, what the form lacked and what could not be used; expanded,
 * the 简历 read into rows. While the import waits, the files that can be imported have checkboxes.
 */
export function ReportTable({
  files,
  selected,
  onSelect,
}: {
  files: FileReport[];
  selected?: string[];
  onSelect?: (names: string[]) => void;
}) {
  return (
    <Table<FileReport>
      rowKey="name"
      size="small"
      dataSource={files}
      pagination={files.length > 20 ? { pageSize: 20, showTotal: (n) => `共 ${n} 个文件` } : false}
      locale={{ emptyText: '没有文件' }}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (f) => ({ disabled: f.status === 'refused', 'aria-label': `选择 ${f.name}` }),
            }
          : undefined
      }
      expandable={{
        rowExpandable: (f) => !!f.resume,
        expandedRowRender: (f) => (f.resume ? <ResumeRows resume={f.resume} /> : null),
      }}
      columns={[
        { title: '文件', dataIndex: 'name', ellipsis: true },
        { title: '姓名', dataIndex: 'personName', width: 110, render: (v) => v ?? '—' },
        {
          title: '结果',
          key: 'status',
          width: 170,
          render: (_, f) => <Outcome f={f} />,
          filters: [
            { text: '新增', value: 'created' },
            { text: '更新', value: 'updated' },
            { text: '不完整', value: 'incomplete' },
            { text: '无法导入', value: 'refused' },
          ],
          onFilter: (v, f) => f.status === v,
        },
        { title: '简历', key: 'resume', width: 220, render: (_, f) => resumeSummary(f) },
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
