import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { totalText } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import {
  createDisclosure,
  type DisclosureRow,
  type Finance,
  fetchDisclosures,
  fetchItemTypes,
  type Procedure,
  REVISION_STATUSES,
  STATUSES,
} from './api';
import { DisclosureFields } from './DisclosureForm';

/** 公开记录 (and, with status 待审核, the 村务监督委员会's review queue). */
export default function DisclosuresPage(props: { reviewQueue?: boolean }) {
  const can = useCan();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>(props.reviewQueue ? 'in_review' : undefined);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [drafting, setDrafting] = useState(false);
  const list = useQuery({
    queryKey: ['openness', 'disclosures', orgId, status, page],
    queryFn: () => fetchDisclosures({ orgId, status, ...page }),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          allowClear
          placeholder="公开单位"
          style={{ width: 220 }}
          value={orgId}
          onChange={setOrgId}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUSES).map(([value, s]) => ({ value, label: s.label }))}
        />
        {can('disclosure.draft') && !props.reviewQueue && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)}>
            起草公开事项
          </Button>
        )}
      </Space>
      <Table<DisclosureRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{
          emptyText: <Empty description={props.reviewQueue ? '没有待审核的公开事项' : '还没有公开事项'} />,
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (n) => totalText(list.data, n, '项'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/openness/disclosures/${r.id}`}>{t}</Link>,
          },
          { title: '公开单位', dataIndex: 'orgName', width: 140 },
          { title: '公开事项', dataIndex: 'itemTypeName', width: 160 },
          { title: '期间', dataIndex: 'period', width: 100, render: (p) => p ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            render: (s, r) => (
              <>
                <Tag color={STATUSES[s]?.color}>{STATUSES[s]?.label ?? s}</Tag>
                {r.revisionStatus && (
                  <Tag color={REVISION_STATUSES[r.revisionStatus]?.color}>
                    {REVISION_STATUSES[r.revisionStatus]?.label}
                  </Tag>
                )}
              </>
            ),
          },
          { title: '索引号', dataIndex: 'indexNo', width: 170, render: (n) => n ?? '—' },
          { title: '公开日期', dataIndex: 'publishedOn', width: 110, render: (d) => d ?? '—' },
        ]}
      />
      {drafting && <DraftDrawer onClose={() => setDrafting(false)} />}
    </>
  );
}

interface DraftValues {
  orgId: number;
  itemTypeId: number;
  period?: string;
  title: string;
  body: string;
  issuingBody: string;
  issuedOn?: Dayjs;
  docNumber?: string;
  withFinance?: boolean;
  finance?: Finance;
  procedure?: Procedure;
}

function DraftDrawer(props: { onClose: () => void }) {
  const [form] = Form.useForm<DraftValues>();
  const nav = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const orgId = Form.useWatch('orgId', form);
  const itemTypeId = Form.useWatch('itemTypeId', form);
  const types = useQuery({
    queryKey: ['openness', 'catalogue', 'unit', orgId],
    queryFn: () => fetchItemTypes({ orgId }),
    enabled: !!orgId,
  });
  const type = types.data?.items.find((t) => t.id === itemTypeId);
  const periodic = type?.timing === 'monthly' || type?.timing === 'quarterly';
  const submit = async (v: DraftValues) => {
    setBusy(true);
    try {
      const d = await createDisclosure({
        orgId: v.orgId,
        itemTypeId: v.itemTypeId,
        period: periodic ? (v.period ?? null) : null,
        title: v.title,
        body: v.body,
        issuingBody: v.issuingBody,
        issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
        docNumber: v.docNumber || null,
        finance: v.withFinance ? (v.finance ?? null) : null,
        procedure: type?.procedure ? (v.procedure ?? null) : null,
      });
      nav(`/openness/disclosures/${d.id}`);
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      width={720}
      title="起草公开事项"
      onClose={props.onClose}
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          保存草稿
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Space wrap>
          <Form.Item name="orgId" label="公开单位" rules={[{ required: true, message: '请选择公开单位' }]}>
            <OrgPicker style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="itemTypeId"
            label="公开事项"
            rules={[{ required: true, message: '请选择公开事项' }]}
          >
            <Select
              style={{ width: 220 }}
              loading={types.isLoading}
              options={(types.data?.items ?? [])
                .filter((t) => t.active)
                .map((t) => ({ value: t.id, label: t.name }))}
            />
          </Form.Item>
          {periodic && (
            <Form.Item
              name="period"
              label="公开期间"
              rules={[
                {
                  required: true,
                  message: `请填写公开期间，如 ${type?.timing === 'monthly' ? '2026-03' : '2026-Q1'}`,
                },
              ]}
            >
              <Input
                style={{ width: 120 }}
                placeholder={type?.timing === 'monthly' ? '2026-03' : '2026-Q1'}
              />
            </Form.Item>
          )}
        </Space>
        <DisclosureFields form={form} procedure={!!type?.procedure} />
      </Form>
    </Drawer>
  );
}
