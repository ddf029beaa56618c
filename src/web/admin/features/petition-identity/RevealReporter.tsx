import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Typography, Watermark } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';

interface Identity {
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
  workUnit?: string | null;
}

const revealReporter = (petitionId: number, reason: string) =>
  api<{ realName: boolean; identity: Identity }>('POST', `/api/v1/petitions/${petitionId}/reporter`, {
    reason,
  });

/**
 * 查看反映人信息: for holders of petition.reveal_identity, on a stated reason (audited). The identity
 * is shown in a watermarked dialog and dropped from memory when it closes.
 */
export function RevealReporter(props: { petitionId: number }) {
  const can = useCan();
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ realName: boolean; identity: Identity } | null>(null);
  if (!can('petition.reveal_identity')) return null;

  const submit = async (v: { reason: string }) => {
    setBusy(true);
    try {
      const answer = await revealReporter(props.petitionId, v.reason.trim());
      setAsking(false);
      form.resetFields();
      setShown(answer);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  const rows = shown
    ? [
        ['姓名', shown.identity.name],
        ['联系电话', shown.identity.phone],
        ['身份证号码', shown.identity.idNumber],
        ['住址', shown.identity.address],
        ['工作单位', shown.identity.workUnit],
      ]
    : [];

  return (
    <>
      <Button
        icon={<SafetyCertificateOutlined />}
        onClick={() => setAsking(true)}
        data-testid="reveal-reporter"
      >
        查看反映人信息
      </Button>
      <Modal
        open={asking}
        title="查看反映人信息"
        okText="查看"
        confirmLoading={busy}
        destroyOnHidden
        onOk={() => form.submit()}
        onCancel={() => {
          setAsking(false);
          form.resetFields();
        }}
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="反映人信息受严格保护"
            description="查看将连同事由记入审计日志。严禁向被反映人或无关人员透露反映人信息。"
          />
          <Form.Item
            name="reason"
            label="查看事由"
            rules={[
              { required: true, whitespace: true, message: '请填写查看事由' },
              { min: 4, message: '至少 4 个字' },
              { max: 200, message: '不超过 200 字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder="如：向实名反映人反馈办理结果" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={shown !== null}
        title="反映人信息"
        destroyOnHidden
        okText="关闭"
        cancelButtonProps={{ style: { display: 'none' } }}
        onOk={() => setShown(null)}
        onCancel={() => setShown(null)}
      >
        <Watermark
          content={[`${me?.displayName ?? ''} ${me?.username ?? ''}`, dayjs().format('YYYY-MM-DD HH:mm')]}
          font={{ color: 'rgba(0,0,0,.12)' }}
        >
          <Typography.Paragraph type="danger" strong>
            本信息仅供 {me?.displayName} 办理本件使用，查看已记录；请勿截屏、抄录或转告他人。
          </Typography.Paragraph>
          {shown && (
            <Descriptions column={1} bordered size="small" data-testid="reporter-identity">
              <Descriptions.Item label="反映方式">
                {shown.realName ? '实名' : '匿名（留有联系方式）'}
              </Descriptions.Item>
              {rows.map(([label, value]) => (
                <Descriptions.Item key={label} label={label}>
                  {value || <Typography.Text type="secondary">未填写</Typography.Text>}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Watermark>
      </Modal>
    </>
  );
}
