import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { searchCadres } from './api';

/** Picks a cadre of the registry by name or pinyin initials. */
export function CadrePick(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  const [q, setQ] = useState('');
  const cadres = useQuery({
    queryKey: ['cadres', 'pick', q],
    queryFn: () => searchCadres(q),
    enabled: q.length > 0,
  });
  return (
    <Select
      id={props.id}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder="输入姓名或拼音首字母搜索干部"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={cadres.isFetching}
      notFoundContent={q ? '名册中没有匹配的干部' : '请输入姓名'}
      options={(cadres.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.name}（${c.orgName}${c.positionTitle ? `，${c.positionTitle}` : ''}）`,
      }))}
      style={{ width: '100%' }}
    />
  );
}
