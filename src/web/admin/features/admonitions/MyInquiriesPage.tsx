import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { fetchMyInquiries, type InquiryRow } from './api';

/** 我的函询: the inquiries addressed to me, to answer in the system. */
export default function MyInquiriesPage() {
  const q = useQuery({ queryKey: ['me', 'inquiries'], queryFn: fetchMyInquiries });
  return (
    <Table<InquiryRow>
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items}
      pagination={false}
      locale={{ emptyText: <Empty description="没有需要回复的函询" /> }}
      columns={[
        { title: '编号', dataIndex: 'code', render: (c, r) => <Link to={`/my-inquiries/${r.id}`}>{c}</Link> },
        { title: '发函日期', dataIndex: 'sentOn', width: 120 },
        { title: '回复期限', dataIndex: 'dueOn', width: 120 },
        {
          title: '状态',
          dataIndex: 'statusLabel',
          width: 200,
          render: (s, r) => (
            <>
              <Tag color={r.status === 'sent' ? 'blue' : 'default'}>{r.status === 'sent' ? '待回复' : s}</Tag>
              {r.overdue && <Tag color="red">已逾期</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
