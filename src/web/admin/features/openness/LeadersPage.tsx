import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Empty, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { fetchLeaders, type LeaderRow, saveLeader } from './public-api';

/** 领导干部公开: a unit's post holders from the registry and what the portal shows of them (the mobile only with consent). */
export default function LeadersPage() {
  const { me } = useMe();
  const can = useCan();
  const qc = useQueryClient();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [editing, setEditing] = useState<LeaderRow | null>(null);
  const list = useQuery({
    queryKey: ['openness', 'leaders', orgId],
    queryFn: () => fetchLeaders(orgId!),
    enabled: !!orgId,
    retry: false,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          placeholder="选择公开单位"
          style={{ width: 240 }}
          value={orgId}
          onChange={(v) => setOrgId(v ?? undefined)}
        />
        {orgId && (
          <>
            <Button href={`/api/v1/disclosure/units/${orgId}/board-qr.svg`} target="_blank">
              打印公开栏二维码
            </Button>
            <Typography.Link href={`/portal/open/units/${orgId}`} target="_blank">
              门户公开栏
            </Typography.Link>
          </>
        )}
      </Space>
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      <Table<LeaderRow>
        rowKey="tenureId"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        locale={{ emptyText: <Empty description="该单位暂无在任人员" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '职务', dataIndex: 'post' },
          { title: '分工', dataIndex: 'duties' },
          { title: '办公电话', dataIndex: 'officePhone', width: 140 },
          { title: '办公时间', dataIndex: 'hours', width: 140 },
          {
            title: '手机',
            width: 160,
            render: (_, r) => `${r.mobileMasked ?? '—'}${r.mobileConsent ? '（同意公开）' : '（不公开）'}`,
          },
          {
            title: '',
            width: 80,
            render: (_, r) =>
              can('disclosure.draft') && (
                <Button size="small" onClick={() => setEditing(r)}>
                  修改
                </Button>
              ),
          },
        ]}
      />
      {editing && (
        <LeaderModal
          row={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            qc.invalidateQueries({ queryKey: ['openness', 'leaders'] });
          }}
        />
      )}
    </>
  );
}

function LeaderModal({ row, onClose, onDone }: { row: LeaderRow; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = form.getFieldsValue();
    try {
      await saveLeader(row.tenureId, {
        duties: v.duties || null,
        officePhone: v.officePhone || null,
        hours: v.hours || null,
        mobileConsent: !!v.mobileConsent,
        version: row.version,
      });
      onDone();
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };
  return (
    <Modal open title={`${row.name} · ${row.post}`} okText="保存" onOk={save} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={row}>
        <Form.Item name="duties" label="分工">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="officePhone" label="办公电话">
          <Input />
        </Form.Item>
        <Form.Item name="hours" label="办公时间">
          <Input />
        </Form.Item>
        <Form.Item name="mobileConsent" valuePropName="checked">
          <Checkbox>本人同意在门户公开手机号码</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
