import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, type Page, qs } from './api';
import { useCan } from './me';

export interface CadreOption {
  id: number;
  name: string;
  orgName: string;
  positionTitle: string | null;
}
export const searchCadres = (q: string) =>
  api<Page<CadreOption>>('GET', `/api/v1/cadres${qs({ q, pageSize: 20 })}`);

/**
 * Picks a cadre from the registry by name or pinyin initials (GET /api/v1/cadres?q=): the one
 * picker of the petitions' named cadres, the admonitions and the accountability register.
 * `notFoundHint` says what to do when the registry has no match (fill in the name by hand …).
 */
export function CadreSelect(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  notFoundHint?: string;
}) {
  const can = useCan();
  const [q, setQ] = useState('');
  const cadres = useQuery({
    queryKey: ['cadres', 'pick', q],
    queryFn: () => searchCadres(q),
    enabled: can('cadre.read') && q.length > 0,
  });
  return (
    <Select
      id={props.id}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      disabled={!can('cadre.read')}
      placeholder="输入姓名或拼音首字母搜索干部名册"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={cadres.isFetching}
      notFoundContent={
        q ? `名册中没有匹配的干部${props.notFoundHint ? `，${props.notFoundHint}` : ''}` : '请输入姓名'
      }
      options={(cadres.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.name}（${c.orgName}${c.positionTitle ? `，${c.positionTitle}` : ''}）`,
      }))}
      style={{ width: '100%' }}
    />
  );
}
