import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Divider, Empty, List, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  fetchNotifications,
  fetchTodoSummary,
  type Notification,
  readAllNotifications,
  readNotification,
  TODO_KEYS,
} from './api';

/** The header bell: to-dos due soon or overdue plus unread notifications, refreshed every minute. */
export function TodoBell() {
  const nav = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const summary = useQuery({
    queryKey: [...TODO_KEYS.all, 'summary'],
    queryFn: fetchTodoSummary,
    refetchInterval: 60_000,
  });
  const latest = useQuery({
    queryKey: [...TODO_KEYS.all, 'notifications', 'latest'],
    queryFn: () => fetchNotifications({ page: 1, pageSize: 6 }),
    enabled: open,
  });
  const refresh = () => client.invalidateQueries({ queryKey: TODO_KEYS.all });
  const read = useMutation({ mutationFn: readNotification, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: readAllNotifications, onSuccess: refresh });
  const s = summary.data;
  const count = s ? s.dueSoon + s.overdue + s.unreadNotifications : 0;
  const go = (path: string) => {
    setOpen(false);
    nav(path);
  };
  const pick = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    go(n.link ?? '/todos?tab=notifications');
  };

  const content = (
    <div style={{ width: 340 }}>
      <Space wrap size={4}>
        <Typography.Text>待办 {s?.open ?? 0} 项</Typography.Text>
        {!!s?.overdue && <Typography.Text type="danger">逾期 {s.overdue}</Typography.Text>}
        {!!s?.dueSoon && <Typography.Text style={{ color: '#d46b08' }}>即将到期 {s.dueSoon}</Typography.Text>}
      </Space>
      <Divider style={{ margin: '8px 0' }} />
      <List<Notification>
        size="small"
        loading={latest.isLoading}
        dataSource={latest.data?.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', padding: '6px 0' }} onClick={() => pick(n)}>
            <List.Item.Meta
              title={
                <Typography.Text strong={!n.readAt} ellipsis>
                  {n.title}
                </Typography.Text>
              }
              description={dayjs(n.createdAt).format('MM-DD HH:mm')}
            />
          </List.Item>
        )}
      />
      <Divider style={{ margin: '8px 0' }} />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Button type="link" size="small" onClick={() => go('/todos')}>
          查看全部待办
        </Button>
        <Button type="link" size="small" disabled={!s?.unreadNotifications} onClick={() => readAll.mutate()}>
          全部标为已读
        </Button>
      </Space>
    </div>
  );
  return (
    <Popover
      content={content}
      title="待办与通知"
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label="待办与通知"
          data-testid="todo-bell"
        />
      </Badge>
    </Popover>
  );
}
