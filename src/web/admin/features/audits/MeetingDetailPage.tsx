import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Result, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, download } from '../../shared/api';
import { FormModal } from './AuditModals';

interface Decision {
  id: number;
  content: string;
  no: number;
  assigneeRoleLabel: string;
  /** Who must act: the named person with the role, or the role of the org. */
  assignee: string;
  dueOn: string;
  doneOn: string | null;
  doneNote: string | null;
  state: string;
}
interface Meeting {
  id: number;
  title: string;
  heldOn: string;
  attendees: string[];
  /** Null for a unit head given a decision: they read only their decision. */
  minutes: string | null;
  audits: { id: number; title: string }[];
  decisions: Decision[];
  /** Decisions not shown: about a cadre the caller must recuse from, or not the caller's. */
  withheld: number;
}
const STATE_COLORS: Record<string, string> = {
  按期办结: 'green',
  逾期办结: 'orange',
  已逾期: 'red',
  办理中: 'blue',
};

/** One 联席会议: attendees, the audits reported, minutes, and its decisions until each is done. */
export default function MeetingDetailPage() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['audit-meetings', id],
    queryFn: () => api<Meeting>('GET', `/api/v1/audit-meetings/${id}`),
  });
  const [doing, setDoing] = useState<Decision | null>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="联席会议不存在或无权查看" />;
  const m = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={m.title}
        extra={
          <Button onClick={() => download(`/api/v1/audit-meetings/${id}/decisions.docx`)}>
            打印决定事项清单
          </Button>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="会议日期">{m.heldOn}</Descriptions.Item>
          <Descriptions.Item label="参会人员">{m.attendees.join('、')}</Descriptions.Item>
          <Descriptions.Item label="通报审计项目" span={2}>
            <Space wrap>
              {m.audits.map((a) => (
                <Link key={a.id} to={`/audits/${a.id}`}>
                  {a.title}
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
          {m.minutes !== null && (
            <Descriptions.Item label="会议纪要" span={2}>
              {m.minutes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title="决定事项"
        extra={m.withheld > 0 ? `另有 ${m.withheld} 项因回避或非本单位承办不予显示` : undefined}
      >
        <Table<Decision>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={m.decisions}
          columns={[
            { title: '序号', dataIndex: 'no', width: 60 },
            { title: '决定事项', dataIndex: 'content' },
            { title: '承办', dataIndex: 'assignee', width: 180 },
            { title: '办理时限', dataIndex: 'dueOn', width: 110 },
            {
              title: '状态',
              dataIndex: 'state',
              width: 100,
              render: (s: string) => <Tag color={STATE_COLORS[s]}>{s}</Tag>,
            },
            {
              title: '办理情况',
              dataIndex: 'doneNote',
              width: 200,
              render: (n, d) => (n ? `${d.doneOn} ${n}` : '—'),
            },
            {
              title: '',
              width: 100,
              render: (_, d) =>
                !d.doneOn && (
                  <Button size="small" onClick={() => setDoing(d)}>
                    登记办结
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {doing && (
        <FormModal
          title={`登记办结：${doing.content}`}
          run={(v) => api<Meeting>('POST', `/api/v1/audit-meetings/${id}/decisions/${doing.id}/done`, v)}
          onClose={() => setDoing(null)}
          onDone={(next) => {
            client.setQueryData(['audit-meetings', id], next);
            client.invalidateQueries({ queryKey: ['audit-meetings'] });
            setDoing(null);
          }}
        >
          <Form.Item name="note" label="办理情况" rules={[{ required: true, message: '请填写办理情况' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
