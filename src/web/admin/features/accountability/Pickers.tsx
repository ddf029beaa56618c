import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { fetchTenures, type Options, searchPolicies } from './api';

/** The posts a 撤销任免决定 may name: the cadre's tenures still held. */
export function TenureSelect(props: {
  cadreId: number | null | undefined;
  value?: number[];
  onChange?: (v: number[]) => void;
}) {
  const tenures = useQuery({
    queryKey: ['cadres', props.cadreId, 'tenures'],
    queryFn: () => fetchTenures(props.cadreId!),
    enabled: !!props.cadreId,
  });
  return (
    <Select
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      placeholder={props.cadreId ? '选择被撤销的任职' : '请先选择干部'}
      disabled={!props.cadreId}
      options={(tenures.data ?? [])
        .filter((t) => !t.endDate)
        .map((t) => ({ value: t.id, label: `${t.title}（${t.startDate} 起）` }))}
      style={{ minWidth: 260 }}
    />
  );
}

/** A policy of the library as the basis, searched by title or 文号. */
export function PolicySelect(props: { value?: number | null; onChange?: (v: number | null) => void }) {
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['policies', 'pick', q], queryFn: () => searchPolicies(q) });
  return (
    <Select
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder="可选：制度汇编中的制度"
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(list.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `《${p.title}》${p.number ?? ''}`,
      }))}
      style={{ width: 320 }}
    />
  );
}

/** Sanction kinds grouped by family; a kind without its effect rule is shown disabled with the rule. */
export function SanctionKindSelect(props: {
  options?: Options;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const kinds = props.options?.sanctionKinds ?? [];
  const families = [...new Set(kinds.map((k) => k.familyLabel))];
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      placeholder="处理种类"
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 180 }}
      options={families.map((f) => ({
        label: f,
        options: kinds
          .filter((k) => k.familyLabel === f)
          .map((k) => ({
            value: k.code,
            label: k.hasRule ? k.label : `${k.label}（缺少规则 ${k.ruleKey}）`,
          })),
      }))}
    />
  );
}
