import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, QRCode, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, setCsrfToken } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { PasswordChangeForm } from './PasswordChangeForm';
import { useSetupState } from './setup-api';

type Step = 'password' | 'totp' | 'password_change' | 'totp_enrol';

export function LoginPage() {
  const { me, loading, refresh } = useMe();
  const nav = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const step: Step = me?.pending ?? 'password';
  const setupNeeded = useSetupState().data?.needed;

  // A system without any account starts at the first-run setup page.
  useEffect(() => {
    if (setupNeeded) nav('/setup', { replace: true });
  }, [setupNeeded, nav]);

  useEffect(() => {
    if (!loading && me && !me.pending) nav('/', { replace: true });
  }, [me, loading, nav]);

  const after = async () => {
    setError(null);
    await client.invalidateQueries({ queryKey: ['me'] });
    await refresh();
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg,#7f1d1d,#b71c1c 60%,#c62828)',
      }}
    >
      <Card style={{ width: 420, maxWidth: '94vw' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          干部监督管理系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {STEP_TITLES[step]}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {step === 'password' && <PasswordStep onDone={after} onError={setError} />}
        {setupNeeded && (
          <Button type="link" block onClick={() => nav('/setup')}>
            系统尚未初始化，前往首次设置
          </Button>
        )}
        {step === 'totp' && <TotpStep onDone={after} onError={setError} />}
        {step === 'password_change' && (
          <>
            {me?.passwordReset?.current && (
              <Alert
                type="error"
                showIcon
                data-testid="password-reset-notice"
                message={`${me.passwordReset.notice}`}
                description="如果不是您本人申请的，请立即联系安全保密管理员。"
                style={{ marginBottom: 16 }}
              />
            )}
            <Alert
              type="warning"
              showIcon
              message="首次登录或密码已过期，请设置新密码"
              style={{ marginBottom: 16 }}
            />
            <PasswordChangeForm onDone={after} />
          </>
        )}
        {step === 'totp_enrol' && <EnrolStep onDone={after} onError={setError} />}
        {step !== 'password' && (
          <Button
            type="link"
            block
            onClick={async () => {
              await api('POST', '/api/v1/auth/logout').catch(() => {});
              client.setQueryData(['me'], null);
            }}
          >
            返回登录
          </Button>
        )}
      </Card>
    </div>
  );
}

const STEP_TITLES: Record<Step, string> = {
  password: '请使用您的账号登录',
  totp: '请输入验证器应用中的 6 位验证码',
  password_change: '修改密码',
  totp_enrol: '您的角色要求启用两步验证',
};

type StepProps = { onDone: () => Promise<void>; onError: (m: string | null) => void };

/**
 * The password form. When this address is locked for the account (423), the owner may unlock it
 * with the password and a code from the authenticator app, and is signed in at once.
 */
function PasswordStep({ onDone, onError }: StepProps) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  return (
    <Form
      form={form}
      size="large"
      onFinish={async (v) => {
        setBusy(true);
        try {
          const r = await api<{ csrfToken: string }>(
            'POST',
            unlocking ? '/api/v1/auth/unlock' : '/api/v1/auth/login',
            v,
          );
          setCsrfToken(r.csrfToken);
          await onDone();
        } catch (e) {
          if (e instanceof ApiError && e.code === 'locked') setLocked(true);
          onError(applyServerErrors(form, e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {unlocking && (
        <Alert
          type="info"
          showIcon
          message="输入密码和验证器应用中的 6 位验证码，验证通过即解除此地址的暂停并登录"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item name="username" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
      </Form.Item>
      {unlocking && (
        <Form.Item
          name="code"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}
        >
          <Input
            prefix={<SafetyCertificateOutlined />}
            placeholder="6 位验证码"
            inputMode="numeric"
            maxLength={6}
            autoComplete="one-time-code"
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={busy}>
        {unlocking ? '验证并解锁' : '登录'}
      </Button>
      {locked && !unlocking && (
        <Button
          type="link"
          block
          onClick={() => {
            setUnlocking(true);
            onError(null);
          }}
        >
          已启用两步验证？用验证码解锁
        </Button>
      )}
      {unlocking && (
        <Button type="link" block onClick={() => setUnlocking(false)}>
          返回密码登录
        </Button>
      )}
    </Form>
  );
}

function TotpStep({ onDone, onError }: StepProps) {
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      size="large"
      onFinish={async (v) => {
        try {
          await api('POST', '/api/v1/auth/totp', v);
          await onDone();
        } catch (e) {
          onError(applyServerErrors(form, e));
        }
      }}
    >
      <Form.Item
        name="code"
        rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}
      >
        <Input
          prefix={<SafetyCertificateOutlined />}
          placeholder="6 位验证码"
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block>
        验证
      </Button>
    </Form>
  );
}

function EnrolStep({ onDone, onError }: StepProps) {
  const { message } = App.useApp();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [form] = Form.useForm();
  return setup ? (
    <div>
      <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 12 }}>
        <QRCode value={setup.uri} size={180} />
      </div>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        用验证器应用扫描二维码，或手动输入密钥：
        <br />
        <Typography.Text code copyable data-testid="totp-secret">
          {setup.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        size="large"
        onFinish={async (v) => {
          try {
            await api('POST', '/api/v1/me/totp/enable', v);
            message.success('两步验证已启用');
            await onDone();
          } catch (e) {
            onError(applyServerErrors(form, e));
          }
        }}
      >
        <Form.Item
          name="code"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}
        >
          <Input placeholder="输入验证器显示的 6 位验证码" inputMode="numeric" maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          完成绑定
        </Button>
      </Form>
    </div>
  ) : (
    <Button
      type="primary"
      block
      size="large"
      onClick={async () => {
        try {
          setSetup(await api('POST', '/api/v1/me/totp/setup'));
        } catch (e) {
          onError(e instanceof Error ? e.message : '操作失败');
        }
      }}
    >
      生成两步验证密钥
    </Button>
  );
}
