import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { FormModal } from './AuditModals';

interface Visit {
  id: number;
  unitName: string | null;
  visitedOn: string;
  visitors: string[];
  checked: string;
  itemIds: number[];
  result: string;
}

const split = (v: unknown) =>
  String(v ?? '')
    .split(/[，,、\s]+/)
    .filter(Boolean);

/** 跟踪回访: visits to the units on how they carry out the audits' opinions. */
export default function VisitsPage() {
  const can = useCan();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['audit-visits'],
    queryFn: () => api<{ items: Visit[] }>('GET', '/api/v1/audit-visits'),
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
          登记跟踪回访
        </Button>
      )}
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description="还没有跟踪回访记录" /> }}
        pagination={false}
        columns={[
          { title: '回访日期', dataIndex: 'visitedOn', width: 110 },
          { title: '回访单位', dataIndex: 'unitName', width: 120 },
          { title: '回访人员', dataIndex: 'visitors', width: 160, render: (v: string[]) => v.join('、') },
          { title: '检查内容', dataIndex: 'checked' },
          {
            title: '涉及整改事项',
            dataIndex: 'itemIds',
            width: 110,
            render: (v: number[]) => `${v.length} 项`,
          },
          { title: '回访结果', dataIndex: 'result' },
        ]}
      />
      {creating && (
        <FormModal
          title="登记跟踪回访"
          run={(v) =>
            api('POST', '/api/v1/audit-visits', {
              ...v,
              visitors: split(v.visitors),
              itemIds: split(v.itemIds).map(Number),
            })
          }
          onClose={() => setCreating(false)}
          onDone={() => {
            client.invalidateQueries({ queryKey: ['audit-visits'] });
            setCreating(false);
          }}
        >
          <Form.Item name="orgId" label="所属乡镇" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgPicker />
          </Form.Item>
          <Form.Item
            name="unitOrgId"
            label="回访单位"
            rules={[{ required: true, message: '请选择回访单位' }]}
          >
            <OrgPicker />
          </Form.Item>
          <Form.Item
            name="visitedOn"
            label="回访日期"
            rules={[{ required: true, message: '请填写回访日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="visitors"
            label="回访人员（以顿号分隔）"
            rules={[{ required: true, message: '请填写回访人员' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="checked" label="检查内容" rules={[{ required: true, message: '请填写检查内容' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="itemIds" label="涉及整改事项编号（以逗号分隔，可不填）">
            <Input />
          </Form.Item>
          <Form.Item name="result" label="回访结果" rules={[{ required: true, message: '请填写回访结果' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
