import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { SetupForm } from './SetupForm';
import { type SetupResult, useSetupState } from './setup-api';

/** First-run page: creates the district and its system administrator while no account exists. */
export function SetupPage() {
  const state = useSetupState();
  const client = useQueryClient();
  const nav = useNavigate();
  const [done, setDone] = useState<SetupResult | null>(null);
  const toLogin = (
    <Button type="primary" onClick={() => nav('/login', { replace: true })}>
      前往登录
    </Button>
  );

  let body: ReactNode;
  if (done) {
    body = (
      <Result
        status="success"
        title="初始化完成"
        subTitle={`已创建系统管理员「${done.username}」（${done.orgName}）。请使用该账号登录；首次登录时须用验证器应用绑定两步验证。`}
        extra={toLogin}
      />
    );
  } else if (state.isLoading) {
    body = <Spin style={{ display: 'block', margin: 48 }} />;
  } else if (state.isError) {
    body = <Alert type="error" showIcon message={state.error.message} />;
  } else if (!state.data?.needed) {
    body = <Result status="info" title="系统已完成初始化" subTitle="请使用已有账号登录。" extra={toLogin} />;
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">
          系统尚无任何账号。请在服务器本机上填写本区（县）名称并设置系统管理员账号；也可以在服务器上执行
          <Typography.Text code>jiandu create-admin</Typography.Text>。
        </Typography.Paragraph>
        <SetupForm
          onDone={(r) => {
            client.setQueryData(['setup'], { needed: false });
            setDone(r);
          }}
        />
      </>
    );
  }

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
      <Card style={{ width: 480, maxWidth: '94vw' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 16 }}>
          干部监督管理系统 · 首次设置
        </Typography.Title>
        {body}
      </Card>
    </div>
  );
}
