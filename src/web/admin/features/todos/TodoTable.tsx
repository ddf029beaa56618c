import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { completeTodo, fetchTodos, TODO_KEYS, type Todo } from './api';

const ROW_COLORS: Record<string, string> = { overdue: '#fff1f0', soon: '#fff7e6' };

function DueCell({ todo }: { todo: Todo }) {
  if (!todo.dueOn) return <Typography.Text type="secondary">无期限</Typography.Text>;
  const when = todo.dueOn;
  if (todo.dueState === 'overdue')
    return (
      <Space size={4}>
        <Typography.Text type="danger">{when}</Typography.Text>
        <Tag color="red">{todo.overdueDays > 0 ? `已逾期 ${todo.overdueDays} 天` : '已逾期'}</Tag>
      </Space>
    );
  if (todo.dueState === 'soon')
    return (
      <Space size={4}>
        <Typography.Text style={{ color: '#d46b08' }}>{when}</Typography.Text>
        <Tag color="orange">即将到期</Tag>
      </Space>
    );
  return <span>{when}</span>;
}

/** One tab of the to-do page: open (待办) or done (已办). */
export function TodoTable({ status }: { status: 'open' | 'done' }) {
  const nav = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [overdue, setOverdue] = useState(false);
  const list = useQuery({
    queryKey: [...TODO_KEYS.all, 'list', status, overdue, page],
    queryFn: () => fetchTodos({ status, overdue: overdue || undefined, ...page }),
  });
  const done = useMutation({
    mutationFn: completeTodo,
    onSuccess: () => {
      message.success('已标记完成');
      client.invalidateQueries({ queryKey: TODO_KEYS.all });
    },
    onError: (e) => message.error(e.message),
  });
  const open = status === 'open';

  return (
    <>
      {open && (
        <Space style={{ marginBottom: 12 }}>
          <Switch
            size="small"
            checked={overdue}
            onChange={(v) => {
              setOverdue(v);
              setPage({ ...page, page: 1 });
            }}
          />
          只看已逾期
        </Space>
      )}
      <Table<Todo>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        onRow={(t) => ({ style: open ? { background: ROW_COLORS[t.dueState] } : undefined })}
        locale={{ emptyText: <Empty description={open ? '暂无待办事项' : '暂无已办事项'} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: '事项',
            dataIndex: 'title',
            render: (title: string, t) =>
              t.link ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => nav(t.link!)}>
                  {title}
                </Button>
              ) : (
                title
              ),
          },
          { title: '所属单位', dataIndex: 'orgName', width: 180 },
          open
            ? {
                title: '截止日期',
                dataIndex: 'dueOn',
                width: 280,
                render: (_: unknown, t: Todo) => <DueCell todo={t} />,
              }
            : {
                title: '办结时间',
                dataIndex: 'doneAt',
                width: 180,
                render: (d: string | null) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : ''),
              },
          ...(open
            ? [
                {
                  title: '操作',
                  width: 110,
                  // a workflow step closes when it is taken: open its record; a personal to-do is closed by hand
                  render: (_: unknown, t: Todo) =>
                    t.kind === 'personal' ? (
                      <Popconfirm
                        title={`确定将“${t.title}”标记为完成吗？`}
                        description="标记后该事项移入已办。"
                        onConfirm={() => done.mutate(t.id)}
                      >
                        <Button type="link" size="small">
                          标记完成
                        </Button>
                      </Popconfirm>
                    ) : t.link ? (
                      <Button type="link" size="small" onClick={() => nav(t.link!)}>
                        去办理
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
