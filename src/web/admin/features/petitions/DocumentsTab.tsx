import { Card, Empty, Space, Tag, Typography } from 'antd';
import { DOCUMENT_KINDS, type PetitionDetail } from './api';

const ORDER = ['report', 'opinion', 'notice', 'reply', 'review_answer'];

/** 调查报告与处理意见: each report and opinion a record of its own, with the notices and replies. */
export function DocumentsTab({ p }: { p: PetitionDetail }) {
  if (!p.documents.length) return <Empty description="尚无调查报告或处理意见" />;
  const docs = [...p.documents].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.id - b.id);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {docs.map((d) => (
        <Card
          key={d.id}
          size="small"
          title={
            <Space>
              <Tag color={d.kind === 'report' ? 'purple' : d.kind === 'opinion' ? 'orange' : 'blue'}>
                {DOCUMENT_KINDS[d.kind] ?? d.kind}
              </Tag>
              <Typography.Text type="secondary">
                {d.occurredOn}
                {d.userName ? ` · ${d.userName}` : ''}
              </Typography.Text>
            </Space>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {d.content}
          </Typography.Paragraph>
        </Card>
      ))}
    </Space>
  );
}
