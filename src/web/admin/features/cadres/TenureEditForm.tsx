import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { DateInput } from './DateInput';
import { type Tenure, updateTenure } from './tenure-api';

/** Corrects a tenure's dates and note; leaving a post is done with 离任, not here. */
export function TenureEditForm(props: { tenure: Tenure; onClose: () => void; onSaved: () => void }) {
  const { tenure } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={`更正任职经历：${tenure.title}`}
      okText="保存"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={tenure}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await updateTenure(tenure.id, {
              startDate: v.startDate,
              endDate: tenure.endDate ? v.endDate : null,
              probationEnd: v.probationEnd ?? null,
              note: v.note?.trim() || null,
              version: tenure.version,
            });
            message.success('已保存');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="startDate" label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
          <DateInput />
        </Form.Item>
        {tenure.endDate && (
          <Form.Item name="endDate" label="离任日期" rules={[{ required: true, message: '请选择离任日期' }]}>
            <DateInput />
          </Form.Item>
        )}
        <Form.Item name="probationEnd" label="试用期满日期" extra="不实行试用期请留空">
          <DateInput />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
