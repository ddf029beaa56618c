import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { createUser, fetchRoleOptions, grantableScopes, SCOPE_LABELS, type User, updateUser } from './api';
import { OrgPicker } from './OrgPicker';

/** Create or edit an account. A new account's generated password goes back to the page, to be shown once. */
export function UserForm(props: {
  user: User | null;
  onClose: () => void;
  onSaved: (created?: { user: User; password: string }) => void;
}) {
  const { user } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { me } = useMe();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const roles = useQuery({
    queryKey: ['roles'],
    queryFn: fetchRoleOptions,
    enabled: !user && can('role.read'),
  });
  // Whoever creates the account only proposes its roles: a security administrator grants them (待授权).
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const scopes = grantableScopes(me?.dataScope ?? 'self').map((s) => ({ value: s, label: SCOPE_LABELS[s] }));
  return (
    <Modal
      open
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={user ?? { dataScope: 'org', roles: [] }}
        onFinish={async (v) => {
          setBusy(true);
          const profile = {
            displayName: v.displayName,
            orgId: v.orgId,
            dataScope: v.dataScope,
            phone: v.phone || null,
            email: v.email || null,
          };
          try {
            if (user) {
              await updateUser(user.id, { ...profile, version: user.version });
              message.success('已保存');
              props.onSaved();
            } else {
              props.onSaved(await createUser({ ...profile, username: v.username, roles: v.roles ?? [] }));
            }
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {!user && (
          <Form.Item
            name="username"
            label="用户名"
            extra="登录用，创建后不能修改"
            rules={[
              { required: true, message: '请输入用户名' },
              {
                pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
                message: '以字母开头，3–32 位字母、数字、下划线、点或连字符',
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 40, message: '不超过 40 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label="所属组织" rules={[{ required: true, message: '请选择所属组织' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          name="dataScope"
          label="数据范围"
          extra="能看到哪些组织的数据；不能大于您自己的范围"
          rules={[{ required: true, message: '请选择数据范围' }]}
        >
          <Select options={scopes} />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号码"
          rules={[{ pattern: /^1\d{10}$/, message: '请输入 11 位手机号码' }]}
        >
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
          <Input maxLength={100} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="roles"
            label="提请授权的角色"
            extra="三员分立：角色须经安全保密管理员授权后才生效，此前显示为“待授权”"
          >
            <Select
              mode="multiple"
              options={roleOptions}
              placeholder="可稍后再提请"
              loading={roles.isLoading}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
