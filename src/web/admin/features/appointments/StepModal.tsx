import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { type CaseDetail, caseStep } from './api';

/** A step's form in a modal: posts to the step's route, shows the server's Chinese refusal on the fields. */
export function StepModal<V extends object>(props: {
  title: string;
  c: CaseDetail;
  step: string;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  toBody: (v: V) => unknown;
  onDone: (next: CaseDetail) => void;
  onClose: () => void;
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: V) => {
    setSaving(true);
    setError(null);
    try {
      props.onDone(await caseStep(props.c.id, props.step, props.toBody(v)));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={props.title}
      okText={props.okText ?? '保存'}
      okButtonProps={{ danger: props.danger, loading: saving }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={props.initialValues as never}>
        {props.children(form)}
      </Form>
    </Modal>
  );
}
