import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { OrgPicker } from '../users/OrgPicker';
import { createPosition, type Position, updatePosition } from './tenure-api';
import { useDict } from './use-dict';

/** Create or edit a post (职务) of an org. */
export function PositionForm(props: {
  position: Position | null;
  orgId?: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { position } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const levels = useDict('position_level');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={position ? `编辑职务：${position.title}` : '新增职务'}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={position ?? { orgId: props.orgId, isPrincipal: false, managesFunds: false, sort: 0 }}
        onFinish={async (v) => {
          setBusy(true);
          const body = {
            orgId: v.orgId,
            title: v.title.trim(),
            level: v.level,
            isPrincipal: !!v.isPrincipal,
            managesFunds: !!v.managesFunds,
            sort: v.sort ?? 0,
          };
          try {
            if (position) await updatePosition(position.id, { ...body, version: position.version });
            else await createPosition(body);
            message.success('已保存');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgPicker />
        </Form.Item>
        <Form.Item
          name="title"
          label="职务名称"
          rules={[{ required: true, whitespace: true, message: '请输入职务名称' }]}
        >
          <Input maxLength={60} placeholder="如 党委书记、副镇长、村党支部书记" />
        </Form.Item>
        <Form.Item name="level" label="职务层次" rules={[{ required: true, message: '请选择职务层次' }]}>
          <Select options={levels.options} loading={levels.loading} />
        </Form.Item>
        <Form.Item
          name="isPrincipal"
          label="是否正职"
          valuePropName="checked"
          extra="正职同一时间只能一人在任；离任时生成离任审计事项"
        >
          <Switch checkedChildren="正职" unCheckedChildren="副职" />
        </Form.Item>
        <Form.Item
          name="managesFunds"
          label="管理资金"
          valuePropName="checked"
          extra="管理、使用资金的职务（如财务、资金管理岗位），离任时同样生成离任审计事项"
        >
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="sort" label="排序">
          <InputNumber min={0} max={9999} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
