import type { Leaders } from './types';
import { useLoad } from './useLoad';

/** 领导干部公开: post, 分工, office phone, hours; the mobile where the person agreed. */
export function LeadersPage({ id }: { id: number }) {
  const { data, error } = useLoad<Leaders>(`/openness/units/${id}/leaders`);
  return (
    <section>
      <h1>{data ? `${data.unit.name}领导干部` : '领导干部'}</h1>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {data?.leaders.length === 0 && <p className="hint">暂无公开信息</p>}
      {data?.leaders.map((l) => (
        <article key={`${l.name}${l.post}`} className="card leader">
          <strong>
            {l.name} · {l.post}
          </strong>
          {l.duties && <span>分工：{l.duties}</span>}
          {l.officePhone && (
            <span>
              办公电话：<a href={`tel:${l.officePhone}`}>{l.officePhone}</a>
            </span>
          )}
          {l.mobile && (
            <span>
              手机：<a href={`tel:${l.mobile}`}>{l.mobile}</a>
            </span>
          )}
          {l.hours && <span>办公时间：{l.hours}</span>}
        </article>
      ))}
    </section>
  );
}
