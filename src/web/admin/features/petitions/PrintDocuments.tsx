import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { download } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { CASE_DOCUMENTS, documentUrl, type PetitionDetail } from './api';

/**
 * 打印文书: the case documents as .docx (each print audited). None carries the reporter's identity;
 * a holder of petition.reveal_identity may print the 登记表 with it, for a stated reason.
 */
export function PrintDocuments({ p }: { p: PetitionDetail }) {
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const get = async (kind: keyof typeof CASE_DOCUMENTS) => {
    try {
      await download(documentUrl(p.id, kind));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const withIdentity = can('petition.reveal_identity') && p.hasReporterInfo;
  const items = [
    ...p.printable.map((kind) => ({ key: kind, label: CASE_DOCUMENTS[kind].label })),
    ...(withIdentity ? [{ key: 'identity', label: '信访举报登记表（含反映人信息）' }] : []),
  ];
  return (
    <>
      <Dropdown
        menu={{
          items,
          onClick: ({ key }) =>
            key === 'identity' ? setAsking(true) : get(key as keyof typeof CASE_DOCUMENTS),
        }}
      >
        <Button icon={<PrinterOutlined />}>打印文书</Button>
      </Dropdown>
      <Modal
        open={asking}
        title="打印登记表（含反映人信息）"
        okText="打印"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setAsking(false);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="登记表将写明反映人的姓名、电话、身份证号码等信息。请妥善保管纸质文书；本次打印及事由记录在案。"
        />
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v: { reason: string }) => {
            setBusy(true);
            try {
              await download(documentUrl(p.id, 'registration'), { reason: v.reason.trim() });
              setAsking(false);
              form.resetFields();
            } catch (e) {
              message.error(applyServerErrors(form, e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item
            name="reason"
            label="打印事由"
            rules={[
              { required: true, whitespace: true, message: '请填写打印事由' },
              { min: 4, message: '至少 4 个字' },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
