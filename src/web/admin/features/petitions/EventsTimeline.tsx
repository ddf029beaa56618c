import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { EVENT_LABELS, PETITION_STATUSES, type PetitionDetail } from './api';

/** Events the system writes by itself (no officer, no reporter). */
const SYSTEM_EVENTS = new Set(['overdue', 'recusal_raise']);

/** 流程记录: every step as it happened, oldest first. */
export function EventsTimeline({ p }: { p: PetitionDetail }) {
  if (!p.events.length) return <Empty description="暂无流程记录" />;
  return (
    <Timeline
      items={p.events.map((e) => ({
        key: e.id,
        color:
          e.action === 'overdue'
            ? 'red'
            : e.action === 'decline'
              ? 'gray'
              : e.action === 'recusal_raise'
                ? 'orange'
                : 'blue',
        content: (
          <div>
            <Space size={8} wrap>
              <Typography.Text type="secondary">{e.occurredOn}</Typography.Text>
              <Typography.Text strong>{EVENT_LABELS[e.action] ?? e.action}</Typography.Text>
              {e.toStatus && e.toStatus !== e.fromStatus && (
                <Tag>{PETITION_STATUSES[e.toStatus as keyof typeof PETITION_STATUSES] ?? e.toStatus}</Tag>
              )}
              <Typography.Text type="secondary">
                {e.userName ?? (SYSTEM_EVENTS.has(e.action) ? '系统' : '反映人')}
              </Typography.Text>
            </Space>
            {e.note && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
