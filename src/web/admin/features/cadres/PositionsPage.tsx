import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { PositionForm } from './PositionForm';
import { deletePosition, fetchPositions, type Position } from './tenure-api';
import { useDict } from './use-dict';

/** 职务管理: the posts of each org and who holds them now. */
export default function PositionsPage() {
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const levels = useDict('position_level');
  const [orgId, setOrgId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['positions', 'list', orgId, q, page],
    queryFn: () => fetchPositions({ orgId, q: q || undefined, ...page }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['positions'] });
  const remove = async (p: Position) => {
    try {
      await deletePosition(p.id);
      message.success('已删除');
      refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          placeholder="所属单位（含下级）"
          allowClear
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage({ ...page, page: 1 });
          }}
          style={{ width: 240 }}
        />
        <Input.Search
          aria-label="搜索职务"
          placeholder="职务名称"
          allowClear
          onSearch={(v) => {
            setQ(v.trim());
            setPage({ ...page, page: 1 });
          }}
          style={{ width: 200 }}
        />
        {can('cadre.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增职务
          </Button>
        )}
      </Space>
      <Table<Position>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="没有职务" /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (t) => `共 ${t} 个`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: '所属单位', dataIndex: 'orgName' },
          { title: '职务名称', dataIndex: 'title' },
          { title: '职务层次', dataIndex: 'level', render: levels.label },
          {
            title: '正职',
            dataIndex: 'isPrincipal',
            width: 70,
            render: (p: boolean) => (p ? <Tag color="red">正职</Tag> : ''),
          },
          {
            title: '管理资金',
            dataIndex: 'managesFunds',
            width: 90,
            render: (m: boolean) => (m ? <Tag color="gold">管理资金</Tag> : ''),
          },
          {
            title: '现任',
            dataIndex: 'holders',
            render: (hs: Position['holders']) =>
              hs.length ? (
                <Space size={4} wrap>
                  {hs.map((h) => (
                    <Link key={h.cadreId} to={`/cadres/${h.cadreId}`}>
                      {h.name}
                    </Link>
                  ))}
                </Space>
              ) : (
                <Tag>空缺</Tag>
              ),
          },
          ...(can('cadre.manage')
            ? [
                {
                  title: '操作',
                  width: 130,
                  render: (_: unknown, p: Position) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(p)}>
                        编辑
                      </Button>
                      <Popconfirm
                        title={`确定删除职务“${p.title}”吗？`}
                        description="有人在任的职务不能删除"
                        onConfirm={() => remove(p)}
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
      {editing && (
        <PositionForm
          position={editing === 'new' ? null : editing}
          orgId={orgId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
