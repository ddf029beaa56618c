import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  message,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { download } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { uploadFile } from '../admonitions/api';
import {
  attachmentUrl,
  type Disclosure,
  type Finance,
  fetchVersions,
  REVISION_STATUSES,
  reviseDisclosure,
  scheduleDisclosure,
  type Version,
} from './api';
import { DisclosureFields } from './DisclosureForm';

const yuan = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));
const TOTALS: Record<string, string> = {
  totalIncome: '收入合计',
  totalExpense: '支出合计',
  balance: '本期结余',
};
const CHANGES: Record<string, { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  amount: { label: '金额变更', color: 'orange' },
};

/** 版本记录: every published version, each with what changed against the one before (finance lines, totals, text). */
export function VersionsCard({ d }: { d: Disclosure }) {
  const q = useQuery({
    queryKey: ['openness', 'versions', d.id, d.version],
    queryFn: () => fetchVersions(d.id),
    enabled: d.publishedOn != null,
  });
  if (!d.publishedOn) return null;
  const items = q.data?.items ?? [];
  return (
    <Card title={`版本记录（共 ${items.length} 版）`}>
      {items.length <= 1 && <Typography.Text type="secondary">公开后未修订。</Typography.Text>}
      {items
        .slice(1)
        .reverse()
        .map((v) => (
          <VersionDiff key={v.no} v={v} />
        ))}
    </Card>
  );
}

/** A published village item's revision in front of the 村务监督委员会: what would change, and why. */
export function PendingRevisionCard({ d }: { d: Disclosure }) {
  const r = d.revision!;
  const label = REVISION_STATUSES[d.revisionStatus ?? '']?.label ?? '修订';
  return (
    <Card title={`${label}（公开前须经村务监督委员会审核，现行内容不变）`} data-testid="pending-revision">
      <VersionDiff
        v={{
          no: 0,
          title: r.title,
          body: r.body,
          finance: r.finance,
          note: r.note,
          userName: r.userName,
          at: r.at,
          diff: r.diff,
        }}
        heading={`修订稿 · ${r.userName ?? '—'} · ${dayjs(r.at).format('YYYY-MM-DD HH:mm')}`}
      />
    </Card>
  );
}

function VersionDiff({ v, heading }: { v: Version; heading?: string }) {
  const diff = v.diff!;
  return (
    <div style={{ marginBottom: 16 }} data-testid={`version-${v.no}`}>
      <Typography.Title level={5}>
        {heading ?? `第 ${v.no} 版 · ${v.userName ?? '—'} · ${dayjs(v.at).format('YYYY-MM-DD HH:mm')}`}
      </Typography.Title>
      {v.note && <div>修订说明：{v.note}</div>}
      {diff.title && (
        <div>
          标题：<del>{diff.title.before}</del> → <ins>{diff.title.after}</ins>
        </div>
      )}
      {diff.finance && (
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => `${r.kind}-${r.item}-${r.change}`}
          dataSource={[
            ...diff.finance.lines,
            ...diff.finance.totals.map((t) => ({
              change: 'amount' as const,
              kind: 'total',
              item: TOTALS[t.field] ?? t.field,
              before: t.before ?? undefined,
              after: t.after ?? undefined,
            })),
          ]}
          columns={[
            {
              title: '变更',
              dataIndex: 'change',
              width: 100,
              render: (c: string) => <Tag color={CHANGES[c].color}>{CHANGES[c].label}</Tag>,
            },
            {
              title: '收支',
              dataIndex: 'kind',
              width: 70,
              render: (k: string) => (k === 'income' ? '收入' : k === 'expense' ? '支出' : '合计'),
            },
            { title: '项目', dataIndex: 'item' },
            { title: '修订前（元）', dataIndex: 'before', align: 'right', render: yuan },
            { title: '修订后（元）', dataIndex: 'after', align: 'right', render: yuan },
          ]}
        />
      )}
      {diff.body && (
        <pre style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
          {diff.body
            .filter((l) => l.kind !== 'same')
            .map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines are fixed and may repeat
              <div key={`${i}-${l.text}`} style={{ background: l.kind === 'added' ? '#f6ffed' : '#fff1f0' }}>
                {l.kind === 'added' ? '+ ' : '− '}
                {l.text}
              </div>
            ))}
        </pre>
      )}
    </div>
  );
}

