import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Popconfirm, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useCan, useMe } from '../../shared/me';
import {
  confirmReset,
  fetchResetRequests,
  fetchRoleRequests,
  grantRoleRequest,
  type ResetRequest,
  type RoleRequest,
  refuseReset,
  refuseRoleRequest,
} from './api';

const who = (u: RoleRequest['user']) => (
  <>
    {u.displayName}
    <Typography.Text type="secondary">
      （{u.username}，{u.orgName}）
    </Typography.Text>
  </>
);
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * The two-person steps of 三员分立, above the user table: roles waiting for the security
 * administrator's grant (待授权), and password resets waiting for a second administrator, who alone
 * receives the new password. Hidden when nothing waits.
 */
export function PendingRequests(props: { onPassword: (username: string, password: string) => void }) {
  const can = useCan();
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const roleRequests = useQuery({ queryKey: ['users', 'role-requests'], queryFn: fetchRoleRequests });
  const resetRequests = useQuery({ queryKey: ['users', 'password-resets'], queryFn: fetchResetRequests });
  const done = (text: string) => {
    message.success(text);
    client.invalidateQueries({ queryKey: ['users'] });
  };
  const onError = (e: Error) => message.error(e.message);
  const decideRole = useMutation({
    mutationFn: async ({ r, grant }: { r: RoleRequest; grant: boolean }) => {
      if (!grant) {
        await refuseRoleRequest(r.id);
        return '已处理';
      }
      await grantRoleRequest(r.id);
      return '已授权，该用户需重新登录';
    },
    onSuccess: done,
    onError,
  });
  const decideReset = useMutation({
    mutationFn: async ({ r, confirm }: { r: ResetRequest; confirm: boolean }) => {
      if (!confirm) {
        await refuseReset(r.id);
        return '已处理，密码未变';
      }
      const res = await confirmReset(r.id);
      props.onPassword(res.user.username, res.password);
      return '密码已重置';
    },
    onSuccess: done,
    onError,
  });
  const roles = roleRequests.data ?? [];
  const resets = resetRequests.data ?? [];
  if (!roles.length && !resets.length) return null;
  const mine = (requestedById: number) => requestedById === me?.id;

  const roleTable = (
    <Table<RoleRequest>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={roles}
      columns={[
        { title: '用户', render: (_, r) => who(r.user) },
        {
          title: '提请授权的角色',
          render: (_, r) => <Tag color={r.role.adminClass ? 'red' : 'blue'}>{r.role.name}</Tag>,
        },
        { title: '提请人', dataIndex: 'requestedBy' },
        { title: '提请时间', render: (_, r) => when(r.requestedAt) },
        {
          title: '提示',
          render: (_, r) => (
            <Space size={4} wrap>
              {r.passwordSetByAdmin && (
                <Tooltip title="该账号的当前密码由管理员设置（新建或重置），本人尚未修改：授权前请与本人核实">
                  <Tag color="warning">密码由管理员设置</Tag>
                </Tooltip>
              )}
              {!r.totpEnabled && <Tag>未启用两步验证</Tag>}
            </Space>
          ),
        },
        {
          title: '操作',
          width: 150,
          render: (_, r) => (
            <Space size={0}>
              {can('role.manage') && (
                <Popconfirm
                  title={`确定授予“${r.user.displayName}”${r.role.name}角色吗？`}
                  description="授权后立即生效，该用户的所有会话结束，需重新登录"
                  okText="授权"
                  cancelText="取消"
                  onConfirm={() => decideRole.mutate({ r, grant: true })}
                >
                  <Button type="link" size="small">
                    授权
                  </Button>
                </Popconfirm>
              )}
              {(can('role.manage') || mine(r.requestedById)) && (
                <Popconfirm
                  title={can('role.manage') ? '确定拒绝该授权申请吗？' : '确定撤回该授权申请吗？'}
                  okText="确定"
                  cancelText="取消"
                  onConfirm={() => decideRole.mutate({ r, grant: false })}
                >
                  <Button type="link" size="small" danger>
                    {can('role.manage') ? '拒绝' : '撤回'}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
  const resetTable = (
    <Table<ResetRequest>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={resets}
      columns={[
        { title: '用户', render: (_, r) => who(r.user) },
        { title: '原因', dataIndex: 'reasonLabel' },
        { title: '申请人', dataIndex: 'requestedBy' },
        { title: '申请时间', render: (_, r) => when(r.requestedAt) },
        {
          title: '操作',
          width: 170,
          render: (_, r) => (
            <Space size={0}>
              {r.confirmable && (
                <Popconfirm
                  title={`确定重置“${r.user.displayName}”的密码吗？`}
                  description="新密码只向您显示一次，请当面或电话告知本人；本人会收到重置通知"
                  okText="确认重置"
                  cancelText="取消"
                  onConfirm={() => decideReset.mutate({ r, confirm: true })}
                >
                  <Button type="link" size="small" danger>
                    确认重置
                  </Button>
                </Popconfirm>
              )}
              {r.user.id !== me?.id && (
                <Popconfirm
                  title={mine(r.requestedById) ? '确定撤回该重置申请吗？' : '确定拒绝该重置申请吗？'}
                  okText="确定"
                  cancelText="取消"
                  onConfirm={() => decideReset.mutate({ r, confirm: false })}
                >
                  <Button type="link" size="small">
                    {mine(r.requestedById) ? '撤回' : '拒绝'}
                  </Button>
                </Popconfirm>
              )}
              {mine(r.requestedById) && <Typography.Text type="secondary">待他人确认</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
  const tabs = [
    roles.length && {
      key: 'roles',
      label: (
        <Badge count={roles.length} offset={[10, 0]} size="small">
          待授权角色
        </Badge>
      ),
      children: roleTable,
    },
    resets.length && {
      key: 'resets',
      label: (
        <Badge count={resets.length} offset={[10, 0]} size="small">
          待确认的密码重置
        </Badge>
      ),
      children: resetTable,
    },
  ].filter((x) => !!x) as { key: string; label: ReactNode; children: ReactNode }[];
  return (
    <Card
      size="small"
      title="待处理的申请（三员分立）"
      style={{ marginBottom: 16 }}
      data-testid="pending-requests"
    >
      <Tabs items={tabs} size="small" />
    </Card>
  );
}
