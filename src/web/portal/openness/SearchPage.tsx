import { ItemList, Pager } from './ItemList';
import type { ItemPage } from './types';

type SearchPage = ItemPage & { totalCapped: boolean };

import { useLoad } from './useLoad';

/** Search results over published items. */
export function SearchPage({ search }: { search: URLSearchParams }) {
  const q = search.get('q') ?? '';
  const page = Number(search.get('page')) || 1;
  const { data, error } = useLoad<SearchPage>(
    q ? `/openness/search?q=${encodeURIComponent(q)}&page=${page}` : null,
  );
  return (
    <section>
      <h1>搜索：{q}</h1>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {data && (
        <>
          <p className="hint">{data.totalCapped ? `共 ${data.total} 余条` : `共 ${data.total} 条`}</p>
          <ItemList items={data.items} showUnit />
          <Pager {...data} to={(p) => `/portal/open/search?q=${encodeURIComponent(q)}&page=${p}`} />
        </>
      )}
    </section>
  );
}
