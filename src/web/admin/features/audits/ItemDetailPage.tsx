import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download } from '../../shared/api';
import { useCan, useMe } from '../../shared/me';
import { uploadFile } from '../admonitions/api';
import { FormModal } from './AuditModals';
import {
  BUCKET_COLORS,
  CONTINUE_REASONS,
  EVENT_LABELS,
  fetchItem,
  ITEM_COLORS,
  ITEM_STATUSES,
  type ItemDetail,
  itemStep,
} from './api';

type Step = 'plan' | 'report' | 'apply' | 'accept' | 'continue' | 'return' | 'reopen';
const STEP_TITLES: Record<Step, string> = {
  plan: '制定整改方案',
  report: '报告整改进展',
  apply: '申请销号',
  accept: '认定已整改，销号',
  continue: '认定持续整改',
  return: '认定未整改，退回',
  reopen: '抽查复核，重新整改',
};
/** Which steps each status offers, for the unit and for the auditors. */
const UNIT_STEPS: Record<string, Step[]> = {
  issued: ['plan'],
  rectifying: ['report', 'apply', 'plan'],
  continuing: ['report', 'apply'],
};
const AUDITOR_STEPS: Record<string, Step[]> = {
  applied: ['accept', 'continue', 'return'],
  closed: ['reopen'],
};
const req = (message: string) => [{ required: true, message }];

/** One rectification item: the finding, the plan and progress, 认定, and the step forms of whoever acts. */
export default function ItemDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['rectification', id], queryFn: () => fetchItem(id) });
  const [step, setStep] = useState<Step | null>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="整改事项不存在或无权查看" />;
  const it = q.data;
  const done = (next: ItemDetail) => {
    client.setQueryData(['rectification', id], next);
    client.invalidateQueries({ queryKey: ['rectification'] });
    setStep(null);
  };
  const steps = [
    ...(can('rectification.unit') ? (UNIT_STEPS[it.status] ?? []) : []),
    ...(can('econ_audit.manage') && it.canVerify ? (AUDITOR_STEPS[it.status] ?? []) : []),
  ];
  const f = it.finding;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{f.summary}</span>
            <Tag color={ITEM_COLORS[it.status]}>{ITEM_STATUSES[it.status]}</Tag>
            {it.bucket && <Tag color={BUCKET_COLORS[it.bucket]}>{it.bucketLabel}</Tag>}
            {f.repeat && <Tag color="red">屡审屡犯</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => download(`/api/v1/rectification-items/${id}/notice.docx`)}>
              打印整改通知书
            </Button>
            {steps.map((s) => (
              <Button
                key={s}
                type={s === 'accept' || s === 'apply' ? 'primary' : 'default'}
                onClick={() => setStep(s)}
              >
                {STEP_TITLES[s]}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="审计项目" span={2}>
            {can('econ_audit.read') ? (
              <Link to={`/audits/${it.auditId}`}>{it.auditTitle}</Link>
            ) : (
              it.auditTitle
            )}
          </Descriptions.Item>
          <Descriptions.Item label="整改单位">{it.unitName}</Descriptions.Item>
          <Descriptions.Item label="具体描述" span={3}>
            {f.description}
          </Descriptions.Item>
          <Descriptions.Item label="涉及金额（元）">{f.amount ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="严重程度">{f.severityLabel}</Descriptions.Item>
          <Descriptions.Item label="定性依据">{f.basis}</Descriptions.Item>
          <Descriptions.Item label="整改建议" span={3}>
            {f.recommendation}
          </Descriptions.Item>
          <Descriptions.Item label="下发日期">{it.issuedOn}</Descriptions.Item>
          <Descriptions.Item label="方案报送期限">{it.planDueOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="整改时限">{it.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="整改措施" span={3}>
            {it.measures ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="责任单位">{it.responsibleUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="责任人">{it.responsiblePerson ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="下次进展报告">
            {it.nextReportDue ?? '—'}
            {it.reportOverdue && <Tag color="red">已逾期</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="整改进展" span={3}>
            {it.progress ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="证明材料" span={2}>
            <Space orientation="vertical" size={0}>
              <span>{it.evidence ?? (it.evidenceFiles.length ? '' : '—')}</span>
              {it.evidenceFiles.map((file) => (
                <Button
                  key={file.id}
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => download(`/api/v1/rectification-items/${id}/evidence/${file.id}`)}
                >
                  {file.fileName}（{file.uploadedOn}）
                </Button>
              ))}
              {can('rectification.unit') && it.status !== 'applied' && it.status !== 'closed' && (
                <Upload
                  showUploadList={false}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    try {
                      await uploadFile(
                        `/api/v1/rectification-items/${id}/evidence`,
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
                    上传证明材料
                  </Button>
                </Upload>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="认定">
            {it.verdict ?? '—'}
            {it.nextCheckpoint && it.status === 'continuing' ? `（下一检查节点 ${it.nextCheckpoint}）` : ''}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="办理过程">
        <Timeline
          items={it.events.map((e) => ({
            children: `${e.occurredOn} ${EVENT_LABELS[e.action] ?? e.action}${e.userName ? `（${e.userName}）` : ''}${e.reason ? `：${e.reason}` : ''}`,
          }))}
        />
      </Card>
      {step && (
        <FormModal
          title={STEP_TITLES[step]}
          warning={step === 'accept' ? '销号后该事项计为已整改；如抽查复核发现问题可重新打开。' : undefined}
          initial={
            step === 'plan'
              ? {
                  measures: it.measures,
                  responsibleUnit: it.responsibleUnit ?? it.unitName,
                  responsiblePerson: it.responsiblePerson,
                }
              : undefined
          }
          run={(v) => itemStep(id, { ...v, action: step, version: it.version })}
          onClose={() => setStep(null)}
          onDone={done}
        >
          {step === 'plan' && (
            <>
              <Form.Item name="measures" label="整改措施" rules={req('请填写整改措施')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="responsibleUnit" label="责任单位" rules={req('请填写责任单位')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="responsiblePerson" label="责任人" rules={req('请填写责任人')}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="deadline" label="整改时限" rules={req('请填写整改时限')}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {step === 'report' && (
            <Form.Item name="progress" label="整改进展" rules={req('请填写整改进展')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
          {step === 'apply' && (
            <Form.Item
              name="evidence"
              label="证明材料"
              extra={
                it.evidenceFiles.length
                  ? `已上传 ${it.evidenceFiles.length} 份附件，随申请一并提交`
                  : '可先在“证明材料”处上传附件'
              }
              rules={it.evidenceFiles.length ? [] : req('申请销号须提供证明材料')}
            >
              <Input.TextArea rows={3} maxLength={2000} placeholder="列明凭证、文件、照片等材料" />
            </Form.Item>
          )}
          {step === 'continue' && (
            <>
              <Form.Item name="reasonCategory" label="原因类别" rules={req('请选择持续整改原因类别')}>
                <Select
                  options={Object.entries(CONTINUE_REASONS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item name="nextCheckpoint" label="下一检查节点" rules={req('请填写下一检查节点日期')}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {(step === 'return' || step === 'reopen') && (
            <Form.Item name="reason" label="理由" rules={req('请填写理由')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
          {step === 'reopen' && (
            <Form.Item name="deadline" label="新的整改时限">
              <DatePicker />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Space>
  );
}
