import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { TimelineEvent } from './api';

const RATING_COLORS: Record<string, string> = { 好: 'green', 一般: 'gold', 差: 'red' };

/** A record's history, oldest first. */
export function RecordTimeline({
  events,
  labels,
}: {
  events: TimelineEvent[];
  labels: Record<string, string>;
}) {
  if (!events.length) return <Empty description="暂无记录" />;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: e.action === 'overdue' ? 'red' : e.action === 'measure' ? 'orange' : 'blue',
        content: (
          <div>
            <Space size={8} wrap>
              <Typography.Text type="secondary">{e.occurredOn}</Typography.Text>
              <Typography.Text strong>{labels[e.action] ?? e.action}</Typography.Text>
              {e.rating && <Tag color={RATING_COLORS[e.rating]}>{e.rating}</Tag>}
              {e.dueOn && <Typography.Text type="secondary">（应于 {e.dueOn}）</Typography.Text>}
              <Typography.Text type="secondary">{e.userName ?? '系统'}</Typography.Text>
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
