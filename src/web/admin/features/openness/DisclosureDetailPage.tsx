import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import {
  ACTIONS,
  type Disclosure,
  disclosureStep,
  type Finance,
  fetchDisclosure,
  type Procedure,
  REVISION_STATUSES,
  STATUSES,
  scheduleDisclosure,
  updateDisclosure,
} from './api';
import { DisclosureFields } from './DisclosureForm';
import {
  AttachmentsCard,
  PendingRevisionCard,
  ReviseDrawer,
  ScheduleModal,
  VersionsCard,
} from './PublisherPanels';

const yuan = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));

/** One openness item: its metadata, text, finance table and every step with who and when; the chain's buttons. */
export default function DisclosureDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['openness', 'disclosure', id], queryFn: () => fetchDisclosure(id) });
  const [reasonFor, setReasonFor] = useState<'return' | 'withdraw' | null>(null);
  const [editing, setEditing] = useState(false);
  const [revising, setRevising] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const d = q.data;
  if (!d) return q.error ? <Alert type="error" showIcon title={(q.error as Error).message} /> : null;
  const done = (next: Disclosure) => {
    setError(null);
    qc.setQueryData(['openness', 'disclosure', id], next);
    qc.invalidateQueries({ queryKey: ['openness', 'disclosures'] });
  };
  const step = async (action: string, reason?: string) => {
    try {
      done(await disclosureStep(id, action, { version: d.version, reason: reason ?? null }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const drafter = can('disclosure.draft');
  const reviewer = can('disclosure.review');
  const editable = d.status === 'draft' || d.status === 'returned';
  const publishable = d.needsReview ? d.status === 'approved' : d.status === 'draft';
  // a published village item's revision: reviewed by the committee, then published by the 村委会
  const revisionInReview = d.status === 'published' && d.revisionStatus === 'in_review';
  const revisionApproved = d.status === 'published' && d.revisionStatus === 'approved';
  const unschedule = async () => {
    try {
      done(await scheduleDisclosure(id, { version: d.version, publishAt: null }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      {d.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={`监委会退回：${d.events.filter((e) => e.action === 'return').at(-1)?.note ?? ''}`}
        />
      )}
      {d.publishAt && (
        <Alert
          type="info"
          showIcon
          title={`定于 ${dayjs(d.publishAt).format('YYYY-MM-DD HH:mm')} 自动公开`}
          action={
            drafter && (
              <Button size="small" onClick={unschedule}>
                取消定时
              </Button>
            )
          }
        />
      )}
      {d.status === 'withdrawn' && (
        <Alert type="error" showIcon title={`已于 ${d.withdrawnOn} 撤回：${d.withdrawReason ?? ''}`} />
      )}
      <Card
        title={
          <Space>
            <span>{d.title}</span>
            <Tag color={STATUSES[d.status]?.color}>{STATUSES[d.status]?.label ?? d.status}</Tag>
            {d.revisionStatus && (
              <Tag color={REVISION_STATUSES[d.revisionStatus]?.color}>
                {REVISION_STATUSES[d.revisionStatus]?.label}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {drafter && editable && <Button onClick={() => setEditing(true)}>修改</Button>}
            {drafter && editable && d.needsReview && (
              <Button type="primary" onClick={() => step('submit')}>
                提交监委会审核
              </Button>
            )}
            {reviewer && (d.status === 'in_review' || revisionInReview) && (
              <>
                <Button type="primary" onClick={() => step('approve')}>
                  审核通过
                </Button>
                <Button danger onClick={() => setReasonFor('return')}>
                  退回
                </Button>
              </>
            )}
            {drafter && publishable && <Button onClick={() => setScheduling(true)}>定时公开</Button>}
            {drafter && d.status === 'published' && <Button onClick={() => setRevising(true)}>修订</Button>}
            {drafter && revisionApproved && (
              <Popconfirm
                title="公开监委会审核通过的修订，作为新版本替换现行内容。确认公开？"
                onConfirm={() => step('publish')}
              >
                <Button type="primary">公开修订</Button>
              </Popconfirm>
            )}
            {drafter && publishable && (
              <Popconfirm
                title="公开后将生成索引号，内容不能再修改。确认公开？"
                onConfirm={() => step('publish')}
              >
                <Button type="primary">公开</Button>
              </Popconfirm>
            )}
            {drafter && d.status === 'published' && (
              <Button danger onClick={() => setReasonFor('withdraw')}>
                撤回
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="索引号">{d.indexNo ?? '公开时生成'}</Descriptions.Item>
          <Descriptions.Item label="公开单位">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="公开事项">{d.itemTypeName}</Descriptions.Item>
          <Descriptions.Item label="公开期间">{d.period ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发布机构">{d.issuingBody}</Descriptions.Item>
          <Descriptions.Item label="发文日期">{d.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="文号">{d.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公开日期">{d.publishedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>
          {d.body}
        </Typography.Paragraph>
        {d.procedure && <ProcedureView p={d.procedure} />}
        {d.finance && <FinanceTable finance={d.finance} />}
      </Card>
      {d.revision && <PendingRevisionCard d={d} />}
      <VersionsCard d={d} />
      <AttachmentsCard d={d} editable={drafter} onChanged={() => q.refetch()} />
      <Card title="办理过程">
        <Timeline
          items={d.events.map((e) => ({
            children: (
              <>
                <b>{ACTIONS[e.action] ?? e.action}</b> · {e.userName ?? '系统'} ·{' '}
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                {e.note && (
                  <div>
                    {['return', 'withdraw', 'revision_return'].includes(e.action) ? '理由：' : ''}
                    {e.note}
                  </div>
                )}
              </>
            ),
          }))}
        />
      </Card>
      {reasonFor && (
        <ReasonModal
          title={
            reasonFor === 'return'
              ? '退回（请写明退回理由）'
              : '撤回（请写明撤回理由，撤回后仍保留在公开记录中）'
          }
          onClose={() => setReasonFor(null)}
          onOk={async (reason) => {
            await step(reasonFor, reason);
            setReasonFor(null);
          }}
        />
      )}
      {revising && (
        <ReviseDrawer
          d={d}
          onClose={() => setRevising(false)}
          onDone={(n) => {
            done(n);
            setRevising(false);
          }}
        />
      )}
      {scheduling && (
        <ScheduleModal
          d={d}
          onClose={() => setScheduling(false)}
          onDone={(n) => {
            done(n);
            setScheduling(false);
          }}
        />
      )}
      {editing && (
        <EditDrawer
          d={d}
          onClose={() => setEditing(false)}
          onDone={(n) => {
            done(n);
            setEditing(false);
          }}
        />
      )}
    </Space>
  );
}

function ProcedureView({ p }: { p: Procedure }) {
  return (
    <Descriptions column={1} size="small" bordered title="办事程序" style={{ marginBottom: 16 }}>
      <Descriptions.Item label="办事依据">
        <span style={{ whiteSpace: 'pre-wrap' }}>{p.basis}</span>
      </Descriptions.Item>
      <Descriptions.Item label="办理条件">
        <span style={{ whiteSpace: 'pre-wrap' }}>{p.conditions}</span>
      </Descriptions.Item>
      <Descriptions.Item label="办理程序">
        <span style={{ whiteSpace: 'pre-wrap' }}>{p.steps}</span>
      </Descriptions.Item>
      <Descriptions.Item label="办理时限">{p.timeLimit}</Descriptions.Item>
    </Descriptions>
  );
}

function FinanceTable({ finance }: { finance: Finance }) {
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={finance.lines}
      columns={[
        { title: '收支', dataIndex: 'kind', width: 80, render: (k) => (k === 'income' ? '收入' : '支出') },
        { title: '项目', dataIndex: 'item' },
        { title: '金额（元）', dataIndex: 'amount', width: 160, align: 'right', render: yuan },
      ]}
      footer={() => (
        <Space size="large">
          <span>收入合计：{yuan(finance.totalIncome)} 元</span>
          <span>支出合计：{yuan(finance.totalExpense)} 元</span>
          {finance.balance != null && <span>本期结余：{yuan(finance.balance)} 元</span>}
        </Space>
      )}
    />
  );
}

function ReasonModal(props: { title: string; onClose: () => void; onOk: (reason: string) => Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => props.onOk(v.reason)}>
        <Form.Item
          name="reason"
          label="理由"
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { max: 500, message: '理由不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditDrawer(props: { d: Disclosure; onClose: () => void; onDone: (d: Disclosure) => void }) {
  const { d } = props;
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: {
    title: string;
    body: string;
    issuingBody: string;
    issuedOn?: Dayjs;
    docNumber?: string;
    withFinance?: boolean;
    finance?: Finance;
    procedure?: Procedure;
  }) => {
    try {
      props.onDone(
        await updateDisclosure(d.id, {
          title: v.title,
          body: v.body,
          issuingBody: v.issuingBody,
          issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
          docNumber: v.docNumber || null,
          finance: v.withFinance ? (v.finance ?? null) : null,
          procedure: d.isProcedure ? (v.procedure ?? null) : null,
          version: d.version,
        }),
      );
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  return (
    <Drawer
      open
      width={720}
      title="修改公开事项"
      onClose={props.onClose}
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: d.title,
          body: d.body,
          issuingBody: d.issuingBody,
          issuedOn: d.issuedOn ? dayjs(d.issuedOn) : undefined,
          docNumber: d.docNumber ?? undefined,
          withFinance: !!d.finance,
          finance: d.finance ?? undefined,
          procedure: d.procedure ?? undefined,
        }}
      >
        <DisclosureFields form={form} procedure={d.isProcedure} />
      </Form>
    </Drawer>
  );
}