/** 修订: a published item's text or finance table changed, with the reason; a new version. */
export function ReviseDrawer(props: { d: Disclosure; onClose: () => void; onDone: (d: Disclosure) => void }) {
  const { d } = props;
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: {
    title: string;
    body: string;
    withFinance?: boolean;
    finance?: Finance;
    note: string;
  }) => {
    try {
      props.onDone(
        await reviseDisclosure(d.id, {
          title: v.title,
          body: v.body,
          finance: v.withFinance ? (v.finance ?? null) : null,
          note: v.note,
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
      title={
        d.needsReview
          ? '修订已公开事项（提交村务监督委员会审核，审核通过后公开为新版本）'
          : '修订已公开事项（保存为新版本，保留修订前的版本）'
      }
      onClose={props.onClose}
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          {d.needsReview ? '提交修订审核' : '保存修订'}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          // a returned revision is corrected from where it was left
          title: d.revision?.title ?? d.title,
          body: d.revision?.body ?? d.body,
          issuingBody: d.issuingBody,
          issuedOn: d.issuedOn ? dayjs(d.issuedOn) : undefined,
          docNumber: d.docNumber ?? undefined,
          withFinance: !!(d.revision ? d.revision.finance : d.finance),
          finance: (d.revision ? d.revision.finance : d.finance) ?? undefined,
          note: d.revision?.note,
        }}
      >
        <Form.Item
          name="note"
          label="修订说明"
          rules={[{ required: true, whitespace: true, message: '请填写修订说明' }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <DisclosureFields form={form} />
      </Form>
    </Drawer>
  );
}

/** 定时公开: the time to publish at. */
export function ScheduleModal(props: {
  d: Disclosure;
  onClose: () => void;
  onDone: (d: Disclosure) => void;
}) {
  const [form] = Form.useForm<{ at: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title="定时公开" onCancel={props.onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            props.onDone(
              await scheduleDisclosure(props.d.id, { version: props.d.version, publishAt: v.at.format() }),
            );
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        <Form.Item name="at" label="公开时间" rules={[{ required: true, message: '请选择公开时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公开栏照片和附件: dated photos of the physical board (the evidence it was posted) and files. */
export function AttachmentsCard(props: { d: Disclosure; editable: boolean; onChanged: () => void }) {
  const { d } = props;
  const { me } = useMe();
  const [kind, setKind] = useState<'photo' | 'file'>('photo');
  const [takenOn, setTakenOn] = useState<Dayjs | null>(null);
  const [caption, setCaption] = useState('');
  return (
    <Card title="公开栏照片和附件">
      {d.attachments.length === 0 && <Empty description="暂无照片或附件" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {d.attachments.map((f) => (
          <Space key={f.id}>
            <Tag color={f.kind === 'photo' ? 'blue' : 'default'}>
              {f.kind === 'photo' ? '公开栏照片' : '附件'}
            </Tag>
            {f.takenOn && <span>拍摄于 {f.takenOn}</span>}
            <Button
              type="link"
              size="small"
              onClick={() => download(`/api/v1/disclosures/${d.id}/attachments/${f.id}`)}
            >
              {f.fileName}
            </Button>
            {f.caption && <Typography.Text type="secondary">{f.caption}</Typography.Text>}
          </Space>
        ))}
        {props.editable && (
          <Space wrap>
            <Select
              value={kind}
              onChange={setKind}
              style={{ width: 130 }}
              options={[
                { value: 'photo', label: '公开栏照片' },
                { value: 'file', label: '附件' },
              ]}
            />
            <DatePicker placeholder="拍摄日期" value={takenOn} onChange={setTakenOn} />
            <Input
              placeholder="说明（可选）"
              value={caption}
              onChange={(e) => setCaption(e.target.value)}
              style={{ width: 200 }}
            />
            <Upload
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  await uploadFile(
                    attachmentUrl(d.id, {
                      kind,
                      takenOn: takenOn?.format('YYYY-MM-DD'),
                      caption: caption || undefined,
                    }),
                    file as File,
                    me?.csrfToken ?? '',
                  );
                  props.onChanged();
                  onSuccess?.({});
                } catch (e) {
                  message.error((e as Error).message);
                  onError?.(e as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />}>上传</Button>
            </Upload>
          </Space>
        )}
      </Space>
    </Card>
  );
}
