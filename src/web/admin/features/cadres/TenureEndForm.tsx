import { App, Button, Form, Modal, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { DateInput } from './DateInput';
import { endTenure, type Tenure } from './tenure-api';
import { useDict } from './use-dict';

/** 离任: leave a post, confirmed first; a principal leaving raises a departure audit item. */
export function TenureEndForm(props: { tenure: Tenure; onClose: () => void; onSaved: () => void }) {
  const { tenure } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const reasons = useDict('tenure_end_reason');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await endTenure(tenure.id, v);
      message.success('已办理离任');
      props.onSaved();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`离任：${tenure.orgName ? `${tenure.orgName} ` : ''}${tenure.title}`}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          取消
        </Button>,
        <Popconfirm
          key="ok"
          title="确定办理离任吗？"
          description={
            tenure.isPrincipal || tenure.managesFunds
              ? `这是${tenure.isPrincipal ? '正职' : '管理资金的'}职务，离任后将生成离任审计事项。`
              : '办理后该职务将显示为已离任。'
          }
          onConfirm={submit}
        >
          <Button type="primary" danger loading={busy}>
            办理离任
          </Button>
        </Popconfirm>,
      ]}
    >
      <Typography.Paragraph type="secondary">任职日期：{tenure.startDate}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="endDate"
          label="离任日期"
          rules={[
            { required: true, message: '请选择离任日期' },
            {
              validator: (_r, v) =>
                !v || v >= tenure.startDate
                  ? Promise.resolve()
                  : Promise.reject(new Error('离任日期不能早于任职日期')),
            },
          ]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="endReason" label="离任原因" rules={[{ required: true, message: '请选择离任原因' }]}>
          <Select options={reasons.options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
