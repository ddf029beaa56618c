import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { revealIdNumber } from './api';

/** The masked number, and for those allowed, the full one on a stated reason (which is audited). */
export function IdNumberReveal(props: { cadreId: number; masked: string | null }) {
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!props.masked) return <Typography.Text type="secondary">未登记</Typography.Text>;
  const close = () => {
    setOpen(false);
    setFull(null);
    form.resetFields();
  };
  return (
    <>
      <span data-testid="id-masked" style={{ whiteSpace: 'nowrap' }}>
        {props.masked}
      </span>
      {can('cadre.id_number') && (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
          查看完整身份证号
        </Button>
      )}
      <Modal
        open={open}
        title="查看完整身份证号码"
        onCancel={close}
        destroyOnHidden
        okText={full ? '关闭' : '查看'}
        cancelButtonProps={{ style: full ? { display: 'none' } : undefined }}
        confirmLoading={busy}
        onOk={() => (full ? close() : form.submit())}
      >
        {full ? (
          <Typography.Paragraph copyable style={{ fontSize: 18, fontFamily: 'monospace' }}>
            {full}
          </Typography.Paragraph>
        ) : (
          <Form
            form={form}
            layout="vertical"
            onFinish={async (v) => {
              setBusy(true);
              try {
                setFull((await revealIdNumber(props.cadreId, v.reason.trim())).idNumber);
              } catch (e) {
                message.error(applyServerErrors(form, e));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Typography.Paragraph type="secondary">
              查看完整号码将记入审计日志，请说明事由。
            </Typography.Paragraph>
            <Form.Item
              name="reason"
              label="查看事由"
              rules={[
                { required: true, whitespace: true, message: '请填写查看事由' },
                { min: 2, message: '至少 2 个字' },
                { max: 200, message: '不超过 200 字' },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} placeholder="如：办理社保核对" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
