import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useCan, useMe } from '../../shared/me';
import { resetPassword, type User, userAction } from './api';

export type UserDialog = 'edit' | 'roles' | 'sessions';

/** The row actions of the user table, each behind a confirmation; hidden where the caller may not use them. */
export function UserActions(props: {
  user: User;
  onOpen: (dialog: UserDialog) => void;
  onChanged: () => void;
  onPassword: (username: string, password: string) => void;
}) {
  const { user } = props;
  const can = useCan();
  const { me } = useMe();
  const { message, modal } = App.useApp();
  const self = me?.id === user.id;
  const run = useMutation({
    mutationFn: async (what: 'disable' | 'enable' | 'unlock' | 'end-sessions' | 'reset') => {
      if (what === 'reset') {
        const r = await resetPassword(user.id);
        if (r.outcome === 'reset') {
          props.onPassword(user.username, r.password);
          return '密码已重置';
        }
        // an administrator's account, or one that reads cases without a second factor: a second administrator confirms
        modal.info({
          title: '已提交重置申请',
          content: `${r.message}。确认人将获得新密码并负责当面告知本人；您不会看到新密码。`,
          okText: '知道了',
        });
        return '已提交重置申请，等待另一名管理员确认';
      }
      const done = { disable: '已停用', enable: '已启用', unlock: '已解锁', 'end-sessions': '已强制下线' };
      await userAction(user.id, what);
      return done[what];
    },
    onSuccess: (text) => {
      message.success(text);
      props.onChanged();
    },
    onError: (e) => message.error(e.message),
  });
  const confirm = (
    title: string,
    what: Parameters<typeof run.mutate>[0],
    label: string,
    opts: { danger?: boolean; description?: string } = {},
  ) => (
    <Popconfirm
      title={title}
      description={opts.description && <div style={{ maxWidth: 380 }}>{opts.description}</div>}
      okText="确定"
      cancelText="取消"
      onConfirm={() => run.mutate(what)}
    >
      <Button type="link" size="small" danger={opts.danger}>
        {label}
      </Button>
    </Popconfirm>
  );
  const manage = can('user.manage');
  // roles are granted by the security administrator; the system administrator proposes them (待授权)
  const grant = can('role.manage');
  const propose = manage && !grant;
  return (
    <Space size={0} wrap>
      {manage && (
        <Button type="link" size="small" onClick={() => props.onOpen('edit')}>
          编辑
        </Button>
      )}
      {(grant || propose) && !self && (
        <Button type="link" size="small" onClick={() => props.onOpen('roles')}>
          {grant ? '分配角色' : '提请授权'}
        </Button>
      )}
      {manage &&
        !self &&
        user.status !== 'disabled' &&
        confirm(`确定停用“${user.displayName}”吗？`, 'disable', '停用', {
          danger: true,
          description: '停用后该用户的所有会话立即结束，且不能再登录',
        })}
      {manage &&
        !self &&
        user.status === 'disabled' &&
        confirm(`确定启用“${user.displayName}”吗？`, 'enable', '启用')}
      {manage && user.status === 'locked' && confirm(`确定解锁“${user.displayName}”吗？`, 'unlock', '解锁')}
      {manage &&
        !self &&
        confirm(`确定重置“${user.displayName}”的密码吗？`, 'reset', '重置密码', {
          danger: true,
          description:
            '将生成新密码（只显示一次），该用户的所有会话结束，本人会收到重置通知。管理员账号，或可查看案件内容且未启用两步验证的账号，须由另一名管理员确认。',
        })}
      {manage && (
        <Button type="link" size="small" onClick={() => props.onOpen('sessions')}>
          会话
        </Button>
      )}
      {manage &&
        !self &&
        confirm(`确定让“${user.displayName}”的所有会话下线吗？`, 'end-sessions', '强制下线', {
          description: '该用户需要重新登录',
        })}
    </Space>
  );
}
