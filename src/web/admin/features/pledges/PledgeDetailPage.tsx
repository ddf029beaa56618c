import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { uploadFile } from '../admonitions/api';
import {
  addProgress,
  fetchPledge,
  type PledgeDetail,
  type PledgeItem,
  pledgeBase,
  rateText,
  saveAppraisal,
  saveReport,
} from './api';

type TreeRow = PledgeItem & { children?: TreeRow[] };

function treeOf(items: PledgeItem[]): TreeRow[] {
  const rows = new Map<number, TreeRow>(items.map((i) => [i.id, { ...i }]));
  const roots: TreeRow[] = [];
  for (const r of rows.values()) {
    const parent = r.parentId === null ? undefined : rows.get(r.parentId);
    if (parent) parent.children = [...(parent.children ?? []), r];
    else roots.push(r);
  }
  return roots;
}

/** 一份任期承诺: its item tree with rolled-up progress, 践诺 entries, 述诺 and 评诺. */
export default function PledgeDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [asOf, setAsOf] = useState<string | undefined>();
  const [entering, setEntering] = useState(false);
  const q = useQuery({ queryKey: ['pledges', id, asOf], queryFn: () => fetchPledge(id, asOf) });
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Result status="404" title="任期承诺不存在或无权查看" />;
  const p = q.data;
  const manage = can('pledge.manage');
  const own = p.own;
  const done = (next: PledgeDetail) => {
    client.setQueryData(['pledges', id, asOf], next);
    client.invalidateQueries({ queryKey: ['pledges', 'list'] });
  };
  const titleOf = new Map(p.items.map((i) => [i.id, i.title]));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={p.title}
        extra={
          <Space>
            <span>截至</span>
            <DatePicker
              allowClear
              placeholder="今天"
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            />
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="村">{p.village}</Descriptions.Item>
          <Descriptions.Item label="姓名">{p.cadre}</Descriptions.Item>
          <Descriptions.Item label="职务">{p.post}</Descriptions.Item>
          <Descriptions.Item label="任期">
            {p.termFrom} 至 {p.termTo ?? '今'}
          </Descriptions.Item>
          <Descriptions.Item label="承诺日期">{p.pledgedOn}</Descriptions.Item>
          <Descriptions.Item label="总体进度">
            <Progress percent={p.progress} size="small" style={{ width: 160 }} />
          </Descriptions.Item>
          <Descriptions.Item label={`兑现率（截至 ${p.asOf}）`}>
            {p.due ? `${rateText(p.rate)}（已兑现 ${p.fulfilled} / 应兑现 ${p.due} 项）` : '尚无到期事项'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title="承诺事项（承诺）"
        extra={
          (manage || own) && (
            <Button type="primary" onClick={() => setEntering(true)}>
              录入践诺进度
            </Button>
          )
        }
      >
        <Table<TreeRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={treeOf(p.items)}
          expandable={{ defaultExpandAllRows: true }}
          columns={[
            { title: '承诺事项', dataIndex: 'title' },
            { title: '目标', dataIndex: 'target' },
            { title: '完成期限', dataIndex: 'dueOn', width: 110 },
            { title: '权重', dataIndex: 'weight', width: 70, render: (w) => w ?? '—' },
            {
              title: '进度',
              dataIndex: 'progress',
              width: 180,
              render: (v: number, r) => (
                <Space>
                  <Progress percent={v} size="small" style={{ width: 120 }} />
                  {!r.leaf && <Tag>汇总</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="践诺进度">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...p.entries].reverse()}
          columns={[
            { title: '日期', dataIndex: 'reportedOn', width: 110 },
            { title: '承诺事项', dataIndex: 'itemId', render: (i: number) => titleOf.get(i) },
            { title: '完成进度', dataIndex: 'percent', width: 90, render: (v) => `${v}%` },
            { title: '佐证材料', dataIndex: 'evidence' },
            { title: '录入人', dataIndex: 'by', width: 110 },
            {
              title: '附件',
              dataIndex: 'files',
              width: 220,
              render: (files: PledgeDetail['entries'][number]['files'], r) => (
                <Space wrap>
                  {files.map((f) => (
                    <Button
                      key={f.id}
                      type="link"
                      size="small"
                      onClick={() => download(`/api/v1/pledges/${p.id}/attachments/${f.id}`)}
                    >
                      {f.fileName}
                    </Button>
                  ))}
                  {(manage || own) && (
                    <Upload
                      showUploadList={false}
                      customRequest={async ({ file, onSuccess, onError }) => {
                        try {
                          await uploadFile(
                            `${pledgeBase(own)}/${p.id}/progress/${r.id}/attachments`,
                            file as File,
                            me?.csrfToken ?? '',
                          );
                          await q.refetch();
                          onSuccess?.({});
                        } catch (e) {
                          message.error((e as Error).message);
                          onError?.(e as Error);
                        }
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />}>
                        上传
                      </Button>
                    </Upload>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ReportCard pledge={p} editable={manage} onDone={done} />
      <AppraisalCard pledge={p} editable={manage} onDone={done} />
      {entering && (
        <ProgressModal
          pledge={p}
          onClose={() => setEntering(false)}
          onDone={(n) => {
            done(n);
            setEntering(false);
          }}
        />
      )}
    </Space>
  );
}

function ProgressModal(props: {
  pledge: PledgeDetail;
  onClose: () => void;
  onDone: (p: PledgeDetail) => void;
}) {
  type V = { itemId: number; reportedOn: Dayjs; percent: number; evidence: string };
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setBusy(true);
    try {
      props.onDone(
        await addProgress(props.pledge.id, props.pledge.own, {
          ...v,
          reportedOn: v.reportedOn.format('YYYY-MM-DD'),
        }),
      );
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="录入践诺进度"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reportedOn: dayjs() }}>
        <Form.Item name="itemId" label="承诺事项" rules={[{ required: true, message: '请选择承诺事项' }]}>
          <Select
            options={props.pledge.items
              .filter((i) => i.leaf)
              .map((i) => ({ value: i.id, label: `${i.title}（${i.target}）` }))}
          />
        </Form.Item>
        <Space>
          <Form.Item name="reportedOn" label="日期" rules={[{ required: true, message: '请填写进度日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="percent"
            label="完成进度（%）"
            rules={[{ required: true, message: '请填写完成进度' }]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item
          name="evidence"
          label="佐证材料"
          rules={[{ required: true, whitespace: true, message: '请填写佐证材料' }]}
        >
          <Input.TextArea rows={3} placeholder="如：验收单编号、照片说明、会议记录" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportCard(props: { pledge: PledgeDetail; editable: boolean; onDone: (p: PledgeDetail) => void }) {
  const p = props.pledge;
  type V = { report: string; reportedOn: Dayjs };
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const submit = async (v: V) => {
    try {
      props.onDone(
        await saveReport(p.id, {
          report: v.report,
          reportedOn: v.reportedOn.format('YYYY-MM-DD'),
          version: p.version,
        }),
      );
      setEditing(false);
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  return (
    <Card
      size="small"
      title={`述诺${p.reportedOn ? `（${p.reportedOn}）` : ''}`}
      extra={
        props.editable &&
        !p.appraisal &&
        !editing && <Button onClick={() => setEditing(true)}>录入述诺</Button>
      }
    >
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ report: p.report ?? '', reportedOn: p.reportedOn ? dayjs(p.reportedOn) : dayjs() }}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="reportedOn"
            label="述诺日期"
            rules={[{ required: true, message: '请填写述诺日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="report"
            label="述诺报告"
            rules={[{ required: true, whitespace: true, message: '请填写述诺报告' }]}
          >
            <Input.TextArea rows={8} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      ) : (
        <div style={{ whiteSpace: 'pre-wrap' }}>{p.report ?? '尚未述诺'}</div>
      )}
    </Card>
  );
}

function AppraisalCard(props: {
  pledge: PledgeDetail;
  editable: boolean;
  onDone: (p: PledgeDetail) => void;
}) {
  const p = props.pledge;
  type V = { satisfied: number; basic: number; unsatisfied: number; appraisedOn: Dayjs };
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: V) => {
    try {
      props.onDone(
        await saveAppraisal(p.id, {
          ...v,
          appraisedOn: v.appraisedOn.format('YYYY-MM-DD'),
          version: p.version,
        }),
      );
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  const a = p.appraisal;
  return (
    <Card size="small" title={`评诺${p.appraisedOn ? `（${p.appraisedOn}）` : ''}`}>
      {a ? (
        <Space direction="vertical">
          <span>
            满意 {a.satisfied} 票，基本满意 {a.basic} 票，不满意 {a.unsatisfied} 票（共 {a.total} 票）
          </span>
          <span>
            不满意占 {a.failureShare}%（标准 {a.threshold}%）：
            {a.failed ? <Tag color="red">达到诫勉谈话标准</Tag> : <Tag color="green">未达到诫勉谈话标准</Tag>}
          </span>
          {p.admonitionId && <Link to={`/admonitions/${p.admonitionId}`}>查看由此启动的诫勉谈话</Link>}
        </Space>
      ) : !p.report ? (
        '述诺后录入村民评诺结果'
      ) : props.editable ? (
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ appraisedOn: dayjs() }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16, width: '100%' }} />}
          <Form.Item
            name="appraisedOn"
            label="评诺日期"
            rules={[{ required: true, message: '请填写评诺日期' }]}
          >
            <DatePicker />
          </Form.Item>
          {(
            [
              ['satisfied', '满意'],
              ['basic', '基本满意'],
              ['unsatisfied', '不满意'],
            ] as const
          ).map(([k, label]) => (
            <Form.Item
              key={k}
              name={k}
              label={label}
              rules={[{ required: true, message: `请填写${label}票数` }]}
            >
              <InputNumber min={0} precision={0} style={{ width: 90 }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit">
            保存评诺结果
          </Button>
        </Form>
      ) : (
        '尚未评诺'
      )}
    </Card>
  );
}
