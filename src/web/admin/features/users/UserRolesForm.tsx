import { useQuery } from '@tanstack/react-query';
import { Alert, App, Checkbox, Divider, Form, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { fetchRoleOptions, proposeRoles, type RoleOption, setUserRoles, type User } from './api';

/**
 * A user's roles. The security administrator (role.manage) grants and revokes them; the system
 * administrator only proposes roles, which wait for that grant (待授权) — so the one who knows an
 * account's password never decides what it may do.
 */
export function UserRolesForm(props: { user: User; onClose: () => void; onSaved: () => void }) {
  const { user } = props;
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const can = useCan();
  const grant = can('role.manage');
  const [busy, setBusy] = useState(false);
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoleOptions });
  const held = new Set(user.roles.map((r) => r.code));
  const waiting = new Set(user.pendingRoles.map((r) => r.code));
  const admin = (roles.data ?? []).filter((r) => r.adminClass);
  const business = (roles.data ?? []).filter((r) => !r.adminClass);
  // proposing: what is held or already waiting cannot be proposed again
  const disabled = (r: RoleOption) => !grant && (held.has(r.code) || waiting.has(r.code));
  const boxes = (list: RoleOption[]) =>
    list.map((r) => (
      <Checkbox key={r.code} value={r.code} disabled={disabled(r)}>
        {r.name}
        {waiting.has(r.code) && (
          <Tag color="orange" style={{ marginLeft: 4 }}>
            待授权
          </Tag>
        )}
      </Checkbox>
    ));
  const save = async (codes: string[]) => {
    setBusy(true);
    try {
      if (grant) {
        await setUserRoles(user.id, { roles: codes, version: user.version });
        message.success('角色已更新，该用户需重新登录');
      } else {
        await proposeRoles(
          user.id,
          codes.filter((c) => !held.has(c) && !waiting.has(c)),
        );
        message.success('已提请授权，等待安全保密管理员处理');
      }
      props.onSaved();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${grant ? '分配角色' : '提请授权角色'}：${user.displayName}（${user.username}）`}
      okText={grant ? '保存' : '提请授权'}
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
        title={
          grant
            ? '三员分立：角色由安全保密管理员授予或撤销；管理员角色只能由不同账号担任，且不能兼任业务角色。保存后该用户需重新登录。'
            : '三员分立：系统管理员只能提请授权，所选角色须经安全保密管理员授权后才生效。'
        }
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: [...held, ...(grant ? [] : waiting)] }}
        onFinish={(v) => {
          const codes: string[] = v.roles ?? [];
          if (!grant) return save(codes);
          const added = codes.filter((c) => !held.has(c));
          const removed = [...held].filter((c) => !codes.includes(c));
          const name = (c: string) => roles.data?.find((r) => r.code === c)?.name ?? c;
          modal.confirm({
            title: `确定修改“${user.displayName}”的角色吗？`,
            content: [
              added.length ? `授予：${added.map(name).join('、')}` : '',
              removed.length ? `撤销：${removed.map(name).join('、')}` : '',
              '保存后该用户的所有会话结束，需重新登录。',
            ]
              .filter(Boolean)
              .join('；'),
            okText: '确定',
            cancelText: '取消',
            onOk: () => save(codes),
          });
        }}
      >
        <Form.Item name="roles" label="角色">
          <Checkbox.Group style={{ width: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Divider titlePlacement="start" plain>
                业务角色
              </Divider>
              <Space wrap>{boxes(business)}</Space>
              <Divider titlePlacement="start" plain>
                管理员角色（三员）
              </Divider>
              <Space wrap>{boxes(admin)}</Space>
            </Space>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
