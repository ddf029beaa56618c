import { useEffect, useState } from 'react';
import { type ApiError, getJson } from '../api';
import { Link } from '../router';

interface Person {
  candidateId: number;
  name: string;
  bio: string;
  proposed: string;
}
interface Notice {
  id: number;
  code: string;
  title: string;
  orgId: number;
  orgName: string;
  startsOn: string;
  endsOn: string;
  contact: string;
  people: Person[];
}

const reportLink = (n: Notice, p: Person) =>
  `/portal/report?notice=${n.id}&person=${p.candidateId}&org=${n.orgId}&name=${encodeURIComponent(p.name)}&post=${encodeURIComponent(p.proposed)}`;

function NoticeCard({ n }: { n: Notice }) {
  return (
    <article className="card notice">
      <strong>
        {n.orgName} {n.code}
      </strong>
      <span>
        公示期：{n.startsOn} 至 {n.endsOn}
      </span>
      <ul className="people">
        {n.people.map((p) => (
          <li key={p.candidateId}>
            <b>{p.name}</b>，{p.bio}，{p.proposed}。
            <Link to={reportLink(n, p)} className="link">
              我要反映
            </Link>
          </li>
        ))}
      </ul>
      <span>对公示对象有异议的，可在公示期内反映，也可联系：{n.contact}</span>
    </article>
  );
}

/** 任前公示: the notices open today, each person with a one-line bio and “我要反映”. */
export function NoticesPage({ id }: { id?: number }) {
  const [items, setItems] = useState<Notice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = id
      ? getJson<Notice>(`/notices/${id}`).then((n) => [n])
      : getJson<{ items: Notice[] }>('/notices').then((r) => r.items);
    load.then(setItems, (e: ApiError) => setError(e.message));
  }, [id]);
  return (
    <section>
      <h1>干部任前公示</h1>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {items?.length === 0 && <p className="lead">目前没有正在公示的干部。</p>}
      {items?.map((n) => (
        <NoticeCard key={n.id} n={n} />
      ))}
    </section>
  );
}
