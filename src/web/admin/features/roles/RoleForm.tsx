import { useQuery } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { ADMIN_CLASS_LABELS, createRole, fetchPermissions, type Role, updateRole } from './api';
import { PermissionChecklist } from './PermissionChecklist';

/** Create a custom role, or edit a role's name, two-factor requirement and permissions. */
export function RoleForm(props: { role: Role | null; onClose: () => void; onSaved: () => void }) {
  const { role } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const catalogue = useQuery({ queryKey: ['roles', 'permissions'], queryFn: fetchPermissions });
  return (
    <Modal
      open
      title={role ? `编辑角色：${role.name}` : '新建自定义角色'}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={720}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          role?.adminClass
            ? `${ADMIN_CLASS_LABELS[role.adminClass]}：按三员分立，只能拥有本类管理员的权限，且必须要求两步验证。`
            : '三员分立：业务角色不能拥有管理用户、管理角色与权限、审计日志的权限。'
        }
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={role ?? { mfaRequired: false, permissions: [] }}
        onFinish={async (v) => {
          setBusy(true);
          const body = {
            name: v.name,
            description: v.description || null,
            mfaRequired: !!v.mfaRequired,
            permissions: v.permissions ?? [],
          };
          try {
            if (role) await updateRole(role.id, { ...body, version: role.version });
            else await createRole({ ...body, code: v.code });
            message.success(role ? '已保存，拥有该角色的用户下次操作时生效' : '角色已创建');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {!role && (
          <Form.Item
            name="code"
            label="角色编码"
            extra="创建后不能修改，如 village_clerk"
            rules={[
              { required: true, message: '请输入角色编码' },
              { pattern: /^[a-z][a-z0-9_]{1,30}$/, message: '以小写字母开头，2–31 位小写字母、数字或下划线' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="角色名称"
          rules={[
            { required: true, whitespace: true, message: '请输入角色名称' },
            { max: 30, message: '不超过 30 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item name="mfaRequired" label="要求两步验证" valuePropName="checked">
          <Switch checkedChildren="要求" unCheckedChildren="不要求" disabled={!!role?.adminClass} />
        </Form.Item>
        <Form.Item name="permissions" label="权限">
          <PermissionChecklist catalogue={catalogue.data ?? []} adminClass={role?.adminClass ?? null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
