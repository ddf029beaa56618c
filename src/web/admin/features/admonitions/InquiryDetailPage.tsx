import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { fetchInquiry, INQUIRY_CONCLUSIONS, INQUIRY_EVENTS, inquiryStep } from './api';
import { RecordTimeline } from './RecordTimeline';
import { type StepField, StepModal } from './StepModal';

const CONCLUDE: StepField[] = [
  {
    name: 'conclusion',
    label: '结论',
    kind: 'select',
    options: Object.entries(INQUIRY_CONCLUSIONS).map(([value, label]) => ({ value, label })),
  },
  { name: 'note', label: '结论意见', kind: 'textarea' },
];

/** One inquiry: the question, the reply and its endorsement, the conclusion, the letter and the history. */
export default function InquiryDetailPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [modal, setModal] = useState<'endorse' | 'conclude' | null>(null);
  const q = useQuery({ queryKey: ['inquiries', 'detail', id], queryFn: () => fetchInquiry(id) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!q.data)
    return (
      <Result
        status="404"
        title="函询不存在，或您无权查看"
        extra={<Button onClick={() => nav('/inquiries')}>返回</Button>}
      />
    );
  const i = q.data;
  const run = (path: string) => async (values: Record<string, unknown>) => {
    const saved = await inquiryStep(i.id, path, { ...values, version: i.version });
    client.setQueryData(['inquiries', 'detail', id], saved);
    client.invalidateQueries({ queryKey: ['inquiries', 'list'] });
    if (saved.admonitionId) client.invalidateQueries({ queryKey: ['admonitions'] });
  };
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0 }}
        onClick={() => nav('/inquiries')}
      >
        函询
      </Button>
      <Card
        title={
          <Space>
            {i.code}
            <Tag color={i.status === 'concluded' ? 'default' : 'blue'}>{i.statusLabel}</Tag>
            {i.overdue && <Tag color="red">逾期未回复</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download(`/api/v1/inquiries/${i.id}/letter.docx`).catch((e) => message.error(e.message))
              }
            >
              函询通知书
            </Button>
            {i.status === 'replied' && (can('inquiry.endorse') || can('inquiry.manage')) && (
              <Button type="primary" onClick={() => setModal('endorse')}>
                签字背书
              </Button>
            )}
            {i.status === 'endorsed' && can('inquiry.manage') && (
              <Button type="primary" onClick={() => setModal('conclude')}>
                作出结论
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="函询对象">{i.cadreName}</Descriptions.Item>
          <Descriptions.Item label="单位">{i.orgName}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {i.sourceKind}
            {i.petitionId && (
              <>
                （<Link to={`/petitions/${i.petitionId}`}>信访件 {i.petitionCode}</Link>）
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="发函日期">{i.sentOn}</Descriptions.Item>
          <Descriptions.Item label="回复期限">{i.dueOn}</Descriptions.Item>
          <Descriptions.Item label="回复日期">
            {i.repliedOn ? `${i.repliedOn}${i.onTime ? '（按期）' : '（逾期）'}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="函询事项" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {i.question}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="干部回复" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {i.replyText ?? '尚未回复'}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="签字背书">
            {i.endorserName ? `${i.endorserName}（${i.endorsedAt?.slice(0, 10)}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="结论">
            {i.conclusionLabel ?? '—'}
            {i.admonitionId && (
              <>
                （<Link to={`/admonitions/${i.admonitionId}`}>{i.admonitionCode}</Link>）
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="结论意见">{i.conclusionNote ?? '—'}</Descriptions.Item>
        </Descriptions>
        {i.attachments.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            附件：
            {i.attachments.map((f) => (
              <Button
                key={f.id}
                type="link"
                onClick={() => download(`/api/v1/inquiries/${i.id}/attachments/${f.id}`)}
              >
                {f.fileName}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Card title="过程记录" style={{ marginTop: 16 }}>
        <RecordTimeline events={i.events} labels={INQUIRY_EVENTS} />
      </Card>
      {modal === 'endorse' && (
        <StepModal
          title="签字背书"
          okText="确认背书"
          fields={[{ name: 'note', label: '背书意见', kind: 'textarea', required: false }]}
          onSubmit={run('endorse')}
          onClose={() => setModal(null)}
        />
      )}
      {modal === 'conclude' && (
        <StepModal
          title="作出结论"
          okText="确认结论"
          warning="结论为“诫勉”或“予以提醒”时将同时立项谈话诫勉；结论作出后不能修改。"
          fields={CONCLUDE}
          onSubmit={run('conclude')}
          onClose={() => setModal(null)}
        />
      )}
    </>
  );
}
