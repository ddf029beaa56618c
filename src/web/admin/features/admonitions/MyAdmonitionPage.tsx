import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { applyServerErrors } from '../../shared/forms';
import { fetchMyAdmonition, submitMyReport } from './api';

/** One of my admonitions: the tracking's dates and the quarterly written reports, handed in here. */
export default function MyAdmonitionPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: ['me', 'admonitions', id], queryFn: () => fetchMyAdmonition(id) });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!q.data)
    return (
      <Result
        status="404"
        title="诫勉记录不存在"
        extra={<Button onClick={() => nav('/my-admonitions')}>返回</Button>}
      />
    );
  const a = q.data;
  const send = (v: { text: string }) =>
    modal.confirm({
      title: '提交书面报告',
      content: '报告提交后不能修改，确认提交？',
      okText: '确认提交',
      onOk: async () => {
        setBusy(true);
        try {
          const saved = await submitMyReport(id, { version: a.version, text: v.text });
          client.setQueryData(['me', 'admonitions', id], saved);
          form.resetFields();
          message.success('已提交书面报告');
        } catch (e) {
          message.error(applyServerErrors(form, e));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0 }}
        onClick={() => nav('/my-admonitions')}
      >
        我的诫勉
      </Button>
      <Card title={`诫勉 ${a.code}`}>
        {a.reportOverdue && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={`书面报告应于 ${a.nextReportDue} 前提交，已逾期，请尽快提交`}
          />
        )}
        <Descriptions column={2} size="small">
          <Descriptions.Item label="单位">{a.orgName}</Descriptions.Item>
          <Descriptions.Item label="状态">{a.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="谈话日期">{a.talkOn}</Descriptions.Item>
          <Descriptions.Item label="跟踪考察期满">{a.trackingEndsOn}</Descriptions.Item>
          <Descriptions.Item label="书面报告应交日期" span={2}>
            {a.reportDates.length ? a.reportDates.join('、') : '本次诫勉不要求书面报告'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="书面报告思想和工作情况" style={{ marginTop: 16 }}>
        {a.reports.length === 0 ? (
          <Empty description="还没有提交书面报告" />
        ) : (
          <Timeline
            items={a.reports.map((r) => ({
              children: (
                <>
                  <Typography.Text strong>
                    {r.on} 提交{r.dueOn ? `（应交日期 ${r.dueOn}）` : ''}
                    {r.byOwnAccount ? '' : '（纸质报告，由组织部门录入）'}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                    {r.text}
                  </Typography.Paragraph>
                </>
              ),
            }))}
          />
        )}
        {a.nextReportDue && (
          <Form form={form} layout="vertical" onFinish={send} style={{ marginTop: 16 }}>
            <Form.Item
              name="text"
              label={`本期书面报告（${a.nextReportDue} 前提交）`}
              rules={[
                { required: true, message: '请填写书面报告' },
                { min: 20, message: '书面报告不少于 20 字' },
              ]}
            >
              <Input.TextArea rows={8} maxLength={5000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              提交书面报告
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
