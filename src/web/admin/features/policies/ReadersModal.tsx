import { useQuery } from '@tanstack/react-query';
import { Empty, Modal, Segmented, Table } from 'antd';
import { useState } from 'react';
import { totalText } from '../../shared/api';
import { type Assignment, fetchReaders, type ReaderRow } from './api';

/** Who has and has not read an assignment (within the caller's scope). */
export function ReadersModal(props: { policyId: number; assignment: Assignment; onClose: () => void }) {
  const [read, setRead] = useState<'all' | 'yes' | 'no'>('no');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useQuery({
    queryKey: ['policies', props.policyId, 'readers', props.assignment.id, read, page],
    queryFn: () =>
      fetchReaders(props.policyId, props.assignment.id, { ...page, read: read === 'all' ? undefined : read }),
  });
  return (
    <Modal open width={760} title="学习名单" footer={null} onCancel={props.onClose}>
      <Segmented
        value={read}
        onChange={(v) => {
          setRead(v as typeof read);
          setPage({ ...page, page: 1 });
        }}
        options={[
          { value: 'no', label: '未学习' },
          { value: 'yes', label: '已学习' },
          { value: 'all', label: '全部' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<ReaderRow>
        rowKey="readId"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items}
        locale={{ emptyText: <Empty description={read === 'no' ? '都已学习' : '没有人员'} /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'orgName' },
          { title: '列入日期', dataIndex: 'dueFrom', width: 110 },
          { title: '确认学习', dataIndex: 'confirmedOn', width: 110, render: (d) => d ?? '未学习' },
          { title: '测验得分', dataIndex: 'quizScore', width: 90, render: (s) => s ?? '—' },
        ]}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total,
          showTotal: (t) => totalText(q.data, t, '人'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </Modal>
  );
}
