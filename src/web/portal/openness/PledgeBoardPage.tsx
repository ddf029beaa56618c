import { FollowPledge } from './FollowPledge';
import type { PledgeBoard } from './types';
import { useLoad } from './useLoad';

const pct = (n: number | null) => (n == null ? '—' : `${n}%`);

/** 任期承诺公开: a village's pledges with each item's progress, the pledge's progress and 兑现率. */
export function PledgeBoardPage({ id }: { id: number }) {
  const { data, error } = useLoad<PledgeBoard>(`/pledges/villages/${id}`);
  if (error)
    return (
      <div className="alert" role="alert">
        {error}
      </div>
    );
  if (!data) return <p className="hint">正在加载…</p>;
  return (
    <section>
      <h1>{data.village.name}村干部任期承诺</h1>
      <p className="lead">
        截至 {data.asOf}，到期承诺事项 {data.due} 项，已兑现 {data.fulfilled} 项，兑现率 {pct(data.rate)}。
      </p>
      {data.pledges.length === 0 && <p className="hint">暂无公开的任期承诺</p>}
      {data.pledges.map((p) => (
        <article key={p.id} className="card pledge">
          <strong>
            {p.cadre} · {p.post}
          </strong>
          <span>
            {p.title}（{p.pledgedOn} 承诺）
          </span>
          <span>
            总体进度 <progress max={100} value={p.progress} /> {p.progress}% · 兑现率 {pct(p.rate)}
          </span>
          <ul className="items">
            {p.items.map((i) => (
              <li key={i.id} className={i.parentId ? 'child' : undefined}>
                <b>{i.title}</b>：{i.target}（{i.dueOn} 前）
                <small>
                  进度 {i.progress}%{i.lastReportedOn ? `，${i.lastReportedOn} 更新` : ''}
                </small>
              </li>
            ))}
          </ul>
          {p.report && <span>述诺：{p.report}</span>}
          <FollowPledge pledgeId={p.id} />
        </article>
      ))}
    </section>
  );
}
