import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../../shared/api';
import { CadreSelect } from '../../shared/CadreSelect';
import { applyServerErrors } from '../../shared/forms';
import { OrgPicker } from '../users/OrgPicker';
import {
  AUDIT_KINDS,
  type AuditDetail,
  auditStep,
  createAudit,
  fetchPlans,
  OUTCOME_KINDS,
  SEVERITIES,
  TIERS,
} from './api';

type Values = Record<string, any>;

/** Dates as the API wants them (YYYY-MM-DD), empty strings as null. */
export function clean(v: Values): Values {
  const out: Values = {};
  for (const [k, x] of Object.entries(v)) {
    if (dayjs.isDayjs(x)) out[k] = x.format('YYYY-MM-DD');
    else if (x === '' || x === undefined) out[k] = null;
    else out[k] = x;
  }
  return out;
}

/** A modal form whose server errors land on its fields, with the overall message above. */
export function FormModal<T>(props: {
  title: string;
  okText?: string;
  warning?: string;
  initial?: Values;
  run: (v: Values) => Promise<T>;
  onClose: () => void;
  onDone: (r: T) => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      props.onDone(await props.run(clean(v)));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? '确定'}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      width={640}
    >
      {props.warning && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={props.warning} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form form={form} layout="vertical" initialValues={props.initial} onFinish={submit}>
        {props.children}
      </Form>
    </Modal>
  );
}

const req = (message: string) => [{ required: true, message }];

