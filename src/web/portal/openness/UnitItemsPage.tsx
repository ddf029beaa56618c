import { ItemList, Pager } from './ItemList';
import type { ItemPage } from './types';
import { useLoad } from './useLoad';

/** All of a unit's public items of one section, a page at a time. */
export function UnitItemsPage({ id, search }: { id: number; search: URLSearchParams }) {
  const type = search.get('type');
  const page = Number(search.get('page')) || 1;
  const { data, error } = useLoad<ItemPage>(
    `/openness/units/${id}/items?page=${page}${type ? `&type=${type}` : ''}`,
  );
  return (
    <section>
      <h1>{data?.items[0]?.typeName ?? '公开内容'}</h1>
      {error && (
        <div className="alert" role="alert">
          {error}
        </div>
      )}
      {data && (
        <>
          <ItemList items={data.items} />
          <Pager
            {...data}
            to={(p) => `/portal/open/units/${id}/items?page=${p}${type ? `&type=${type}` : ''}`}
          />
        </>
      )}
    </section>
  );
}
