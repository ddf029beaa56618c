import { type FormEvent, useState } from 'react';
import { Link, navigate } from '../router';
import { KIND_LABELS, type Unit } from './types';
import { useLoad } from './useLoad';

/** 政务公开/村务公开: the search box and every township with its departments and villages. */
export function UnitsPage() {
  const { data, error } = useLoad<{ townships: (Unit & { units: Unit[] })[] }>('/openness/units');
  const [q, setQ] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/portal/open/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <section>
      <h1>政务公开 · 村务公开</h1>
      <form className="search" onSubmit={search}>
        <input
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="搜索公开内容，如：财务收支"
          aria-label="搜索公开内容"
        />
        <button type="submit" className="primary">
          搜索
        </button>
      </form>
      <p className="lead">
        <Link to="/portal/open/objection" className="link">
          凭查询码查看异议答复
        </Link>
      </p>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {data?.townships.map((t) => (
        <article key={t.id} className="card">
          <Link to={`/portal/open/units/${t.id}`}>
            <strong>{t.name}</strong>
          </Link>
          <ul className="units">
            {t.units.map((u) => (
              <li key={u.id}>
                <Link to={`/portal/open/units/${u.id}`}>{u.name}</Link>
                <small> {KIND_LABELS[u.kind]}</small>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
