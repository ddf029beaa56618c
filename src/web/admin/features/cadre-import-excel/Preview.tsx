import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { type CadreChange, cancelJob, confirmJob, type ExcelImportJob } from './api';

interface ChangeRow {
  key: string;
  row: number;
  name: string;
  column: string;
  before: string;
  after: string;
}

/** Each cadre's changes as lines: 行, 姓名, 项目, 原值, 新值 (the name shown once per cadre). */
const flatten = (changes: CadreChange[]): (ChangeRow & { span: number })[] =>
  changes.flatMap((c) =>
    c.changes.map((f, i) => ({
      key: `${c.cadreId}-${i}`,
      row: c.row,
      name: c.name,
      ...f,
      span: i === 0 ? c.changes.length : 0,
    })),
  );

/**
 * 核对确认: a roster import that waits — the columns it leaves out, and when updating, what changes
 * for each registered cadre (before and after). Nothing is written until the user confirms.
 */
export function Preview({ job, onSettled }: { job: ExcelImportJob; onSettled: (j: ExcelImportJob) => void }) {
  const { message } = App.useApp();
  const onError = (e: Error) => message.error(e.message);
  const confirm = useMutation({ mutationFn: () => confirmJob(job.id), onSuccess: onSettled, onError });
  const cancel = useMutation({ mutationFn: () => cancelJob(job.id), onSuccess: onSettled, onError });
  const r = job.result ?? {};
  const changes = flatten(r.changes ?? []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        title={job.message ?? '请核对后确认导入'}
        description={
          r.ignoredColumns?.length ? (
            <>
              以下列系统不读取，确认导入后这些列的内容不会保存：
              {r.ignoredColumns.map((c) => (
                <Tag key={c} color="orange" style={{ marginInlineStart: 4 }}>
                  {c}
                </Tag>
              ))}
              如需保存，请取消后把内容移到模板中的对应列再上传。
            </>
          ) : undefined
        }
        action={
          <Space orientation="vertical">
            <Button
              type="primary"
              loading={confirm.isPending}
              disabled={cancel.isPending}
              onClick={() => confirm.mutate()}
            >
              确认导入
            </Button>
            <Popconfirm
              title="取消后不导入任何数据，确定取消？"
              okText="取消导入"
              cancelText="返回"
              onConfirm={() => cancel.mutate()}
            >
              <Button danger loading={cancel.isPending} disabled={confirm.isPending}>
                取消导入
              </Button>
            </Popconfirm>
          </Space>
        }
      />
      {r.mode === 'update' && (
        <>
          <Typography.Text>
            将更新 {r.toUpdate ?? 0} 名干部，新增 {r.toCreate ?? 0} 名，{r.unchanged ?? 0} 名没有变化。
            {(r.changesTotal ?? 0) > (r.changes?.length ?? 0) &&
              `以下仅列出前 ${r.changes?.length} 名干部的变更。`}
          </Typography.Text>
          <Table<ChangeRow & { span: number }>
            size="small"
            rowKey="key"
            dataSource={changes}
            pagination={changes.length > 50 ? { pageSize: 50 } : false}
            locale={{ emptyText: '已登记的干部都没有变化' }}
            columns={[
              { title: '行', dataIndex: 'row', width: 60, onCell: (c) => ({ rowSpan: c.span }) },
              { title: '姓名', dataIndex: 'name', width: 110, onCell: (c) => ({ rowSpan: c.span }) },
              { title: '项目', dataIndex: 'column', width: 180 },
              {
                title: '原值',
                dataIndex: 'before',
                render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
              },
              {
                title: '新值',
                dataIndex: 'after',
                render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
