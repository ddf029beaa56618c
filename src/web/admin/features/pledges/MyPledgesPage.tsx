import { useQuery } from '@tanstack/react-query';
import { Empty, List } from 'antd';
import { Link } from 'react-router';
import { fetchMyPledges } from './api';

/** 我的任期承诺: the caller's own pledges, where they enter their progress (践诺). */
export default function MyPledgesPage() {
  const q = useQuery({ queryKey: ['pledges', 'mine'], queryFn: fetchMyPledges });
  return (
    <List
      loading={q.isLoading}
      dataSource={q.data?.items}
      locale={{ emptyText: <Empty description="还没有任期承诺" /> }}
      renderItem={(p) => (
        <List.Item>
          <Link to={`/pledges/${p.id}`}>{p.title}</Link>
          <span>承诺日期 {p.pledgedOn}</span>
        </List.Item>
      )}
    />
  );
}
