import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import {
  confirmRecord,
  dismissRecord,
  fetchOptions,
  GROUNDS,
  type RecordDetail,
  reviewSanction,
  type SanctionOut,
} from './api';
import { SanctionKindSelect } from './Pickers';

type Done = (r: RecordDetail) => void;

function useSubmit<V>(
  form: ReturnType<typeof Form.useForm<V>>[0],
  run: (v: V) => Promise<RecordDetail>,
  done: Done,
) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      done(await run(v));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

/** 确认追究: says what takes effect (tenures revoked cannot be restored here) before doing it. */
export function ConfirmModal(props: { record: RecordDetail; onClose: () => void; onDone: Done }) {
  const r = props.record;
  const [form] = Form.useForm<{ decidedOn?: Dayjs; decidingBody?: string }>();
  const { error, busy, submit } = useSubmit(
    form,
    (v) =>
      confirmRecord(r.id, {
        version: r.version,
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
        decidingBody: v.decidingBody || null,
      }),
    props.onDone,
  );
  const revoked = r.people.flatMap((p) =>
    p.sanctions.flatMap((s) => s.tenures.map((t) => `${p.name}：${t.title}`)),
  );
  return (
    <Modal
      open
      title="确认追究"
      okText="确认，生效"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="确认后追究事项生效，处理计入干部监督档案和提拔资格，不能再修改；处理如有变更须经申诉或复查办理。"
        description={
          revoked.length ? `将撤销以下任职（任职记录以“撤销”离任）：${revoked.join('；')}` : undefined
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          decidedOn: r.decidedOn ? dayjs(r.decidedOn) : undefined,
          decidingBody: r.decidingBody ?? undefined,
        }}
      >
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="decidingBody" label="决定机关">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 不予追究: with its reason. */
export function DismissModal(props: { record: RecordDetail; onClose: () => void; onDone: Done }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { error, busy, submit } = useSubmit(
    form,
    (v) => dismissRecord(props.record.id, { version: props.record.version, reason: v.reason }),
    props.onDone,
  );
  return (
    <Modal
      open
      title="不予追究"
      okText="确认不予追究"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请填写不予追究的理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReviewValues {
  action: 'change' | 'lift';
  ground: string;
  on: Dayjs;
  reason: string;
  kind?: string;
  effectiveFrom?: Dayjs;
}

/** 申诉 / 复查: a sanction in force changed to another, or lifted; the old one stays in the history. */
export function ReviewModal(props: {
  record: RecordDetail;
  sanction: SanctionOut;
  onClose: () => void;
  onDone: Done;
}) {
  const { record, sanction } = props;
  const options = useQuery({ queryKey: ['accountability', 'options'], queryFn: fetchOptions });
  const [form] = Form.useForm<ReviewValues>();
  const action = Form.useWatch('action', form);
  const { error, busy, submit } = useSubmit(
    form,
    (v) =>
      reviewSanction(record.id, {
        version: record.version,
        sanctionId: sanction.id,
        action: v.action,
        ground: v.ground,
        on: v.on.format('YYYY-MM-DD'),
        reason: v.reason,
        replacement:
          v.action === 'change'
            ? { kind: v.kind!, effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : null }
            : null,
      }),
    props.onDone,
  );
  return (
    <Modal
      open
      title={`变更或撤销处理：${sanction.kindLabel}`}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          action: 'change',
          ground: 'appeal',
          on: dayjs(),
          effectiveFrom: sanction.effectiveFrom ? dayjs(sanction.effectiveFrom) : undefined,
        }}
      >
        <Form.Item name="action" label="办理">
          <Radio.Group>
            <Radio value="change">变更处理</Radio>
            <Radio value="lift">撤销处理</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="ground" label="依据">
          <Select
            style={{ width: 160 }}
            options={Object.entries(GROUNDS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="on" label="变更（撤销）日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {action === 'change' && (
          <>
            <Form.Item
              name="kind"
              label="变更后的处理"
              rules={[{ required: true, message: '请选择变更后的处理' }]}
            >
              <SanctionKindSelect options={options.data} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label="变更后处理的生效日期">
              <DatePicker />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
