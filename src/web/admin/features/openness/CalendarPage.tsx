import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { download } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { DUE_STATES, type DueItem, fetchDueItems, fetchItemTypes, ledgerUrl, recordMatter } from './api';

/** 公开日历: a unit's due items (per period, per matter), each on time, late, due or overdue; the 公开台帐 in Excel. */
export default function CalendarPage() {
  const params = useParams();
  const { me } = useMe();
  const can = useCan();
  const nav = useNavigate();
  const qc = useQueryClient();
  const orgId = params.orgId ? Number(params.orgId) : me?.orgId;
  const [matter, setMatter] = useState(false);
  const [ledgerError, setLedgerError] = useState<string | null>(null);
  const due = useQuery({
    queryKey: ['openness', 'due', orgId],
    queryFn: () => fetchDueItems(orgId!),
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
          onChange={(v) => v && nav(`/openness/calendar/${v}`)}
        />
        {orgId && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(ledgerUrl({ orgId })).catch((e) => setLedgerError((e as Error).message))}
          >
            导出公开台帐
          </Button>
        )}
        {can('disclosure.draft') && orgId && (
          <Button icon={<PlusOutlined />} onClick={() => setMatter(true)}>
            登记须公开的事项
          </Button>
        )}
      </Space>
      {ledgerError && (
        <Alert
          type="error"
          showIcon
          title={ledgerError}
          closable
          onClose={() => setLedgerError(null)}
          style={{ marginBottom: 16 }}
        />
      )}
      {due.error && (
        <Alert type="error" showIcon title={(due.error as Error).message} style={{ marginBottom: 16 }} />
      )}
      {due.data && (
        <Space size="large" style={{ marginBottom: 16 }}>
          <Statistic title="待公开" value={due.data.counts.due} />
          <Statistic title="按时公开" value={due.data.counts.onTime} />
          <Statistic title="逾期公开" value={due.data.counts.late} />
          <Statistic title="逾期未公开" value={due.data.counts.overdue} valueStyle={{ color: '#cf1322' }} />
        </Space>
      )}
      <Table<DueItem>
        rowKey="id"
        size="middle"
        loading={due.isLoading}
        dataSource={due.data?.items}
        locale={{ emptyText: <Empty description="该单位暂无应公开事项" /> }}
        columns={[
          { title: '公开事项', dataIndex: 'itemTypeName' },
          {
            title: '期间/事项',
            render: (_, r) => r.period ?? `${r.matter ?? ''}（${r.decidedOn ?? ''} 决定）`,
          },
          { title: '公开期限', dataIndex: 'dueOn', width: 120 },
          {
            title: '状态',
            dataIndex: 'state',
            width: 120,
            render: (s, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={DUE_STATES[s]?.color}>{DUE_STATES[s]?.label ?? s}</Tag>
                {r.escalatedOn && <Tag color="volcano">已提请镇督办</Tag>}
              </Space>
            ),
          },
          {
            title: '公开日期',
            dataIndex: 'publishedOn',
            width: 120,
            render: (d, r) => (d ? <Link to={`/openness/disclosures/${r.disclosureId}`}>{d}</Link> : '—'),
          },
        ]}
      />
      {matter && orgId && (
        <MatterModal
          orgId={orgId}
          onClose={() => setMatter(false)}
          onDone={() => {
            setMatter(false);
            qc.invalidateQueries({ queryKey: ['openness', 'due', orgId] });
          }}
        />
      )}
    </>
  );
}

function MatterModal(props: { orgId: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ itemTypeId: number; matter: string; decidedOn: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const types = useQuery({
    queryKey: ['openness', 'catalogue', 'unit', props.orgId],
    queryFn: () => fetchItemTypes({ orgId: props.orgId }),
  });
  const submit = async (v: { itemTypeId: number; matter: string; decidedOn: Dayjs }) => {
    try {
      await recordMatter({ ...v, orgId: props.orgId, decidedOn: v.decidedOn.format('YYYY-MM-DD') });
      props.onDone();
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  return (
    <Modal open title="登记须公开的事项" okText="登记" onCancel={props.onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="itemTypeId" label="公开事项" rules={[{ required: true, message: '请选择公开事项' }]}>
          <Select
            options={(types.data?.items ?? [])
              .filter((t) => t.timing === 'within_days' || t.timing === 'within_working_days')
              .map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
        <Form.Item
          name="matter"
          label="事项名称"
          rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label="决定或形成日期"
          rules={[{ required: true, message: '请填写决定或形成日期' }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
