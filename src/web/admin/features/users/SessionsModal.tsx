import { useQuery } from '@tanstack/react-query';
import { Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { fetchSessions, type User, type UserSession } from './api';

const PENDING: Record<string, string> = {
  password_change: '待修改密码',
  totp: '待两步验证',
  totp_enrol: '待绑定两步验证',
};
const time = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

/** A user's open sessions: where and since when they are signed in. */
export function SessionsModal(props: { user: User; onClose: () => void }) {
  const sessions = useQuery({
    queryKey: ['users', props.user.id, 'sessions'],
    queryFn: () => fetchSessions(props.user.id),
  });
  return (
    <Modal
      open
      title={`在线会话：${props.user.displayName}`}
      footer={null}
      onCancel={props.onClose}
      width={760}
    >
      <Table<UserSession>
        rowKey={(s) => `${s.createdAt}-${s.ip}`}
        size="small"
        pagination={false}
        loading={sessions.isLoading}
        dataSource={sessions.data}
        locale={{ emptyText: '当前没有在线会话' }}
        columns={[
          { title: '登录时间', dataIndex: 'createdAt', render: time },
          { title: '最近活动', dataIndex: 'lastSeenAt', render: time },
          { title: '来源地址', dataIndex: 'ip' },
          { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
          {
            title: '状态',
            render: (_, s) =>
              s.pending ? (
                <Tag color="orange">{PENDING[s.pending] ?? s.pending}</Tag>
              ) : (
                <Tag color="green">已登录</Tag>
              ),
          },
        ]}
      />
    </Modal>
  );
}
