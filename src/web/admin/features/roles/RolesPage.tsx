import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useCan, useMe } from '../../shared/me';
import { ADMIN_CLASS_LABELS, deleteRole, fetchPermissions, fetchRoles, type Role } from './api';
import { PermissionChecklist } from './PermissionChecklist';
import { RoleForm } from './RoleForm';

export default function RolesPage() {
  const can = useCan();
  const { me } = useMe();
  const manage = can('role.manage');
  // never one's own role: nobody widens the role they sign in with (the server refuses it too)
  const own = (r: Role) => !!me?.roles.includes(r.code);
  const { message } = App.useApp();
  const client = useQueryClient();
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoles });
  const catalogue = useQuery({ queryKey: ['roles', 'permissions'], queryFn: fetchPermissions });
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['roles'] });
  const remove = useMutation({
    mutationFn: deleteRole,
    onSuccess: () => {
      message.success('已删除');
      refresh();
    },
    onError: (e) => message.error(e.message),
  });

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建自定义角色
          </Button>
        )}
      </Space>
      <Table<Role>
        rowKey="id"
        loading={roles.isLoading}
        dataSource={roles.data}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <PermissionChecklist
              catalogue={catalogue.data ?? []}
              adminClass={r.adminClass}
              value={r.permissions}
              readOnly
            />
          ),
        }}
        columns={[
          { title: '角色名称', dataIndex: 'name' },
          { title: '编码', dataIndex: 'code' },
          {
            title: '类型',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.builtin ? <Tag>内置</Tag> : <Tag color="blue">自定义</Tag>}
                {r.adminClass && <Tag color="red">{ADMIN_CLASS_LABELS[r.adminClass]}</Tag>}
              </Space>
            ),
          },
          { title: '两步验证', dataIndex: 'mfaRequired', render: (v) => (v ? '要求' : '不要求') },
          { title: '权限数', render: (_, r) => r.permissions.length },
          { title: '用户数', dataIndex: 'userCount' },
          ...(manage
            ? [
                {
                  title: '操作',
                  width: 160,
                  render: (_: unknown, r: Role) => (
                    <Space size={0}>
                      {own(r) ? (
                        <Tooltip title="三员分立：不能修改自己拥有的角色">
                          <Button type="link" size="small" disabled>
                            编辑权限
                          </Button>
                        </Tooltip>
                      ) : (
                        <Button type="link" size="small" onClick={() => setEditing(r)}>
                          编辑权限
                        </Button>
                      )}
                      {!r.builtin && (
                        <Popconfirm
                          title={`确定删除角色“${r.name}”吗？`}
                          description={
                            r.userCount ? `还有 ${r.userCount} 个用户拥有该角色，需先撤销` : '删除后不可恢复'
                          }
                          okText="确定"
                          cancelText="取消"
                          onConfirm={() => remove.mutate(r.id)}
                        >
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <RoleForm
          role={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
