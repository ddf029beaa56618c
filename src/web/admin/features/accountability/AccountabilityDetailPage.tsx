import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../shared/me';
import { ConfirmModal, DismissModal, ReviewModal } from './ActionModals';
import {
  EVENT_LABELS,
  fetchRecord,
  GROUNDS,
  RECORD_KINDS,
  RECORD_STATUSES,
  type RecordDetail,
  SANCTION_STATUSES,
  type SanctionOut,
  SOURCES,
  STATUS_COLORS,
} from './api';
import { RecordDrawer } from './RecordDrawer';

/** One accountability record: its facts, persons with their sanctions (and their history), its timeline. */
export default function AccountabilityDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['accountability', id], queryFn: () => fetchRecord(id) });
  const [dialog, setDialog] = useState<'edit' | 'confirm' | 'dismiss' | null>(null);
  const [reviewing, setReviewing] = useState<SanctionOut | null>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="追究事项不存在或无权查看" />;
  const r = q.data;
  const done = (next: RecordDetail) => {
    client.setQueryData(['accountability', id], next);
    client.invalidateQueries({ queryKey: ['accountability'] });
    setDialog(null);
    setReviewing(null);
  };
  const manage = can('accountability.manage');
  const rows = r.people.flatMap((p) => p.sanctions.map((s) => ({ ...s, person: p })));
  const bare = r.people.filter((p) => !p.sanctions.length).map((p) => ({ id: -p.id, person: p }) as never);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{r.title}</span>
            <Tag color={STATUS_COLORS[r.status]}>{RECORD_STATUSES[r.status]}</Tag>
          </Space>
        }
        extra={
          manage &&
          r.status === 'draft' && (
            <Space>
              <Button onClick={() => setDialog('edit')}>修改</Button>
              <Button danger onClick={() => setDialog('dismiss')}>
                不予追究
              </Button>
              <Button type="primary" onClick={() => setDialog('confirm')}>
                确认追究
              </Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="追究类型">
            {RECORD_KINDS[r.kind]}
            {r.categoryLabel ? `（${r.categoryLabel}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="单位">{r.orgName}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {SOURCES[r.source] ?? r.source}
            {r.sourceRef ? `（${r.sourceRef}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="决定机关">{r.decidingBody ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="决定日期">{r.decidedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="追究依据">
            {r.basis}
            {r.basisPolicy && (
              <>
                {' '}
                <Link to={`/policies/${r.basisPolicy.id}`}>《{r.basisPolicy.title}》</Link>
              </>
            )}
          </Descriptions.Item>
          {r.dismissReason && <Descriptions.Item label="不予追究理由">{r.dismissReason}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
          {r.facts}
        </Typography.Paragraph>
      </Card>
      <Card title="被追究人及处理">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...rows, ...bare]}
          columns={[
            {
              title: '被追究人',
              render: (_, s: (typeof rows)[number]) => (
                <>
                  {s.person.cadreId ? (
                    <Link to={`/cadres/${s.person.cadreId}/file`}>{s.person.name}</Link>
                  ) : (
                    s.person.name
                  )}
                  {s.person.post ? `（${s.person.post}）` : ''} {s.person.role && <Tag>{s.person.role}</Tag>}
                </>
              ),
            },
            {
              title: '处理',
              render: (_, s: (typeof rows)[number]) =>
                s.kindLabel ? (
                  <>
                    {s.kindLabel}
                    {s.tenures?.length ? `：${s.tenures.map((t) => t.title).join('、')}` : ''}
                  </>
                ) : (
                  <Typography.Text type="warning">待确定</Typography.Text>
                ),
            },
            { title: '生效日期', dataIndex: 'effectiveFrom', width: 110, render: (d) => d ?? '（决定日期）' },
            { title: '影响期至', dataIndex: 'effectEndsOn', width: 110, render: (d) => d ?? '—' },
            {
              title: '状态',
              width: 260,
              render: (_, s: (typeof rows)[number]) =>
                s.status && s.status !== 'in_force' ? (
                  <span>
                    <Tag>{SANCTION_STATUSES[s.status]}</Tag>
                    {s.endedOn} {GROUNDS[s.endGround ?? ''] ?? ''}：{s.endReason}
                  </span>
                ) : (
                  s.status && <Tag color="red">{SANCTION_STATUSES[s.status]}</Tag>
                ),
            },
            ...(manage && r.status === 'in_force'
              ? [
                  {
                    title: '',
                    width: 110,
                    render: (_: unknown, s: (typeof rows)[number]) =>
                      s.status === 'in_force' && (
                        <Button size="small" onClick={() => setReviewing(s)}>
                          申诉/复查
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title="办理过程">
        <Timeline
          items={r.events.map((e) => ({
            content: (
              <>
                {e.occurredOn} {EVENT_LABELS[e.action] ?? e.action}
                {e.userName ? `（${e.userName}）` : ''}
                {e.reason ? `：${e.reason}` : ''}
              </>
            ),
          }))}
        />
      </Card>
      {dialog === 'edit' && <RecordDrawer record={r} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog === 'confirm' && <ConfirmModal record={r} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'dismiss' && <DismissModal record={r} onClose={() => setDialog(null)} onDone={done} />}
      {reviewing && (
        <ReviewModal record={r} sanction={reviewing} onClose={() => setReviewing(null)} onDone={done} />
      )}
    </Space>
  );
}
