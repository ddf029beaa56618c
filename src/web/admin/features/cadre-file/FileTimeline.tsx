import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { type CadreFile, kindColor } from './api';

/** Everything recorded about the cadre, newest first, under year headings; each kind its own colour. */
export function FileTimeline({ file }: { file: CadreFile }) {
  const labels = new Map(file.legend.map((l) => [l.key, l.label]));
  return (
    <Card
      size="small"
      title="档案记录"
      extra={
        <Space size={4} wrap>
          {file.legend.map((l) => (
            <Tag key={l.key} color={kindColor(l.key, file.legend)}>
              {l.label}
            </Tag>
          ))}
        </Space>
      }
    >
      {file.timeline.length === 0 ? (
        <Empty description="暂无档案记录" />
      ) : (
        file.timeline.map((y) => (
          <section key={y.year} className="jd-file-year">
            <Typography.Title level={5} style={{ margin: '8px 0 16px' }}>
              {y.year} 年
            </Typography.Title>
            <Timeline
              items={y.entries.map((e, i) => ({
                key: `${e.date}-${e.kind}-${i}`,
                color: 'gray',
                content: (
                  <div>
                    <Space size={8} wrap>
                      <Typography.Text type="secondary">{e.date}</Typography.Text>
                      <Tag color={kindColor(e.kind, file.legend)}>{labels.get(e.kind) ?? e.kind}</Tag>
                      {e.link ? <Link to={e.link}>{e.title}</Link> : <span>{e.title}</span>}
                    </Space>
                    {e.detail && (
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                        {e.detail}
                      </Typography.Paragraph>
                    )}
                  </div>
                ),
              }))}
            />
          </section>
        ))
      )}
    </Card>
  );
}
