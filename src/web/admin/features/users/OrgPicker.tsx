import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { fetchOrgOptions } from './api';

/** The orgs the caller may see, as a searchable tree (orgs whose parent is out of scope become roots). */
export function OrgPicker(props: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const orgs = useQuery({ queryKey: ['orgs', 'tree'], queryFn: fetchOrgOptions });
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder ?? '请选择组织'}
      allowClear={props.allowClear}
      style={props.style}
      loading={orgs.isLoading}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      treeDataSimpleMode
      treeData={(orgs.data ?? []).map((o) => ({ id: o.id, pId: o.parentId, value: o.id, title: o.name }))}
      notFoundContent="没有可选的组织"
    />
  );
}
