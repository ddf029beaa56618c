import { useEffect, useState } from 'react';
import { BoardPage } from './BoardPage';
import { ItemPage } from './ItemPage';
import { LeadersPage } from './LeadersPage';
import { ObjectionStatusPage } from './ObjectionStatusPage';
import { PledgeBoardPage } from './PledgeBoardPage';
import { SearchPage } from './SearchPage';
import { UnitItemsPage } from './UnitItemsPage';
import { UnitsPage } from './UnitsPage';

/**
 * The openness pages of the portal, one chunk loaded on demand (the first page's JS budget): the
 * units, a unit's board (a physical board's QR code opens /portal/open/units/:id), its items, one
 * item with 我有异议, the search, the leaders, an objection's answer, a village's pledge board.
 */
export default function OpennessPages({ path }: { path: string }) {
  const search = new URLSearchParams(useSearch());
  let m = path.match(/\/pledges\/(\d+)$/);
  if (m) return <PledgeBoardPage id={Number(m[1])} />;
  m = path.match(/\/open\/units\/(\d+)\/leaders$/);
  if (m) return <LeadersPage id={Number(m[1])} />;
  m = path.match(/\/open\/units\/(\d+)\/items$/);
  if (m) return <UnitItemsPage id={Number(m[1])} search={search} />;
  m = path.match(/\/open\/units\/(\d+)$/);
  if (m) return <BoardPage id={Number(m[1])} />;
  m = path.match(/\/open\/items\/(\d+)$/);
  if (m) return <ItemPage id={Number(m[1])} />;
  if (path.endsWith('/open/search')) return <SearchPage search={search} />;
  if (path.endsWith('/open/objection')) return <ObjectionStatusPage />;
  return <UnitsPage />;
}

/** The query string, followed across the portal's own navigations (a page change keeps the path). */
function useSearch(): string {
  const [search, setSearch] = useState(window.location.search);
  useEffect(() => {
    const on = () => setSearch(window.location.search);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return search;
}
