import { lazy, Suspense } from 'react';
import { BallotPage } from './pages/BallotPage';
import { Home } from './pages/Home';
import { NoticesPage } from './pages/NoticesPage';
import { ReportPage } from './pages/ReportPage';
import { StatusPage } from './pages/StatusPage';
import { Link, usePath } from './router';

// 政务公开/村务公开 and the pledge boards: their own chunk, loaded when first opened
const OpennessPages = lazy(() => import('./openness/OpennessPages'));

/** The public portal: 首页, 任前公示, 我要举报 (→ 提交成功 with the receipt code), 查询进度, 民主测评 (a one-time code). */
export function App() {
  const path = usePath();
  const notice = path.match(/\/notices\/(\d+)$/);
  const page = /\/(open|pledges)(\/|$)/.test(path) ? (
    <Suspense fallback={<p className="hint">正在加载…</p>}>
      <OpennessPages path={path} />
    </Suspense>
  ) : notice ? (
    <NoticesPage id={Number(notice[1])} />
  ) : path.endsWith('/notices') ? (
    <NoticesPage />
  ) : path.endsWith('/report') ? (
    <ReportPage />
  ) : path.endsWith('/status') ? (
    <StatusPage />
  ) : path.endsWith('/ballot') ? (
    <BallotPage />
  ) : (
    <Home />
  );
  return (
    <div className="shell">
      <header className="top">
        <Link to="/portal" className="brand">
          信访举报网上受理
        </Link>
        <nav>
          <Link to="/portal/open">政务村务公开</Link>
          <Link to="/portal/notices">任前公示</Link>
          <Link to="/portal/report">我要举报</Link>
          <Link to="/portal/status">查询进度</Link>
        </nav>
      </header>
      <main>{page}</main>
      <footer className="foot">依法受理 · 严格保密 · 有信必查 · 有查必果</footer>
    </div>
  );
}
