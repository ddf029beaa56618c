import { Alert, Form, Input, Modal, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { today } from './api';

export interface StepField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'date' | 'list';
  options?: { value: string; label: string }[];
  required?: boolean;
}

/** One workflow step as a small form: its fields, the server's field errors, confirmation by OK. */
export function StepModal(props: {
  title: string;
  okText: string;
  fields: StepField[];
  initial?: Record<string, unknown>;
  warning?: ReactNode;
  danger?: boolean;
  onSubmit: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  const initial = Object.fromEntries(
    props.fields.filter((f) => f.kind === 'date' && f.required !== false).map((f) => [f.name, today()]),
  );
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger }}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {props.warning && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={props.warning} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ ...initial, ...props.initial }}>
        {props.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required === false ? [] : [{ required: true, message: `请填写${f.label}` }]}
          >
            {f.kind === 'textarea' ? (
              <Input.TextArea rows={4} />
            ) : f.kind === 'select' ? (
              <Select options={f.options} />
            ) : f.kind === 'list' ? (
              <Select mode="tags" open={false} placeholder="输入姓名后回车，至少两名" />
            ) : (
              <Input placeholder={f.kind === 'date' ? 'YYYY-MM-DD' : undefined} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
