import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CadreSelect } from '../../shared/CadreSelect';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { BODIES, createCase, fetchPositions, METHODS } from './api';

interface Values {
  orgId: number;
  title: string;
  method: string;
  decidingBody: string;
  positionIds: number[];
  proposedOn: Dayjs;
  plan?: string;
  proposer: number;
  handlerName: string;
}

/** 动议: the posts to fill, the method, the deciding body (checked against the delegated authority). */
export function CreateCaseDrawer(props: { onClose: () => void; onSaved: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { me } = useMe();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const positions = useQuery({ queryKey: ['positions', 'all'], queryFn: fetchPositions });
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await createCase({
        orgId: v.orgId,
        title: v.title,
        method: v.method,
        decidingBody: v.decidingBody,
        positionIds: v.positionIds,
        proposedOn: v.proposedOn.format('YYYY-MM-DD'),
        plan: v.plan || null,
        proposer: { cadreId: v.proposer },
        handler: { name: v.handlerName },
      });
      props.onSaved(saved.id);
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      width={560}
      title="选拔任用动议"
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
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgId: me?.orgId, method: 'competitive', decidingBody: 'cadre_group' }}
      >
        <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="method" label="选拔方式" rules={[{ required: true, message: '请选择选拔方式' }]}>
          <Select options={Object.entries(METHODS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="positionIds"
          label="拟任职务"
          rules={[{ required: true, message: '请选择拟任职务' }]}
        >
          <Select
            mode="multiple"
            loading={positions.isLoading}
            optionFilterProp="label"
            options={positions.data?.items.map((p) => ({ value: p.id, label: `${p.orgName} ${p.title}` }))}
          />
        </Form.Item>
        <Form.Item
          name="decidingBody"
          label="决定机构"
          rules={[{ required: true, message: '请选择决定机构' }]}
        >
          <Select options={Object.entries(BODIES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="proposedOn" label="动议日期" rules={[{ required: true, message: '请填写动议日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="proposer"
          label="推荐人（提出动议）"
          rules={[{ required: true, message: '请选择推荐人' }]}
        >
          <CadreSelect />
        </Form.Item>
        <Form.Item name="handlerName" label="承办人" rules={[{ required: true, message: '请填写承办人' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="plan" label="工作方案">
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
