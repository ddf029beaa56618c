import { useQuery } from '@tanstack/react-query';
import { Alert, App, Checkbox, Divider, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { fetchRoleOptions, type RoleOption, setUserRoles, type User } from './api';

/** Assigns roles: business roles by the system administrator, the three administrator roles by the security administrator. */
export function UserRolesForm(props: { user: User; onClose: () => void; onSaved: () => void }) {
  const { user } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoleOptions });
  const admin = (roles.data ?? []).filter((r) => r.adminClass);
  const business = (roles.data ?? []).filter((r) => !r.adminClass);
  const options = (list: RoleOption[], allowed: boolean) =>
    list.map((r) => ({ value: r.code, label: r.name, disabled: !allowed }));
  return (
    <Modal
      open
      title={`分配角色：${user.displayName}（${user.username}）`}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="三员分立：系统管理员、安全保密管理员、安全审计员只能由不同账号担任，且不能兼任业务角色。保存后该用户需重新登录。"
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: user.roles.map((r) => r.code) }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await setUserRoles(user.id, { roles: v.roles ?? [], version: user.version });
            message.success('角色已更新，该用户需重新登录');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="roles" label="角色">
          <Checkbox.Group style={{ width: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Divider titlePlacement="start" plain>
                业务角色{can('user.manage') ? '' : '（由系统管理员分配）'}
              </Divider>
              <Space wrap>
                {options(business, can('user.manage')).map((o) => (
                  <Checkbox key={o.value} value={o.value} disabled={o.disabled}>
                    {o.label}
                  </Checkbox>
                ))}
              </Space>
              <Divider titlePlacement="start" plain>
                管理员角色（三员）{can('role.manage') ? '' : '（由安全保密管理员分配）'}
              </Divider>
              <Space wrap>
                {options(admin, can('role.manage')).map((o) => (
                  <Checkbox key={o.value} value={o.value} disabled={o.disabled}>
                    {o.label}
                  </Checkbox>
                ))}
              </Space>
            </Space>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
