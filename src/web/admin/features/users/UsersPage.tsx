import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../shared/me';
import {
  fetchRoleOptions,
  fetchUser,
  fetchUsers,
  SCOPE_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  type User,
} from './api';
import { OneTimePassword } from './OneTimePassword';
import { OrgPicker } from './OrgPicker';
import { SessionsModal } from './SessionsModal';
import { UserActions, type UserDialog } from './UserActions';
import { UserForm } from './UserForm';
import { UserRolesForm } from './UserRolesForm';

type Filters = { q?: string; orgId?: number; role?: string; status?: string };

export default function UsersPage() {
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ kind: UserDialog | 'new'; user: User | null } | null>(null);
  const [shown, setShown] = useState<{
    title: string;
    label?: string;
    username: string;
    password: string;
  } | null>(null);
  const list = useQuery({
    queryKey: ['users', 'list', filters, page],
    queryFn: () => fetchUsers({ ...filters, ...page }),
  });
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoleOptions, enabled: can('role.read') });
  const filter = (f: Filters) => {
    setFilters({ ...filters, ...f });
    setPage({ ...page, page: 1 });
  };
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const open = async (kind: UserDialog, row: User) => {
    try {
      // Lists mask the phone; the form needs the record itself, and its latest version.
      setDialog({ kind, user: kind === 'sessions' ? row : await fetchUser(row.id) });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="搜索用户"
          placeholder="用户名或姓名"
          allowClear
          onSearch={(v) => filter({ q: v.trim() || undefined })}
          style={{ width: 220 }}
        />
        <OrgPicker
          placeholder="所属组织（含下级）"
          allowClear
          value={filters.orgId}
          onChange={(orgId) => filter({ orgId })}
          style={{ width: 220 }}
        />
        {can('role.read') && (
          <Select
            aria-label="角色"
            allowClear
            placeholder="角色"
            style={{ width: 160 }}
            value={filters.role}
            onChange={(role) => filter({ role })}
            options={(roles.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        <Select
          aria-label="状态"
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => filter({ status })}
          options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {can('user.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'new', user: null })}
          >
            新建用户
          </Button>
        )}
      </Space>
      <Table<User>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1300 }}
        locale={{ emptyText: '没有符合条件的用户' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 130 },
          { title: '姓名', dataIndex: 'displayName', width: 100 },
          { title: '所属组织', dataIndex: 'orgName', width: 140 },
          { title: '数据范围', dataIndex: 'dataScope', width: 100, render: (s) => SCOPE_LABELS[s] ?? s },
          {
            title: '角色',
            width: 200,
            render: (_, u) =>
              u.roles.map((r) => (
                <Tag key={r.code} color={r.adminClass ? 'red' : 'blue'}>
                  {r.name}
                </Tag>
              )),
          },
          { title: '手机', dataIndex: 'phone', width: 120 },
          {
            title: '状态',
            width: 90,
            render: (_, u) => {
              const tag = <Tag color={STATUS_COLORS[u.status]}>{STATUS_LABELS[u.status]}</Tag>;
              if (u.status !== 'locked' || !u.lockedUntil) return tag;
              return <Tooltip title={`锁定至 ${dayjs(u.lockedUntil).format('HH:mm')}`}>{tag}</Tooltip>;
            },
          },
          {
            title: '最近登录',
            dataIndex: 'lastLoginAt',
            width: 140,
            render: (v) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '从未登录'),
          },
          {
            title: '操作',
            fixed: 'right',
            width: 260,
            render: (_, u) => (
              <UserActions
                user={u}
                onOpen={(kind) => open(kind, u)}
                onChanged={refresh}
                onPassword={(username, password) =>
                  setShown({ title: '密码已重置', label: '新密码', username, password })
                }
              />
            ),
          },
        ]}
      />
      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <UserForm
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(created) => {
            setDialog(null);
            refresh();
            if (created)
              setShown({ title: '用户已创建', username: created.user.username, password: created.password });
          }}
        />
      )}
      {dialog?.kind === 'roles' && dialog.user && (
        <UserRolesForm
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'sessions' && dialog.user && (
        <SessionsModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
      {shown && <OneTimePassword {...shown} onClose={() => setShown(null)} />}
    </>
  );
}
