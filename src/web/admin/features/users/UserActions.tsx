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
  const { message } = App.useApp();
  const self = me?.id === user.id;
  const run = useMutation({
    mutationFn: async (what: 'disable' | 'enable' | 'unlock' | 'end-sessions' | 'reset') => {
      if (what === 'reset') {
        const r = await resetPassword(user.id);
        props.onPassword(user.username, r.password);
        return '密码已重置';
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
      description={opts.description}
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
  const assign = can('user.manage') || can('role.manage');
  return (
    <Space size={0} wrap>
      {manage && (
        <Button type="link" size="small" onClick={() => props.onOpen('edit')}>
          编辑
        </Button>
      )}
      {assign && !self && (
        <Button type="link" size="small" onClick={() => props.onOpen('roles')}>
          分配角色
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
          description: '将生成新密码（只显示一次），该用户的所有会话结束',
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
