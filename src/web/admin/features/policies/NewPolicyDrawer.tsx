import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { createPolicy } from './api';
import { VersionFields, type VersionValues, versionInput } from './VersionFields';

interface Values extends VersionValues {
  orgId: number;
  title: string;
  number?: string;
  issuingBody: string;
  category?: string;
}

/** 制定制度: the header and the first version. */
export function NewPolicyDrawer(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const { me } = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const p = await createPolicy({
        orgId: v.orgId,
        title: v.title,
        number: v.number || null,
        issuingBody: v.issuingBody,
        category: v.category || null,
        ...versionInput(v),
      });
      await client.invalidateQueries({ queryKey: ['policies'] });
      props.onCreated(p.id);
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      title="制定制度"
      size="large"
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ orgId: me?.orgId }}>
        <Form.Item name="orgId" label="制定单位" rules={[{ required: true, message: '请选择制定单位' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          name="title"
          label="制度名称"
          rules={[
            { required: true, whitespace: true, message: '请填写制度名称' },
            { max: 100, message: '不超过 100 字' },
          ]}
        >
          <Input placeholder="如：谈话诫勉制度" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="number" label="文号">
            <Input placeholder="如：大兴党发〔2025〕3号" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="issuingBody"
            label="发文机关"
            rules={[{ required: true, whitespace: true, message: '请填写发文机关' }]}
          >
            <Input placeholder="如：中共大兴镇委员会" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="category" label="类别">
            <Input placeholder="如：干部日常管理" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <VersionFields />
      </Form>
    </Drawer>
  );
}
