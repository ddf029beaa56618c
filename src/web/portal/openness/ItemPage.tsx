import { Link } from '../router';
import { ProcedureFields } from './ItemList';
import { ObjectionForm } from './ObjectionForm';
import type { Item } from './types';
import { useLoad } from './useLoad';

const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function FinanceTable({ f }: { f: NonNullable<Item['finance']> }) {
  return (
    <table className="finance">
      <thead>
        <tr>
          <th>收支</th>
          <th>项目</th>
          <th>金额（元）</th>
        </tr>
      </thead>
      <tbody>
        {f.lines.map((l) => (
          <tr key={`${l.kind}|${l.item}|${l.amount}`}>
            <td>{l.kind === 'income' ? '收入' : '支出'}</td>
            <td>{l.item}</td>
            <td className="num">{yuan(l.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>收入合计</td>
          <td className="num">{yuan(f.totalIncome)}</td>
        </tr>
        <tr>
          <td colSpan={2}>支出合计</td>
          <td className="num">{yuan(f.totalExpense)}</td>
        </tr>
        {f.balance != null && (
          <tr>
            <td colSpan={2}>结余</td>
            <td className="num">{yuan(f.balance)}</td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}

/** One public item with its metadata; a withdrawn one as its notice. A villager may object to a published one. */
export function ItemPage({ id }: { id: number }) {
  const { data: d, error } = useLoad<Item>(`/openness/items/${id}`);
  if (error)
    return (
      <div className="alert" role="alert">
        {error}
      </div>
    );
  if (!d) return <p className="hint">正在加载…</p>;
  return (
    <section>
      <p>
        <Link to={`/portal/open/units/${d.orgId}`} className="link">
          ← {d.orgName}
        </Link>
      </p>
      <h1>{d.title}</h1>
      <dl className="meta">
        <dt>类别</dt>
        <dd>{d.typeName}</dd>
        {d.indexNo && (
          <>
            <dt>索引号</dt>
            <dd>{d.indexNo}</dd>
          </>
        )}
        {d.issuingBody && (
          <>
            <dt>发布机构</dt>
            <dd>{d.issuingBody}</dd>
          </>
        )}
        {d.issuedOn && (
          <>
            <dt>发文日期</dt>
            <dd>{d.issuedOn}</dd>
          </>
        )}
        {d.docNumber && (
          <>
            <dt>文号</dt>
            <dd>{d.docNumber}</dd>
          </>
        )}
        <dt>公开依据</dt>
        <dd>{d.catalogue.basis}</dd>
      </dl>
      {d.withdrawn ? (
        <div className="alert">
          该公开事项已于 {d.withdrawnOn} 撤回。撤回理由：{d.withdrawReason}
        </div>
      ) : (
        <>
          {d.procedure && <ProcedureFields p={d.procedure} />}
          <div className="body">{d.body}</div>
          {d.finance && <FinanceTable f={d.finance} />}
          <ObjectionForm itemId={d.id} />
        </>
      )}
    </section>
  );
}
