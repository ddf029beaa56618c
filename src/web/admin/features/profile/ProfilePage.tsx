import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, QRCode, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { PasswordChangeForm } from '../auth/PasswordChangeForm';

/** 个人设置: one's own password, second factor and sessions. */
export default function ProfilePage() {
  const { me, refresh } = useMe();
  const { message } = App.useApp();
  const nav = useNavigate();
  const client = useQueryClient();
  if (!me) return null;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card title="修改密码" size="small" style={{ marginBottom: 16 }}>
          {me.passwordReset && (
            <Alert
              type={me.passwordReset.current ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              message={`最近一次管理员重置：${me.passwordReset.notice}`}
              description="如非您本人申请，请立即联系安全保密管理员。"
            />
          )}
          <PasswordChangeForm
            onDone={async () => {
              await refresh();
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="两步验证（TOTP）" size="small" style={{ marginBottom: 16 }}>
          {me.totpEnabled ? <TotpEnabled onChange={refresh} /> : <TotpEnrol onChange={refresh} />}
        </Card>
        <Card title="登录会话" size="small">
          <Typography.Paragraph type="secondary">
            如怀疑账号在其他设备上登录，可结束本账号的全部会话（包括当前会话）。
          </Typography.Paragraph>
          <Popconfirm
            title="确定退出全部设备上的登录吗？"
            onConfirm={async () => {
              const r = await api<{ ended: number }>('POST', '/api/v1/auth/logout-all');
              message.success(`已结束 ${r.ended} 个会话`);
              client.setQueryData(['me'], null);
              nav('/login');
            }}
          >
            <Button danger>退出全部设备</Button>
          </Popconfirm>
        </Card>
      </Col>
    </Row>
  );
}

function TotpEnabled({ onChange }: { onChange: () => Promise<unknown> }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  return (
    <>
      <Alert
        type="success"
        showIcon
        message="两步验证已启用：登录时需输入验证器中的 6 位验证码"
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          try {
            await api('POST', '/api/v1/me/totp/disable', v);
            message.success('两步验证已关闭');
            await onChange();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          }
        }}
      >
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password />
        </Form.Item>
        <Button htmlType="submit">关闭两步验证</Button>
      </Form>
    </>
  );
}

function TotpEnrol({ onChange }: { onChange: () => Promise<unknown> }) {
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  if (!setup) {
    return (
      <Space direction="vertical">
        <Typography.Text>启用后，登录时除密码外还需输入手机验证器应用生成的验证码。</Typography.Text>
        <Button type="primary" onClick={async () => setSetup(await api('POST', '/api/v1/me/totp/setup'))}>
          启用两步验证
        </Button>
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <QRCode value={setup.uri} size={160} />
      <Typography.Text>
        密钥：
        <Typography.Text code copyable>
          {setup.secret}
        </Typography.Text>
      </Typography.Text>
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          try {
            await api('POST', '/api/v1/me/totp/enable', v);
            message.success('两步验证已启用');
            setSetup(null);
            await onChange();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          }
        }}
      >
        <Form.Item
          name="code"
          label="验证码"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}
        >
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          完成绑定
        </Button>
      </Form>
    </Space>
  );
}
