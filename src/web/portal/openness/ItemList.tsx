import { Link } from '../router';
import type { ItemRow, Procedure } from './types';

/** 办事程序: 依据, 条件, 程序 and 时限 as the board and the item show them. */
export function ProcedureFields({ p }: { p: Procedure }) {
  return (
    <dl className="meta procedure">
      <dt>办事依据</dt>
      <dd>{p.basis}</dd>
      <dt>办理条件</dt>
      <dd>{p.conditions}</dd>
      <dt>办理程序</dt>
      <dd>{p.steps}</dd>
      <dt>办理时限</dt>
      <dd>{p.timeLimit}</dd>
    </dl>
  );
}

/** Items as a list: a withdrawn one as its notice. */
export function ItemList({ items, showUnit }: { items: ItemRow[]; showUnit?: boolean }) {
  if (!items.length) return <p className="hint">暂无公开内容</p>;
  return (
    <ul className="items">
      {items.map((i) => (
        <li key={i.id} className={i.withdrawn ? 'withdrawn' : undefined}>
          <Link to={`/portal/open/items/${i.id}`}>{i.title}</Link>
          <small>
            {showUnit ? `${i.orgName} · ` : ''}
            {i.withdrawn ? `撤回于 ${i.withdrawnOn}` : `${i.period ? `${i.period} · ` : ''}${i.publishedOn}`}
          </small>
          {i.procedure && <ProcedureFields p={i.procedure} />}
        </li>
      ))}
    </ul>
  );
}

/** 上一页 / 下一页 over a page of `total`. */
export function Pager({
  page,
  pageSize,
  total,
  to,
}: {
  page: number;
  pageSize: number;
  total: number;
  to: (p: number) => string;
}) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last === 1) return null;
  return (
    <nav className="pager">
      {page > 1 ? <Link to={to(page - 1)}>上一页</Link> : <span />}
      <span>
        第 {page} / {last} 页
      </span>
      {page < last ? <Link to={to(page + 1)}>下一页</Link> : <span />}
    </nav>
  );
}
