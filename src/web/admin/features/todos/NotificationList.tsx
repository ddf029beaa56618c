import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, List, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  fetchNotifications,
  type Notification,
  readAllNotifications,
  readNotification,
  TODO_KEYS,
} from './api';

/** The caller's notifications (reminders, escalations), with mark read and mark all read. */
export function NotificationList() {
  const nav = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: [...TODO_KEYS.all, 'notifications', unread, page],
    queryFn: () => fetchNotifications({ unread: unread || undefined, ...page }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: TODO_KEYS.all });
  const read = useMutation({ mutationFn: readNotification, onSuccess: refresh });
  const readAll = useMutation({
    mutationFn: readAllNotifications,
    onSuccess: () => {
      message.success('已全部标记为已读');
      refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const open = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link) nav(n.link);
  };

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Switch
            size="small"
            checked={unread}
            onChange={(v) => {
              setUnread(v);
              setPage({ ...page, page: 1 });
            }}
          />
          只看未读
        </Space>
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
          全部标为已读
        </Button>
      </Space>
      <List<Notification>
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={unread ? '没有未读通知' : '暂无通知'} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
          hideOnSinglePage: true,
        }}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.link ? (
                <Button key="open" type="link" size="small" onClick={() => open(n)}>
                  查看
                </Button>
              ) : null,
              !n.readAt ? (
                <Button key="read" type="link" size="small" onClick={() => read.mutate(n.id)}>
                  标为已读
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Badge status={n.readAt ? 'default' : 'processing'} />
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  {n.body && <div>{n.body}</div>}
                  <Typography.Text type="secondary">
                    {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
