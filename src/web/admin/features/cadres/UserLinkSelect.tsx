import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/me';
import { searchUsers } from './api';

/** Picks the user account a family member holds, searched by name or username. */
export function UserLinkSelect(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string | null;
}) {
  const can = useCan();
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: ['users', 'link', q],
    queryFn: () => searchUsers(q),
    enabled: can('user.read') && q.length > 0,
  });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username}，${u.orgName}）`,
  }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value))
    options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select
      id={props.id}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      disabled={!can('user.read')}
      placeholder={can('user.read') ? '输入姓名或用户名搜索' : '无查看用户权限'}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={users.isFetching}
      notFoundContent={q ? '没有匹配的用户' : '请输入姓名或用户名'}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
