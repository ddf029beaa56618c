import { Link } from '../router';
import { ItemList } from './ItemList';
import { type Board, KIND_LABELS } from './types';
import { useLoad } from './useLoad';

/** A unit's public board (the page a physical board's QR code opens): each section with its latest items. */
export function BoardPage({ id }: { id: number }) {
  const { data, error } = useLoad<Board>(`/openness/units/${id}`);
  if (error)
    return (
      <div className="alert" role="alert">
        {error}
      </div>
    );
  if (!data) return <p className="hint">正在加载…</p>;
  const u = data.unit;
  return (
    <section>
      <h1>
        {u.township ? `${u.township} · ` : ''}
        {u.name}
        {KIND_LABELS[u.kind] === '行政村' ? '村务公开栏' : '政务公开栏'}
      </h1>
      <div className="cards">
        <Link to={`/portal/open/units/${u.id}/leaders`} className="card">
          <strong>领导干部及联系方式</strong>
          <span>职务、分工、办公电话</span>
        </Link>
        {u.kind === 'village' && (
          <Link to={`/portal/pledges/${u.id}`} className="card">
            <strong>村干部任期承诺</strong>
            <span>承诺事项、践诺进度和兑现率</span>
          </Link>
        )}
      </div>
      {data.sections.map((s) => (
        <article key={s.typeId} className="card section">
          <h2>{s.name}</h2>
          <small className="hint">公开时限：{s.timeLimit}</small>
          <ItemList items={s.latest} />
          {s.total > s.latest.length && (
            <Link to={`/portal/open/units/${u.id}/items?type=${s.typeId}`} className="link">
              查看全部 {s.total} 条
            </Link>
          )}
        </article>
      ))}
    </section>
  );
}
