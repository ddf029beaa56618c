import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Drawer, Empty, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { type DynamicRoundSummary, fetchDynamicRounds, ROUND_CADENCES, startDynamicRound } from './api';

interface OrgRow {
  id: number;
  name: string;
  kind: string;
  path: string;
}

/** 动态考核: the rounds with their stage and the stage's deadline; an organiser starts a new one. */
export default function DynamicRoundsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['assessments', 'dynamic-rounds'], queryFn: fetchDynamicRounds });
  const today = list.data?.today ?? '';
  return (
    <>
      {can('assessment.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 16 }}
          onClick={() => setOpen(true)}
        >
          发起动态考核
        </Button>
      )}
      <Table<DynamicRoundSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有动态考核" /> }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 轮` }}
        columns={[
          {
            title: '考核',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/assessments/dynamic-rounds/${r.id}`}>{t}</Link>,
          },
          { title: '周期', dataIndex: 'cadenceLabel' },
          { title: '考核期', dataIndex: 'period' },
          { title: '单位数', dataIndex: 'units' },
          {
            title: '阶段',
            render: (_, r) => (
              <Tag color={r.stage === 'published' ? 'green' : 'blue'}>
                {r.stageLabel}
                {r.due ? `（${r.due} 截止）` : ''}
              </Tag>
            ),
          },
          { title: '', render: (_, r) => (r.due && r.due < today ? <Tag color="red">已超期</Tag> : null) },
        ]}
      />
      {open && (
        <StartDrawer
          onClose={() => setOpen(false)}
          onDone={(id) => nav(`/assessments/dynamic-rounds/${id}`)}
        />
      )}
    </>
  );
}

function StartDrawer({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const systems = useQuery({
    queryKey: ['assessments', 'indicators'],
    queryFn: () =>
      api<{ items: { id: number; title: string; year: number; version: number; orgId: number }[] }>(
        'GET',
        '/api/v1/assessments/indicator-systems',
      ),
  });
  const tree = useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: () => api<OrgRow[]>('GET', '/api/v1/orgs/tree'),
  });
  const own = tree.data?.find((o) => o.id === me?.orgId);
  const units = (tree.data ?? []).filter((o) => own && o.path.startsWith(own.path) && o.id !== own.id);
  const submit = async (v: {
    systemId: number;
    cadence: string;
    period: string;
    subjectOrgIds: number[];
    deadlines: Record<string, string>;
  }) => {
    try {
      const r = await startDynamicRound(v);
      message.success('已发起，各单位已收到自评待办');
      onDone(r.id);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Drawer open title="发起动态考核" width={560} onClose={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ cadence: 'quarterly', subjectOrgIds: [] }}
      >
        <Form.Item name="systemId" label="指标体系" rules={[{ required: true, message: '请选择指标体系' }]}>
          <Select
            aria-label="指标体系"
            options={(systems.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.title}（${s.year} 年第 ${s.version} 版）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="cadence" label="考核周期" rules={[{ required: true }]}>
          <Select options={Object.entries(ROUND_CADENCES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="period"
          label="考核期"
          extra="月度如 2026-03，季度如 2026Q1，半年如 2026H1"
          rules={[{ required: true, message: '请填写考核期' }]}
        >
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item
          name="subjectOrgIds"
          label="被考核单位"
          rules={[{ required: true, message: '请选择被考核单位' }]}
        >
          <Checkbox.Group options={units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item
          name={['deadlines', 'self']}
          label="单位自评截止日期"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name={['deadlines', 'scoring']}
          label="科室评分截止日期"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name={['deadlines', 'review']}
          label="复核截止日期"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          发起考核
        </Button>
      </Form>
    </Drawer>
  );
}
