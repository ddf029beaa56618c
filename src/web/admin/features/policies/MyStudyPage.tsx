import { useQuery } from '@tanstack/react-query';
import { Empty, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { chinaDate } from '../../../../domain/calendar';
import { totalText } from '../../shared/api';
import { fetchMyReads, type MyRead } from './api';

/** 我的学习: the policies assigned to me to read, unread first. */
export default function MyStudyPage() {
  const [done, setDone] = useState<'all' | 'yes' | 'no'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['my-policies', done, page],
    queryFn: () => fetchMyReads({ ...page, done: done === 'all' ? undefined : done }),
  });
  const today = chinaDate(new Date());
  return (
    <>
      <Segmented
        value={done}
        onChange={(v) => {
          setDone(v as typeof done);
          setPage({ ...page, page: 1 });
        }}
        options={[
          { value: 'all', label: '全部' },
          { value: 'no', label: '待学习' },
          { value: 'yes', label: '已学习' },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Table<MyRead>
        rowKey="readId"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: <Empty description="没有布置给您的制度学习" /> }}
        columns={[
          {
            title: '制度',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/my-policies/${r.readId}`}>《{t}》</Link>,
          },
          { title: '文号', dataIndex: 'number', width: 180, render: (n) => n ?? '—' },
          { title: '版本', dataIndex: 'versionNo', width: 80, render: (n) => `第 ${n} 版` },
          { title: '完成期限', dataIndex: 'dueOn', width: 110 },
          {
            title: '状态',
            key: 'state',
            width: 160,
            render: (_x, r) =>
              r.confirmedOn ? (
                <Tag color="green">已学习 {r.confirmedOn}</Tag>
              ) : r.dueOn < today ? (
                <Tag color="red">已逾期</Tag>
              ) : (
                <Tag color="blue">待学习{r.hasQuiz ? '（含测验）' : ''}</Tag>
              ),
          },
        ]}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total,
          showTotal: (t) => totalText(q.data, t, '项'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </>
  );
}
