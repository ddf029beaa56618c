import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Popconfirm, Select, Space, Table, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../shared/me';
import { deleteOrg, fetchOrgs, fetchOrgTree, nest, ORG_KIND_LABELS, type Org } from './api';
import { OrgForm } from './OrgForm';

export default function OrgsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const tree = useQuery({ queryKey: ['orgs', 'tree'], queryFn: fetchOrgTree });
  const [selected, setSelected] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const nodes = useMemo(() => nest(tree.data ?? []), [tree.data]);
  // the list shows one level: the selected org's children (the top of the tree until one is chosen)
  const current = selected ?? nodes[0]?.key;
  const list = useQuery({
    queryKey: ['orgs', 'list', current, q, kind, page],
    queryFn: () => fetchOrgs({ parentId: q ? undefined : current, q, kind, ...page }),
    enabled: !!q || current !== undefined || tree.isSuccess,
  });
  const parent = tree.data?.find((o) => o.id === current) ?? null;
  const above = useMemo(() => {
    const byId = new Map((tree.data ?? []).map((o) => [o.id, o]));
    return (o: Org) => {
      const names: string[] = [];
      for (
        let p = o.parentId ? byId.get(o.parentId) : undefined;
        p;
        p = p.parentId ? byId.get(p.parentId) : undefined
      )
        names.unshift(p.name);
      return names.join(' / ') || '—';
    };
  }, [tree.data]);
  const remove = useMutation({
    mutationFn: deleteOrg,
    onSuccess: () => {
      message.success('已删除');
      client.invalidateQueries({ queryKey: ['orgs'] });
    },
    onError: (e) => message.error(e.message),
  });

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card size="small" title="组织树" style={{ width: 280 }}>
        {nodes.length ? (
          <Tree
            treeData={nodes as any}
            defaultExpandAll
            selectedKeys={current !== undefined ? [current] : []}
            onSelect={(keys) => {
              if (!keys.length) return; // clicking the selected org keeps it selected
              setSelected(keys[0] as number);
              setPage({ ...page, page: 1 });
            }}
          />
        ) : (
          <Empty description="还没有组织，请先新建" />
        )}
      </Card>
      <Card
        size="small"
        style={{ flex: 1, minWidth: 360 }}
        title={q ? `搜索“${q}”的结果` : parent ? `${parent.name} 的下级组织` : '组织'}
        extra={
          <Space wrap>
            <Input.Search
              placeholder="按名称或编码搜索全部组织"
              allowClear
              onSearch={(v) => setQ(v.trim())}
              style={{ width: 240 }}
            />
            <Select
              allowClear
              placeholder="类型"
              style={{ width: 140 }}
              value={kind}
              onChange={setKind}
              options={Object.entries(ORG_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
            {can('org.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建组织
              </Button>
            )}
          </Space>
        }
      >
        <Table<Org>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          locale={{ emptyText: <Empty description={q ? '没有匹配的组织' : '暂无下级组织'} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '上级组织', key: 'above', render: (_: unknown, o: Org) => above(o) },
            { title: '类型', dataIndex: 'kind', render: (k) => ORG_KIND_LABELS[k] ?? k },
            { title: '编码', dataIndex: 'code' },
            { title: '排序', dataIndex: 'sort', width: 80 },
            ...(can('org.manage')
              ? [
                  {
                    title: '操作',
                    width: 140,
                    render: (_: unknown, o: Org) => (
                      <Space>
                        <Button type="link" size="small" onClick={() => setEditing(o)}>
                          编辑
                        </Button>
                        <Popconfirm
                          title={`确定删除“${o.name}”吗？`}
                          description="仅能删除没有下级组织和用户的组织"
                          onConfirm={() => remove.mutate(o.id)}
                        >
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <OrgForm
          org={editing === 'new' ? null : editing}
          parent={editing === 'new' ? parent : null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            client.invalidateQueries({ queryKey: ['orgs'] });
          }}
        />
      )}
    </div>
  );
}
