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

interface AuditOption {
  id: number;
  title: string;
}

/**
 * A decision's audit (one the meeting hears: its subject is the decision's, for recusal) and the
 * person named to act, chosen among the role's holders who need not recuse.
 */
function DecisionAssignee(props: { name: number; audits: AuditOption[] }) {
  const form = Form.useFormInstance();
  const heard: number[] = Form.useWatch('auditIds', form) ?? [];
  const orgId = Form.useWatch(['decisions', props.name, 'assigneeOrgId'], form);
  const role = Form.useWatch(['decisions', props.name, 'assigneeRole'], form);
  const auditId = Form.useWatch(['decisions', props.name, 'auditId'], form);
  const holders = useQuery({
    queryKey: ['audit-meetings', 'assignees', orgId, role, auditId],
    queryFn: () =>
      api<{ items: { id: number; name: string }[] }>(
        'GET',
        `/api/v1/audit-meetings/assignees?orgId=${orgId}&role=${role}${auditId ? `&auditId=${auditId}` : ''}`,
      ),
    enabled: !!orgId && !!role,
  });
  return (
    <>
      <Form.Item name={[props.name, 'auditId']}>
        <Select
          placeholder="涉及审计项目"
          allowClear
          style={{ width: 180 }}
          options={props.audits
            .filter((a) => heard.includes(a.id))
            .map((a) => ({ value: a.id, label: a.title }))}
        />
      </Form.Item>
      <Form.Item name={[props.name, 'assigneeUserId']}>
        <Select
          placeholder="指定承办人（可选）"
          allowClear
          style={{ width: 150 }}
          options={(holders.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
    </>
  );
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
  const audits = useQuery({
    queryKey: ['econ-audits', 'for-meeting'],
    queryFn: () => api<{ items: AuditOption[] }>('GET', '/api/v1/econ-audits?pageSize=200'),
    enabled: creating,
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
              auditIds: v.auditIds ?? [],
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
          <Form.Item name="auditIds" label="通报审计项目">
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={(audits.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
            />
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
                    <DecisionAssignee name={field.name} audits={audits.data?.items ?? []} />
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
