import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../shared/me';
import {
  ADMONITION_EVENTS,
  ADMONITION_KINDS,
  type AdmonitionDetail,
  admonitionStep,
  fetchAdmonition,
  ORG_MEASURES,
  RATINGS,
} from './api';
import { RecordTimeline } from './RecordTimeline';
import { type StepField, StepModal } from './StepModal';

type Step = {
  path: string;
  title: string;
  okText: string;
  fields: StepField[];
  danger?: boolean;
  warning?: string;
};

const STEPS: Record<string, Step> = {
  talk: {
    path: 'talk',
    title: '记录谈话',
    okText: '保存谈话记录',
    fields: [
      { name: 'talkOn', label: '谈话日期', kind: 'date' },
      { name: 'place', label: '谈话地点' },
      { name: 'talkers', label: '谈话人', kind: 'list' },
      { name: 'record', label: '谈话记录', kind: 'textarea' },
      { name: 'cadreStatement', label: '本人表态', kind: 'textarea', required: false },
      { name: 'acknowledgedOn', label: '本人签字确认日期', kind: 'date', required: false },
    ],
  },
  checkIn: {
    path: 'check-ins',
    title: '记录跟踪谈心谈话',
    okText: '保存',
    fields: [
      { name: 'on', label: '谈话日期', kind: 'date' },
      {
        name: 'rating',
        label: '评价',
        kind: 'select',
        options: RATINGS.map((r) => ({ value: r, label: r })),
      },
      { name: 'note', label: '情况说明', kind: 'textarea' },
    ],
  },
  report: {
    path: 'reports',
    title: '记录书面报告',
    okText: '保存',
    fields: [
      { name: 'on', label: '报告日期', kind: 'date' },
      { name: 'note', label: '报告摘要', kind: 'textarea' },
    ],
  },
  release: {
    path: 'release',
    title: '解除诫勉',
    okText: '确认解除',
    warning: '解除后不能撤销；诫勉对提拔的影响期仍按规则计算至期满。',
    fields: [
      { name: 'on', label: '解除日期', kind: 'date' },
      { name: 'note', label: '解除意见', kind: 'textarea' },
    ],
  },
  measure: {
    path: 'measure',
    title: '采取组织措施',
    okText: '确认',
    danger: true,
    warning: '组织措施按规则影响提拔，决定后不能撤销。',
    fields: [
      { name: 'on', label: '决定日期', kind: 'date' },
      {
        name: 'measure',
        label: '组织措施',
        kind: 'select',
        options: Object.entries(ORG_MEASURES).map(([value, label]) => ({ value, label })),
      },
      { name: 'note', label: '决定事由', kind: 'textarea' },
    ],
  },
};

