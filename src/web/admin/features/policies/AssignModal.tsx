import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { BUILTIN_ROLES } from '../../../../domain/permissions';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { assignReading, type PolicyDetail } from './api';

interface Values {
  orgId: number;
  roles?: string[];
  dueOn: Dayjs;
  note?: string;
}

/** 布置学习: the version in force to an org and the orgs below it (optionally some roles), by a date. */
export function AssignModal(props: {
  policy: PolicyDetail;
  onClose: () => void;
  onDone: (p: PolicyDetail) => void;
}) {
  const { me } = useMe();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      props.onDone(
        await assignReading(props.policy.id, {
          orgId: v.orgId,
          roles: v.roles ?? [],
          dueOn: v.dueOn.format('YYYY-MM-DD'),
          note: v.note || null,
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
      title={`布置学习《${props.policy.title}》第 ${props.policy.currentVersionNo} 版`}
      okText="布置"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="所选单位及其下级单位中可查阅制度的人员都会收到学习待办；之后调入的人员打开“我的学习”时也会列入。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgId: me?.orgId, dueOn: dayjs().add(14, 'day') }}
      >
        <Form.Item name="orgId" label="学习单位" rules={[{ required: true, message: '请选择学习单位' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item name="roles" label="学习对象（不选为全体人员）">
          <Select
            mode="multiple"
            allowClear
            placeholder="全体人员"
            options={BUILTIN_ROLES.filter((r) => !r.adminClass).map((r) => ({
              value: r.code,
              label: r.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label="要求" rules={[{ max: 200, message: '不超过 200 字' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
