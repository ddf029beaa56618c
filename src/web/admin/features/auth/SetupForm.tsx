import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { runSetup, type SetupInput, type SetupResult } from './setup-api';

export function SetupForm({ onDone }: { onDone: (r: SetupResult) => void }) {
  const [form] = Form.useForm<SetupInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        setBusy(true);
        setError(null);
        try {
          onDone(await runSetup(v));
        } catch (e) {
          setError(applyServerErrors(form, e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="orgName"
        label="区（县）名称"
        rules={[{ required: true, message: '请输入区（县）名称' }]}
      >
        <Input placeholder="如：新城区" maxLength={60} />
      </Form.Item>
      <Form.Item
        name="username"
        label="管理员用户名"
        extra="3–32 位字母、数字、下划线、点或连字符，以字母开头"
        rules={[{ required: true, message: '请输入用户名' }]}
      >
        <Input autoComplete="username" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="password"
        label="密码"
        extra="至少 8 位，包含大写字母、小写字母、数字、特殊字符中的至少 3 类，不能包含用户名"
        rules={[{ required: true, message: '请输入密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认密码"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        完成初始化
      </Button>
    </Form>
  );
}
