import { Spin } from 'antd';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { allowed, FEATURES } from './features';
import { LoginPage } from './features/auth/LoginPage';
import { SetupPage } from './features/auth/SetupPage';
import { AppLayout } from './shared/AppLayout';
import { MeProvider, useCan, useMe } from './shared/me';

const Loading = () => (
  <div style={{ padding: 80, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

function Guarded() {
  const { me, loading } = useMe();
  const can = useCan();
  if (loading) return <Loading />;
  if (!me || me.pending) return <Navigate to="/login" replace />;
  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Routes>
          {FEATURES.filter((f) => allowed(f, can)).map((f) => (
            <Route key={f.path} path={f.path} element={<f.page />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

function NotFound() {
  return <div style={{ padding: 48, textAlign: 'center', color: '#888' }}>页面不存在，或您没有访问权限</div>;
}

export function AppRoutes() {
  return (
    <BrowserRouter>
      <MeProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/*" element={<Guarded />} />
        </Routes>
      </MeProvider>
    </BrowserRouter>
  );
}
