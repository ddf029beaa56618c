import { Alert, Button, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { type PolicyDetail, revisePolicy } from './api';
import { VersionFields, type VersionValues, versionInput } from './VersionFields';

/** 修订: a new version, starting from the text in force; the one before becomes 已修订. */
export function ReviseDrawer(props: {
  policy: PolicyDetail;
  onClose: () => void;
  onDone: (p: PolicyDetail) => void;
}) {
  const { policy } = props;
  const current = policy.versions.at(-1)!;
  const [form] = Form.useForm<VersionValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: VersionValues) => {
    setSaving(true);
    setError(null);
    try {
      props.onDone(await revisePolicy(policy.id, { ...versionInput(v), version: policy.version }));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      size="large"
      title={`修订《${policy.title}》（第 ${current.versionNo + 1} 版）`}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存新版本
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          adoptedOn: dayjs(),
          effectiveOn: dayjs(),
          body: current.body,
          ruleKeys: current.ruleKeys,
          quizPassMark: current.quiz?.passMark ?? 60,
          questions: (current.quiz?.questions ?? []).map((q) => ({
            question: q.question,
            options: q.options,
            answer: (q.answer ?? 0) + 1,
          })),
        }}
      >
        <VersionFields revision />
      </Form>
    </Drawer>
  );
}
