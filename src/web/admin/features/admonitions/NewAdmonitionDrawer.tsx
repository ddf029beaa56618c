import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { CadreSelect } from '../../shared/CadreSelect';
import { applyServerErrors } from '../../shared/forms';
import { ADMONITION_KINDS, ADMONITION_SOURCES, openAdmonition, today } from './api';

/** 新增谈话诫勉: the cadre, the kind, the source and the reason; the talk is recorded on the record. */
export function NewAdmonitionDrawer(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const a = await openAdmonition(v);
      message.success(`已立项 ${a.code}`);
      props.onCreated(a.id);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      title="新增谈话诫勉"
      size="large"
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={submit}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'admonition', openedOn: today() }}>
        <Form.Item name="cadreId" label="谈话对象" rules={[{ required: true, message: '请选择谈话对象' }]}>
          <CadreSelect />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={Object.entries(ADMONITION_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="sourceKind" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
          <Select options={ADMONITION_SOURCES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ required: true, message: '请填写事由' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="openedOn" label="立项日期" rules={[{ required: true, message: '请填写立项日期' }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
