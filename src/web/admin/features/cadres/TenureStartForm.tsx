import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { OrgPicker } from '../users/OrgPicker';
import { DateInput } from './DateInput';
import { fetchPositions, startTenure } from './tenure-api';
import { useDict } from './use-dict';

/** 任职: take up a post on record, or one written out; probation ends per the rule when it applies. */
export function TenureStartForm(props: {
  cadreId: number;
  orgId: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const levels = useDict('position_level');
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState('');
  const mode = Form.useWatch('mode', form) ?? 'position';
  const positions = useQuery({
    queryKey: ['positions', 'pick', q],
    queryFn: () => fetchPositions({ q: q || undefined, page: 1, pageSize: 50 }),
    enabled: mode === 'position',
  });
  return (
    <Modal
      open
      title="任职"
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          mode: 'position',
          probation: false,
          isPrincipal: false,
          managesFunds: false,
          orgId: props.orgId,
        }}
        onFinish={async (v) => {
          setBusy(true);
          const post =
            v.mode === 'position'
              ? { positionId: v.positionId }
              : {
                  orgId: v.orgId,
                  title: v.title?.trim(),
                  level: v.level,
                  isPrincipal: v.isPrincipal,
                  managesFunds: !!v.managesFunds,
                };
          try {
            await startTenure(props.cadreId, {
              ...post,
              startDate: v.startDate,
              probation: v.probation,
              note: v.note?.trim() || null,
            });
            message.success('已办理任职');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="mode" label="职务来源">
          <Radio.Group
            options={[
              { value: 'position', label: '选择职务管理中的职务' },
              { value: 'free', label: '直接填写' },
            ]}
          />
        </Form.Item>
        {mode === 'position' ? (
          <Form.Item name="positionId" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              loading={positions.isLoading}
              placeholder="输入职务名称搜索"
              notFoundContent="没有匹配的职务，可在“职务管理”中新增，或直接填写"
              options={(positions.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.orgName} · ${p.title}（${levels.label(p.level)}${p.isPrincipal ? '，正职' : ''}）${p.holders.length ? ` 现任：${p.holders.map((h) => h.name).join('、')}` : ''}`,
              }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="orgId" label="任职单位" rules={[{ required: true, message: '请选择任职单位' }]}>
              <OrgPicker />
            </Form.Item>
            <Form.Item
              name="title"
              label="职务名称"
              rules={[{ required: true, whitespace: true, message: '请输入职务名称' }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="level" label="职务层次" rules={[{ required: true, message: '请选择职务层次' }]}>
              <Select options={levels.options} />
            </Form.Item>
            <Form.Item
              name="isPrincipal"
              label="是否正职"
              valuePropName="checked"
              extra="正职离任时将生成离任审计事项"
            >
              <Switch checkedChildren="正职" unCheckedChildren="副职" />
            </Form.Item>
            <Form.Item
              name="managesFunds"
              label="管理资金"
              valuePropName="checked"
              extra="管理资金的职务离任时同样生成离任审计事项"
            >
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </>
        )}
        <Form.Item name="startDate" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          name="probation"
          label="实行试用期"
          valuePropName="checked"
          extra="试用期满日期按规则配置中的试用期自动计算"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder="如：任职文件文号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
