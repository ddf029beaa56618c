import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { fetchMyAdmonitions, type MyAdmonitionRow } from './api';

/** 我的诫勉: my own admonitions under tracking (and past ones), with the written reports due. */
export default function MyAdmonitionsPage() {
  const q = useQuery({ queryKey: ['me', 'admonitions'], queryFn: fetchMyAdmonitions });
  return (
    <Table<MyAdmonitionRow>
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items}
      pagination={false}
      locale={{ emptyText: <Empty description="没有诫勉记录" /> }}
      columns={[
        {
          title: '编号',
          dataIndex: 'code',
          render: (c, r) => <Link to={`/my-admonitions/${r.id}`}>{c}</Link>,
        },
        { title: '谈话日期', dataIndex: 'talkOn', width: 120 },
        { title: '跟踪考察期满', dataIndex: 'trackingEndsOn', width: 130 },
        {
          title: '书面报告',
          width: 220,
          render: (_, r) =>
            r.reportDates.length === 0
              ? '不要求'
              : `已交 ${r.reportsDone} / ${r.reportDates.length}${r.nextReportDue ? `，下次 ${r.nextReportDue} 前` : ''}`,
        },
        {
          title: '状态',
          dataIndex: 'statusLabel',
          width: 200,
          render: (s, r) => (
            <>
              <Tag color={r.status === 'tracking' ? 'blue' : 'default'}>{s}</Tag>
              {r.reportOverdue && <Tag color="red">报告已逾期</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}
