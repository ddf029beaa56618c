import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Result,
  Space,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { download } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { fetchMyInquiry, replyMyInquiry, uploadFile } from './api';

/** The cadre's reply page: the question, the deadline, the reply with its evidence. */
export default function MyInquiryPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const { me } = useMe();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: ['me', 'inquiries', id], queryFn: () => fetchMyInquiry(id) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!q.data)
    return (
      <Result
        status="404"
        title="函询不存在"
        extra={<Button onClick={() => nav('/my-inquiries')}>返回</Button>}
      />
    );
  const i = q.data;
  const send = async (v: { reply: string }) => {
    modal.confirm({
      title: '提交回复',
      content: '回复提交后不能修改，确认提交？',
      okText: '确认提交',
      onOk: async () => {
        setBusy(true);
        try {
          const saved = await replyMyInquiry(id, { version: i.version, reply: v.reply });
          client.setQueryData(['me', 'inquiries', id], saved);
          message.success('已提交回复');
        } catch (e) {
          message.error(applyServerErrors(form, e));
        } finally {
          setBusy(false);
        }
      },
    });
  };
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0 }}
        onClick={() => nav('/my-inquiries')}
      >
        我的函询
      </Button>
      <Card
        title={`函询 ${i.code}`}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/v1/me/inquiries/${id}/letter.docx`)}
          >
            函询通知书
          </Button>
        }
      >
        {i.overdue && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`回复期限 ${i.dueOn} 已过，请尽快回复`}
          />
        )}
        <Descriptions column={2} size="small">
          <Descriptions.Item label="发函日期">{i.sentOn}</Descriptions.Item>
          <Descriptions.Item label="回复期限">{i.dueOn}</Descriptions.Item>
          <Descriptions.Item label="函询事项" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {i.question}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="我的回复" style={{ marginTop: 16 }}>
        {i.status === 'sent' ? (
          <Form form={form} layout="vertical" onFinish={send}>
            <Form.Item name="reply" label="说明内容" rules={[{ required: true, message: '请填写回复内容' }]}>
              <Input.TextArea rows={8} maxLength={10000} showCount />
            </Form.Item>
            <Space>
              <Upload
                showUploadList={false}
                customRequest={async ({ file, onSuccess, onError }) => {
                  try {
                    await uploadFile(
                      `/api/v1/me/inquiries/${id}/attachments`,
                      file as File,
                      me?.csrfToken ?? '',
                    );
                    await q.refetch();
                    onSuccess?.({});
                  } catch (e) {
                    message.error((e as Error).message);
                    onError?.(e as Error);
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>上传证明材料</Button>
              </Upload>
              <Button type="primary" htmlType="submit" loading={busy}>
                提交回复
              </Button>
            </Space>
          </Form>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.replyText}</Typography.Paragraph>
        )}
        {i.attachments.map((f) => (
          <div key={f.id}>
            <Button type="link" onClick={() => download(`/api/v1/me/inquiries/${id}/attachments/${f.id}`)}>
              {f.fileName}
            </Button>
          </div>
        ))}
      </Card>
    </>
  );
}
