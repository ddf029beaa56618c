import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { createPledge, fetchVillageTenures } from './api';

interface ItemValues {
  title: string;
  target?: string;
  dueOn?: Dayjs;
  weight?: number | null;
  /** The index (1-based, as shown) of the parent item, if any. */
  parent?: number | null;
}
interface Values {
  tenureId: number;
  title: string;
  pledgedOn: Dayjs;
  items: ItemValues[];
}

/** 登记任期承诺: whose (a current village tenure), and the items with targets, due dates and weights. */
export function NewPledgeDrawer(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tenures = useQuery({ queryKey: ['pledges', 'tenures'], queryFn: fetchVillageTenures });
  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const p = await createPledge({
        tenureId: v.tenureId,
        title: v.title,
        pledgedOn: v.pledgedOn.format('YYYY-MM-DD'),
        items: (v.items ?? []).map((it, i) => ({
          key: String(i + 1),
          parentKey: it.parent ? String(it.parent) : null,
          title: it.title ?? '',
          target: it.target ?? null,
          dueOn: it.dueOn ? it.dueOn.format('YYYY-MM-DD') : null,
          weight: it.weight ?? null,
        })),
      });
      await client.invalidateQueries({ queryKey: ['pledges'] });
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
      title="登记任期承诺"
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
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ items: [{}] }}>
        <Form.Item name="tenureId" label="村干部及职务" rules={[{ required: true, message: '请选择任职' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={tenures.isLoading}
            options={tenures.data?.items.map((t) => ({
              value: t.id,
              label: `${t.village} · ${t.cadre} · ${t.post}（${t.startDate} 起）`,
            }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item
            name="title"
            label="承诺标题"
            rules={[{ required: true, whitespace: true, message: '请填写承诺标题' }]}
          >
            <Input placeholder="如：2024—2026 年任期承诺" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item
            name="pledgedOn"
            label="承诺日期"
            rules={[{ required: true, message: '请填写承诺日期' }]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <span style={{ lineHeight: '32px' }}>{i + 1}.</span>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写承诺事项' }]}>
                    <Input placeholder="承诺事项" style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'target']}
                    rules={[{ required: true, message: '请填写可衡量的目标' }]}
                  >
                    <Input placeholder="可衡量的目标" style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: '请填写完成期限' }]}>
                    <DatePicker placeholder="完成期限" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'parent']}>
                    <InputNumber placeholder="上级序号" min={1} max={fields.length} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']}>
                    <InputNumber placeholder="权重" min={0.1} style={{ width: 80 }} />
                  </Form.Item>
                  <MinusCircleOutlined style={{ lineHeight: '32px' }} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加承诺事项
              </Button>
              <div style={{ color: '#888', marginTop: 8 }}>
                有上级序号的为分项，上级事项的进度由分项汇总；同一上级下的分项要么都设权重、要么都不设。
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
