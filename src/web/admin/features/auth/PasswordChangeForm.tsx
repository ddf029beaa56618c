import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';

/** Change one's own password: used at a forced change after login and on the profile page. */
export function PasswordChangeForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        setBusy(true);
        try {
          await api('POST', '/api/v1/me/password', { current: v.current, next: v.next });
          message.success('密码已修改');
          form.resetFields();
          await onDone();
        } catch (e) {
          const msg = applyServerErrors(form, e);
          if (!form.getFieldError('next').length && !form.getFieldError('current').length) message.error(msg);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item name="current" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="next"
        label="新密码"
        extra="至少 8 位，包含大写字母、小写字母、数字、特殊字符中的至少 3 类"
        rules={[{ required: true, message: '请输入新密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['next']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('next')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}
