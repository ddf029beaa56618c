import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Menu, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/me';
import { type DictItem, deleteDictItem, fetchDictItems, fetchDictTypes, setDictItemEnabled } from './api';
import { DictItemForm } from './DictItemForm';

export default function DictionariesPage() {
  const can = useCan();
  const manage = can('dict.manage');
  const { message } = App.useApp();
  const client = useQueryClient();
  const types = useQuery({ queryKey: ['dicts', 'types'], queryFn: fetchDictTypes });
  const [selected, setSelected] = useState<string | undefined>();
  const typeCode = selected ?? types.data?.[0]?.code;
  const type = types.data?.find((t) => t.code === typeCode);
  const items = useQuery({
    queryKey: ['dicts', 'items', typeCode],
    queryFn: () => fetchDictItems(typeCode!),
    enabled: !!typeCode,
  });
  const [editing, setEditing] = useState<DictItem | 'new' | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['dicts'] });
  const onError = (e: Error) => message.error(e.message);
  const toggle = useMutation({
    mutationFn: ({ item, enabled }: { item: DictItem; enabled: boolean }) =>
      setDictItemEnabled(item, enabled),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: deleteDictItem,
    onSuccess: () => {
      message.success('已删除');
      refresh();
    },
    onError,
  });

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Card size="small" title="字典类型" style={{ width: 240 }} loading={types.isLoading}>
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 'none' }}
          selectedKeys={typeCode ? [typeCode] : []}
          onClick={(e) => setSelected(e.key)}
          items={types.data?.map((t) => ({
            key: t.code,
            label: `${t.name}（${t.enabledCount}/${t.itemCount}）`,
          }))}
        />
      </Card>
      <Card
        size="small"
        style={{ flex: 1, minWidth: 360 }}
        title={type ? `${type.name}（${type.code}）` : '字典项'}
        extra={
          manage &&
          type && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增字典项
            </Button>
          )
        }
      >
        <Table<DictItem>
          rowKey="id"
          size="small"
          loading={items.isLoading}
          dataSource={items.data}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无字典项" /> }}
          columns={[
            { title: '编码', dataIndex: 'code', width: 180 },
            { title: '名称', dataIndex: 'label' },
            { title: '排序', dataIndex: 'sort', width: 70 },
            {
              title: '状态',
              width: 90,
              render: (_, i) => (
                <Switch
                  size="small"
                  checked={i.enabled}
                  disabled={!manage}
                  loading={toggle.isPending && toggle.variables?.item.id === i.id}
                  checkedChildren="启用"
                  unCheckedChildren="停用"
                  onChange={(enabled) => toggle.mutate({ item: i, enabled })}
                />
              ),
            },
            {
              title: '来源',
              width: 80,
              render: (_, i) => (i.builtin ? <Tag>内置</Tag> : <Tag color="blue">自定义</Tag>),
            },
            ...(manage
              ? [
                  {
                    title: '操作',
                    width: 130,
                    render: (_: unknown, i: DictItem) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(i)}>
                          编辑
                        </Button>
                        {!i.builtin && (
                          <Popconfirm
                            title={`确定删除“${i.label}”吗？`}
                            description="已使用该编码的记录将只显示编码；如已使用，建议改为停用。"
                            onConfirm={() => remove.mutate(i)}
                          >
                            <Button type="link" size="small" danger>
                              删除
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && type && (
        <DictItemForm
          type={type}
          item={editing === 'new' ? null : editing}
          nextSort={Math.max(0, ...(items.data ?? []).map((i) => i.sort)) + 10}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