/** The audit plans the caller may see, newest year first. */
function PlanSelect(props: { value?: number; onChange?: (v: number | undefined) => void }) {
  const plans = useQuery({ queryKey: ['audit-plans', undefined], queryFn: () => fetchPlans() });
  return (
    <Select
      allowClear
      placeholder="（可选）"
      value={props.value}
      onChange={props.onChange}
      options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}` }))}
    />
  );
}

/**
 * The other auditors (审计人员, the caller is one of them): holders of the audit officer's role over
 * the audited unit; for a departure draft, less those who must recuse from its subject. The server
 * checks recusal again and names whoever must stand aside.
 */
function AuditorsSelect(props: {
  orgId?: number;
  auditId?: number;
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
}) {
  const { orgId, auditId } = props;
  const holders = useQuery({
    queryKey: ['audit-meetings', 'assignees', orgId, 'audit_officer', auditId],
    queryFn: () =>
      api<{ items: { id: number; name: string }[] }>(
        'GET',
        `/api/v1/audit-meetings/assignees?orgId=${orgId}&role=audit_officer${auditId ? `&auditId=${auditId}` : ''}`,
      ),
    enabled: !!orgId,
  });
  return (
    <Select
      id={props.id}
      mode="multiple"
      allowClear
      placeholder={orgId ? '（本人之外的其他审计人员，可选）' : '请先选择被审计单位'}
      value={props.value}
      onChange={props.onChange}
      options={(holders.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

function AuditorsField(props: { auditId?: number; orgId?: number }) {
  const form = Form.useFormInstance();
  const watched: number | undefined = Form.useWatch('orgId', form);
  return (
    <Form.Item name="auditorUserIds" label="其他审计人员">
      <AuditorsSelect orgId={props.orgId ?? watched} auditId={props.auditId} />
    </Form.Item>
  );
}

export function CreateAuditModal(props: { onClose: () => void; onDone: (a: AuditDetail) => void }) {
  return (
    <FormModal
      title="登记审计项目"
      run={(v) => createAudit({ ...v, auditorUserIds: v.auditorUserIds ?? [] })}
      {...props}
    >
      <Form.Item name="kind" label="审计类型" rules={req('请选择审计类型')}>
        <Select options={Object.entries(AUDIT_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="title" label="审计项目名称" rules={req('请填写审计项目名称')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="planId" label="审计计划">
        <PlanSelect />
      </Form.Item>
      <Form.Item name="orgId" label="被审计单位" rules={req('请选择被审计单位')}>
        <OrgPicker />
      </Form.Item>
      <Form.Item name="subjectCadreId" label="被审计干部（经济责任审计对象）">
        <CadreSelect />
      </Form.Item>
      <Form.Item name="periodFrom" label="审计期间起" rules={req('请填写审计期间起始日期')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="periodTo" label="审计期间止" rules={req('请填写审计期间截止日期')}>
        <DatePicker />
      </Form.Item>
      <AuditorsField />
      <Form.Item name="noticeNo" label="审计通知书文号">
        <Input maxLength={60} />
      </Form.Item>
    </FormModal>
  );
}

type AuditDone = { audit: AuditDetail; onClose: () => void; onDone: (a: AuditDetail) => void };

export function ConfirmAuditModal({ audit, ...p }: AuditDone) {
  return (
    <FormModal
      title="确认离任审计"
      okText="确认，开展审计"
      run={(v) =>
        auditStep(audit.id, 'confirm', {
          ...v,
          version: audit.version,
          auditorUserIds: v.auditorUserIds ?? [],
        })
      }
      {...p}
    >
      <AuditorsField orgId={audit.orgId} auditId={audit.id} />
      <Form.Item name="noticeNo" label="审计通知书文号">
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="noticeOn" label="通知日期">
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

export function DismissAuditModal({ audit, ...p }: AuditDone) {
  return (
    <FormModal
      title="不予审计"
      okText="不予审计"
      warning="不予审计后该离任审计办结，不能恢复。"
      run={(v) => auditStep(audit.id, 'dismiss', { ...v, version: audit.version })}
      {...p}
    >
      <Form.Item name="reason" label="理由" rules={req('请填写不予审计的理由')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function ReportAuditModal({ audit, ...p }: AuditDone) {
  return (
    <FormModal
      title="出具审计报告"
      initial={{ reportedOn: dayjs() }}
      run={(v) => auditStep(audit.id, 'report', { ...v, version: audit.version })}
      {...p}
    >
      <Form.Item name="reportedOn" label="报告日期" rules={req('请填写审计报告日期')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reportNo" label="审计报告文书号" rules={req('请填写审计报告文书号')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="opinion" label="总体评价意见" rules={req('请填写总体评价意见')}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="amount" label="审计金额（元）">
        <Input placeholder="如 1860000.00" />
      </Form.Item>
    </FormModal>
  );
}

export function FindingModal({ audit, ...p }: AuditDone) {
  const types = useQuery({
    queryKey: ['dict', 'finding_category'],
    queryFn: () => api<{ code: string; label: string }[]>('GET', '/api/v1/dicts/finding_category'),
  });
  return (
    <FormModal
      title="登记审计发现并下发整改"
      okText="登记并下发"
      run={(v) =>
        auditStep(audit.id, 'findings', {
          ...v,
          version: audit.version,
          responsible: v.responsibleCadreId
            ? [{ cadreId: v.responsibleCadreId, tier: v.tier ?? 'direct' }]
            : [],
          responsibleCadreId: undefined,
          tier: undefined,
        })
      }
      {...p}
    >
      <Form.Item name="summary" label="问题摘要" rules={req('请填写问题摘要')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label="具体描述" rules={req('请填写具体描述')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="amount" label="涉及金额（元）">
        <Input placeholder="如 36000.00" />
      </Form.Item>
      <Form.Item name="basis" label="定性依据" rules={req('请填写定性依据')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name="problemType" label="问题类型" rules={req('请选择问题类型')}>
        <Select
          loading={types.isLoading}
          options={(Array.isArray(types.data) ? types.data : []).map((t) => ({
            value: t.code,
            label: t.label,
          }))}
        />
      </Form.Item>
      <Form.Item name="severity" label="严重程度" rules={req('请选择严重程度')}>
        <Select options={Object.entries(SEVERITIES).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="recommendation" label="整改建议（审计建议）" rules={req('请填写整改建议')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="responsibleCadreId" label="责任人">
        <CadreSelect />
      </Form.Item>
      <Form.Item name="tier" label="责任层级">
        <Select options={Object.entries(TIERS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
    </FormModal>
  );
}

export function OutcomeModal({ audit, ...p }: AuditDone) {
  return (
    <FormModal
      title="登记整改成效"
      initial={{ achievedOn: dayjs() }}
      run={(v) => {
        const { personCadreId, personNames, ...rest } = v;
        const persons = [
          ...(personCadreId ? [{ cadreId: personCadreId }] : []),
          ...String(personNames ?? '')
            .split(/[、，,\s]+/)
            .filter(Boolean)
            .map((name) => ({ name })),
        ];
        return auditStep(audit.id, 'outcomes', {
          ...rest,
          version: audit.version,
          ...(persons.length ? { persons } : {}),
        });
      }}
      {...p}
    >
      <Form.Item name="kind" label="类别" rules={req('请选择整改成效类别')}>
        <Select options={Object.entries(OUTCOME_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="amount" label="金额（元，上缴财政、归还原资金渠道、调整账项）">
        <Input />
      </Form.Item>
      <Form.Item name="count" label="数量（移送事项、移送人员、完善制度）">
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item name="achievedOn" label="日期" rules={req('请填写日期')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label="说明（制度名称、移送对象等）">
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="personCadreId"
        label="移送人员（移送人员必填；移送后生成“审计移送”信访件，由纪检干部办理）"
      >
        <CadreSelect />
      </Form.Item>
      <Form.Item name="personNames" label="其他移送人员（不在干部名册中的，姓名用顿号分隔）">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
