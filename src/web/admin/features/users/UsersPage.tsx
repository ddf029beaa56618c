import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Table } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/me';
import { fetchUser, fetchUsers, type User } from './api';
import { OneTimePassword } from './OneTimePassword';
import { PendingRequests } from './PendingRequests';
import { SessionsModal } from './SessionsModal';
import { UserActions, type UserDialog } from './UserActions';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UserForm } from './UserForm';
import { UserRolesForm } from './UserRolesForm';
import { userColumns } from './user-columns';

export default function UsersPage() {
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filters, setFilters] = useState<UserFilterValues>({});
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
  const filter = (f: UserFilterValues) => {
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
      <PendingRequests
        onPassword={(username, password) =>
          setShown({ title: '密码已重置', label: '新密码', username, password })
        }
      />
      <UserFilters
        value={filters}
        onChange={filter}
        extra={
          can('user.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'new', user: null })}
            >
              新建用户
            </Button>
          )
        }
      />
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
        columns={userColumns((u) => (
          <UserActions
            user={u}
            onOpen={(kind) => open(kind, u)}
            onChanged={refresh}
            onPassword={(username, password) =>
              setShown({ title: '密码已重置', label: '新密码', username, password })
            }
          />
        ))}
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
