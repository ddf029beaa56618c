import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { clean, FormModal } from './AuditModals';

export const DECISION_ROLES: Record<string, string> = {
  discipline_officer: '纪检委员',
  org_officer: '组织委员',
  audit_officer: '财政所（审计）',
  township_head: '镇长',
  unit_head: '单位负责人',
};

interface MeetingRow {
  id: number;
  orgName: string | null;
  heldOn: string;
  title: string;
  audits: number;
  decisions: number;
  done: number;
}

/** 联席会议: the meetings with how many of their decisions are done; the officer records one. */
export default function MeetingsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['audit-meetings'],
    queryFn: () => api<{ items: MeetingRow[] }>('GET', '/api/v1/audit-meetings'),
  });
  return (
    <>
      {can('econ_audit.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 16 }}
          onClick={() => setCreating(true)}
        >
          登记联席会议
        </Button>
      )}
      <Table<MeetingRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="还没有联席会议" /> }}
        columns={[
          {
            title: '会议',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/audit-meetings/${r.id}`}>{t}</Link>,
          },
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '单位', dataIndex: 'orgName', width: 110 },
          { title: '通报审计项目', dataIndex: 'audits', width: 110 },
          { title: '决定事项（已办结/总数）', width: 180, render: (_, r) => `${r.done} / ${r.decisions}` },
        ]}
        pagination={false}
      />
      {creating && (
        <FormModal
          title="登记联席会议"
          run={(v) =>
            api<{ id: number }>('POST', '/api/v1/audit-meetings', {
              ...v,
              attendees: String(v.attendees ?? '')
                .split(/[，,、\s]+/)
                .filter(Boolean),
              auditIds: [],
              decisions: (v.decisions ?? []).map((d: Record<string, unknown>) => clean(d)),
            })
          }
          onClose={() => setCreating(false)}
          onDone={(m) => nav(`/audit-meetings/${m.id}`)}
        >
          <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请填写会议日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="attendees"
            label="参会人员（以顿号分隔）"
            rules={[{ required: true, message: '请填写参会人员' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, message: '请填写会议纪要' }]}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.List name="decisions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'content']}
                      rules={[{ required: true, message: '请填写决定事项' }]}
                    >
                      <Input placeholder="决定事项" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'assigneeOrgId']}
                      rules={[{ required: true, message: '请选择承办单位' }]}
                    >
                      <OrgPicker placeholder="承办单位" style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'assigneeRole']}
                      rules={[{ required: true, message: '请选择承办人' }]}
                    >
                      <Select
                        placeholder="承办人"
                        style={{ width: 130 }}
                        options={Object.entries(DECISION_ROLES).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'dueOn']}
                      rules={[{ required: true, message: '请填写办理时限' }]}
                    >
                      <DatePicker placeholder="办理时限" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  添加决定事项
                </Button>
              </>
            )}
          </Form.List>
        </FormModal>
      )}
    </>
  );
}
