import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { type PolicyDetail, repealPolicy } from './api';

/** 废止: asks for the date and a note, and says what it means before doing it. */
export function RepealModal(props: {
  policy: PolicyDetail;
  onClose: () => void;
  onDone: (p: PolicyDetail) => void;
}) {
  const [form] = Form.useForm<{ repealedOn: Dayjs; changeNote?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { repealedOn: Dayjs; changeNote?: string }) => {
    setBusy(true);
    try {
      props.onDone(
        await repealPolicy(props.policy.id, {
          repealedOn: v.repealedOn.format('YYYY-MM-DD'),
          changeNote: v.changeNote || null,
          version: props.policy.version,
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
      title={`废止《${props.policy.title}》`}
      okText="确认废止"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="废止后该制度不能再修订，也不能再布置学习；已有的版本和学习记录保留。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ repealedOn: dayjs() }}>
        <Form.Item name="repealedOn" label="废止日期" rules={[{ required: true, message: '请选择废止日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="changeNote" label="废止说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
