import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { useDict } from '../cadres/use-dict';
import { fetchPetitions, PETITION_CHANNELS, type PetitionFilter, type PetitionRow } from './api';
import { PetitionFilters } from './PetitionFilters';
import { DueText, StatusTag, UrgentTag } from './PetitionTags';
import { RegisterDrawer } from './RegisterDrawer';

/** 信访举报: the petitions the caller may see, urgent and nearest-due first; never the reporter. */
export default function PetitionsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [filters, setFilters] = useState<PetitionFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [registering, setRegistering] = useState(false);
  const category = useDict('petition_category');
  const list = useQuery({
    queryKey: ['petitions', 'list', filters, page],
    queryFn: () => fetchPetitions({ ...filters, ...page }),
  });
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PetitionFilters
        value={filters}
        onChange={(f) => {
          setFilters({ ...filters, ...f });
          setPage({ ...page, page: 1 });
        }}
        extra={
          can('petition.register') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              登记
            </Button>
          )
        }
      />
      <Table<PetitionRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1100 }}
        title={filters.q ? () => `“${filters.q}”的搜索结果，按收件日期由近及远排列` : undefined}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的信访件' : '还没有信访件'} /> }}
        columns={[
          {
            title: '登记编号',
            dataIndex: 'code',
            width: 150,
            render: (code, r) => (
              <Space size={4}>
                <Link to={`/petitions/${r.id}`}>{code}</Link>
                {r.urgent && <UrgentTag />}
              </Space>
            ),
          },
          {
            title: '反映事由',
            dataIndex: 'title',
            ellipsis: true,
            render: (title, r) => (
              <>
                <div>{title}</div>
                {r.subjects.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    被反映人：{r.subjects.join('、')}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '渠道',
            dataIndex: 'channel',
            width: 100,
            render: (c, r) =>
              `${PETITION_CHANNELS[c as keyof typeof PETITION_CHANNELS] ?? c}${r.visitors ? `（${r.visitors}人）` : ''}`,
          },
          { title: '类别', dataIndex: 'category', width: 100, render: (c) => category.label(c) || '—' },
          { title: '收件日期', dataIndex: 'receivedOn', width: 110 },
          { title: '承办单位', dataIndex: 'orgName', width: 120, ellipsis: true },
          { title: '状态', dataIndex: 'status', width: 130, render: (s) => <StatusTag status={s} /> },
          {
            title: '办理期限',
            dataIndex: 'dueOn',
            width: 200,
            render: (_d, r) => <DueText dueOn={r.dueOn} dueKind={r.dueKind} overdueDays={r.overdueDays} />,
          },
        ]}
        onRow={(r) => ({ onDoubleClick: () => nav(`/petitions/${r.id}`) })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          // a common word's search pages only its first results: the pager stops there and says so
          total: Math.min(list.data?.total ?? 0, list.data?.pageableRows ?? Number.POSITIVE_INFINITY),
          showSizeChanger: true,
          showTotal: () =>
            list.data?.pageableRows
              ? `${totalText(list.data, list.data.total, '件')}，仅显示前 ${list.data.pageableRows} 件`
              : totalText(list.data, list.data?.total ?? 0, '件'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {registering && (
        <RegisterDrawer
          onClose={() => setRegistering(false)}
          onCreated={(id) => {
            setRegistering(false);
            nav(`/petitions/${id}`);
          }}
        />
      )}
    </>
  );
}
