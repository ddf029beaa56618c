import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan, useMe } from '../../shared/me';
import { fetchRounds, PEER_GROUPS, type RoundSummary, recordRound, UNIT_EVALUATION_KINDS } from './api';

interface OrgRow {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  path: string;
}

/** 单位考评: the rounds of 目标考评 / 现场观摩 / 行风评比 with their 末位 units; a new round is ranked at once. */
export default function RoundsPage() {
  const can = useCan();
  const nav = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['assessments', 'rounds', kind, year],
    queryFn: () => fetchRounds({ kind, year }),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="考评类别"
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(UNIT_EVALUATION_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(v ?? undefined)}
        />
        {can('assessment.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            录入考评结果
          </Button>
        )}
      </Space>
      <Table<RoundSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有单位考评" /> }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 轮` }}
        columns={[
          {
            title: '考评',
            dataIndex: 'title',
            render: (t, r) => <Link to={`/assessments/rounds/${r.id}`}>{t}</Link>,
          },
          { title: '类别', dataIndex: 'kindLabel' },
          {
            title: '参评单位',
            render: (_, r) => PEER_GROUPS[r.peerGroup as keyof typeof PEER_GROUPS] ?? r.peerGroup,
          },
          { title: '日期', dataIndex: 'heldOn' },
          { title: '单位数', dataIndex: 'units' },
          {
            title: '末位',
            render: (_, r) =>
              r.lastUnits.map((u) => (
                <Tag color="red" key={u}>
                  {u}
                </Tag>
              )),
          },
        ]}
      />
      {open && (
        <NewRoundDrawer onClose={() => setOpen(false)} onDone={(id) => nav(`/assessments/rounds/${id}`)} />
      )}
    </>
  );
}

function NewRoundDrawer({ onClose, onDone }: { onClose: () => void; onDone: (id: number) => void }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [group, setGroup] = useState('village');
  const [scores, setScores] = useState<Record<number, { score?: number; deduction?: number }>>({});
  const tree = useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: () => api<OrgRow[]>('GET', '/api/v1/orgs/tree'),
  });
  const own = tree.data?.find((o) => o.id === me?.orgId);
  const units = (tree.data ?? []).filter(
    (o) => own && o.path.startsWith(own.path) && o.kind === group && o.id !== own.id,
  );
  const submit = async (v: { kind: string; title: string; heldOn: Dayjs }) => {
    try {
      const r = await recordRound({
        orgId: me!.orgId,
        kind: v.kind,
        peerGroup: group,
        title: v.title,
        heldOn: v.heldOn?.format('YYYY-MM-DD'),
        units: units
          .filter((u) => scores[u.id]?.score !== undefined)
          .map((u) => ({ orgId: u.id, score: scores[u.id].score, deduction: scores[u.id].deduction ?? 0 })),
      });
      message.success(
        r.lastPlaces.length ? `已排名，${r.lastPlaces.map((l) => l.unitName).join('、')}排名末位` : '已排名',
      );
      onDone(r.id);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    }
  };
  return (
    <Drawer open title="录入单位考评结果" width={560} onClose={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'target' }}>
        <Form.Item name="kind" label="考评类别" rules={[{ required: true, message: '请选择考评类别' }]}>
          <Select
            options={Object.entries(UNIT_EVALUATION_KINDS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="title" label="考评名称" rules={[{ required: true, message: '请填写考评名称' }]}>
          <Input maxLength={100} placeholder="如：2026 年第一季度目标考评" />
        </Form.Item>
        <Form.Item name="heldOn" label="考评日期" rules={[{ required: true, message: '请填写考评日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="参评单位类别（分组排名）">
          <Select
            value={group}
            onChange={setGroup}
            options={Object.entries(PEER_GROUPS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="units" label="得分（未填得分的单位不参加本轮排名）">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={units}
            columns={[
              { title: '单位', dataIndex: 'name' },
              {
                title: '得分',
                render: (_, u: OrgRow) => (
                  <InputNumber
                    min={0}
                    max={1000}
                    aria-label={`${u.name}得分`}
                    value={scores[u.id]?.score}
                    onChange={(score) =>
                      setScores({ ...scores, [u.id]: { ...scores[u.id], score: score ?? undefined } })
                    }
                  />
                ),
              },
              {
                title: '扣分',
                render: (_, u: OrgRow) => (
                  <InputNumber
                    min={0}
                    max={1000}
                    aria-label={`${u.name}扣分`}
                    value={scores[u.id]?.deduction}
                    onChange={(deduction) =>
                      setScores({ ...scores, [u.id]: { ...scores[u.id], deduction: deduction ?? undefined } })
                    }
                  />
                ),
              },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          排名并保存
        </Button>
      </Form>
    </Drawer>
  );
}
