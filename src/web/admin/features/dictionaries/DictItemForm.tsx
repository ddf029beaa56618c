import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { createDictItem, type DictItem, type DictType, updateDictItem } from './api';

/** New item (code, name, order) or an existing item's name and order; a code never changes. */
export function DictItemForm(props: {
  type: DictType;
  item: DictItem | null;
  nextSort: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { type, item } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={item ? `编辑字典项：${item.label}` : `在“${type.name}”中新增字典项`}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={item ?? { sort: props.nextSort }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            if (item) await updateDictItem(item, { label: v.label, sort: v.sort ?? 0 });
            else await createDictItem(type.code, { code: v.code, label: v.label, sort: v.sort ?? 0 });
            message.success('已保存');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="code"
          label="编码"
          extra={item ? '编码被业务记录引用，不能修改' : '小写字母、数字和下划线，保存后不能修改'}
          rules={[
            { required: true, message: '请输入编码' },
            { pattern: /^[a-z0-9_]+$/, message: '编码只能包含小写字母、数字和下划线' },
            { max: 40, message: '不超过 40 个字符' },
          ]}
        >
          <Input disabled={!!item} />
        </Form.Item>
        <Form.Item
          name="label"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 40, message: '不超过 40 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="sort" label="排序">
          <InputNumber min={0} max={9999} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
