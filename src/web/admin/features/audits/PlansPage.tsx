import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { FormModal } from './AuditModals';
import { AUDIT_KINDS, fetchPlans, type PlanRow } from './api';

const req = (message: string) => [{ required: true, message }];

/** 审计计划: each year's periodic (定期), targeted (重点) and departure (离任) audit plans. */
export default function PlansPage() {
  const can = useCan();
  const client = useQueryClient();
  const [year, setYear] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['audit-plans', year], queryFn: () => fetchPlans(year) });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(y) => setYear(y ?? undefined)}
        />
        {can('econ_audit.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记审计计划
          </Button>
        )}
      </Space>
      <Table<PlanRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有审计计划" /> }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '计划名称', dataIndex: 'title' },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: string) => AUDIT_KINDS[k] ?? k },
          { title: '单位', dataIndex: 'orgName', width: 140 },
          { title: '说明', dataIndex: 'note', render: (n) => n ?? '—' },
        ]}
      />
      {creating && (
        <FormModal
          title="登记审计计划"
          initial={{ year: new Date().getFullYear() }}
          run={(v) => api<PlanRow>('POST', '/api/v1/audit-plans', { ...v, note: v.note || null })}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            client.invalidateQueries({ queryKey: ['audit-plans'] });
          }}
        >
          <Form.Item name="year" label="年度" rules={req('请填写年度')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="kind" label="计划类型" rules={req('请选择计划类型')}>
            <Select options={Object.entries(AUDIT_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="计划名称" rules={req('请填写计划名称')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="orgId" label="单位" rules={req('请选择单位')}>
            <OrgPicker />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
