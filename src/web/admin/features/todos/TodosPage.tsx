import { useQuery } from '@tanstack/react-query';
import { Badge, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../shared/me';
import { fetchTodoSummary, TODO_KEYS } from './api';
import { NewPersonalTodo } from './NewPersonalTodo';
import { NotificationList } from './NotificationList';
import { TodoTable } from './TodoTable';

const TABS = ['open', 'done', 'notifications'] as const;
type TabKey = (typeof TABS)[number];

/** 待办: the caller's open and done to-dos, and their notifications. The tab is in the URL (?tab=). */
export default function TodosPage() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t === params.get('tab')) ?? 'open';
  const summary = useQuery({ queryKey: [...TODO_KEYS.all, 'summary'], queryFn: fetchTodoSummary });
  const count = (label: string, n: number | undefined, color?: string) => (
    <span>
      {label} <Badge count={n ?? 0} size="small" color={color} />
    </span>
  );
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'open' ? {} : { tab: key })}
      destroyOnHidden
      tabBarExtraContent={can('todo.manage') ? <NewPersonalTodo /> : null}
      items={[
        {
          key: 'open',
          label: count('待办', summary.data?.open, summary.data?.overdue ? undefined : '#1677ff'),
          children: <TodoTable status="open" />,
        },
        { key: 'done', label: '已办', children: <TodoTable status="done" /> },
        {
          key: 'notifications',
          label: count('通知', summary.data?.unreadNotifications),
          children: <NotificationList />,
        },
      ]}
    />
  );
}