/** One admonition: the talk, the tracking plan and check-ins, its effect on promotion, its history. */
export default function AdmonitionDetailPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const can = useCan();
  const client = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const q = useQuery({ queryKey: ['admonitions', 'detail', id], queryFn: () => fetchAdmonition(id) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!q.data)
    return (
      <Result
        status="404"
        title="诫勉记录不存在，或您无权查看"
        extra={<Button onClick={() => nav('/admonitions')}>返回</Button>}
      />
    );
  const a: AdmonitionDetail = q.data;
  const manage = can('admonition.manage');
  const run = (s: Step) => async (values: Record<string, unknown>) => {
    const saved = await admonitionStep(a.id, s.path, { ...values, version: a.version });
    client.setQueryData(['admonitions', 'detail', id], saved);
    client.invalidateQueries({ queryKey: ['admonitions', 'list'] });
  };
  const plan = a.checkInDates.map((due, n) => {
    const done = a.events.filter((e) => e.action === 'check_in')[n];
    return {
      n: n + 1,
      due,
      on: done?.occurredOn ?? null,
      rating: done?.rating ?? null,
      note: done?.note ?? null,
    };
  });
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0 }}
        onClick={() => nav('/admonitions')}
      >
        谈话诫勉
      </Button>
      <Card
        title={
          <Space>
            {a.code}
            <Tag color={a.status === 'tracking' ? 'blue' : a.status === 'measures' ? 'orange' : 'default'}>
              {a.statusLabel}
            </Tag>
            {a.overdue && <Tag color="red">逾期未决定</Tag>}
          </Space>
        }
        extra={
          manage && (
            <Space wrap>
              {a.status === 'pending_talk' && (
                <Button type="primary" onClick={() => setStep(STEPS.talk)}>
                  记录谈话
                </Button>
              )}
              {a.status === 'tracking' && (
                <>
                  <Button type="primary" onClick={() => setStep(STEPS.checkIn)} disabled={!a.nextCheckInOn}>
                    记录谈心谈话
                  </Button>
                  <Button onClick={() => setStep(STEPS.report)}>记录书面报告</Button>
                  <Button onClick={() => setStep(STEPS.release)}>解除诫勉</Button>
                  <Button danger onClick={() => setStep(STEPS.measure)}>
                    组织措施
                  </Button>
                </>
              )}
            </Space>
          )
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="谈话对象">{a.cadreName}</Descriptions.Item>
          <Descriptions.Item label="单位">{a.orgName}</Descriptions.Item>
          <Descriptions.Item label="类别">
            {ADMONITION_KINDS[a.kind as keyof typeof ADMONITION_KINDS]}
          </Descriptions.Item>
          <Descriptions.Item label="来源">
            {a.sourceKind}
            {a.inquiry && (
              <>
                （<Link to={`/inquiries/${a.inquiry.id}`}>函询 {a.inquiry.code}</Link>）
              </>
            )}
            {a.sourceRefType === 'accountability' && a.sourceRefId !== null && (
              <>
                （<Link to={`/accountability/${a.sourceRefId}`}>查看责任追究事项</Link>）
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="立项日期">{a.openedOn}</Descriptions.Item>
          <Descriptions.Item label="跟踪责任人">{a.responsibleName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="事由" span={3}>
            {a.reason}
          </Descriptions.Item>
          {a.talkOn && (
            <>
              <Descriptions.Item label="谈话日期">{a.talkOn}</Descriptions.Item>
              <Descriptions.Item label="谈话地点">{a.talkPlace}</Descriptions.Item>
              <Descriptions.Item label="谈话人">{a.talkers.join('、')}</Descriptions.Item>
              <Descriptions.Item label="谈话记录" span={3}>
                {a.talkRecord}
              </Descriptions.Item>
              <Descriptions.Item label="本人表态" span={2}>
                {a.cadreStatement ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="签字确认">{a.acknowledgedOn ?? '—'}</Descriptions.Item>
            </>
          )}
          {a.trackingEndsOn && <Descriptions.Item label="跟踪考察期满">{a.trackingEndsOn}</Descriptions.Item>}
          {a.decideBy && <Descriptions.Item label="决定期限">{a.decideBy}</Descriptions.Item>}
          {a.releasedOn && <Descriptions.Item label="解除日期">{a.releasedOn}</Descriptions.Item>}
          {a.measureKind && (
            <Descriptions.Item label="组织措施">
              {ORG_MEASURES[a.measureKind as keyof typeof ORG_MEASURES]}（{a.measureOn}）
            </Descriptions.Item>
          )}
        </Descriptions>
        {a.effects.map((e) => (
          <Alert
            key={e.label}
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`${e.label}影响提拔：自 ${e.from} 起至 ${e.lastDay}（${e.rule}），${e.clearsOn} 起不再影响`}
          />
        ))}
      </Card>
      {plan.length > 0 && (
        <Card title="跟踪考察：谈心谈话" style={{ marginTop: 16 }}>
          <Table
            rowKey="n"
            size="small"
            pagination={false}
            dataSource={plan}
            columns={[
              { title: '次序', dataIndex: 'n', width: 60 },
              { title: '应谈日期', dataIndex: 'due', width: 120 },
              { title: '实谈日期', dataIndex: 'on', width: 120, render: (d) => d ?? '—' },
              { title: '评价', dataIndex: 'rating', width: 80, render: (r) => r ?? '—' },
              { title: '情况', dataIndex: 'note', render: (n) => n ?? '' },
            ]}
          />
          {a.reportDates.length > 0 && (
            <div style={{ marginTop: 8, color: '#888' }}>书面报告应交日期：{a.reportDates.join('、')}</div>
          )}
        </Card>
      )}
      <Card title="过程记录" style={{ marginTop: 16 }}>
        <RecordTimeline events={a.events} labels={ADMONITION_EVENTS} />
      </Card>
      {step && (
        <StepModal
          title={step.title}
          okText={step.okText}
          fields={step.fields}
          danger={step.danger}
          warning={step.warning}
          onSubmit={run(step)}
          onClose={() => setStep(null)}
        />
      )}
    </>
  );
}
