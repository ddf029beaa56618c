import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { weightProblem } from '../../../../domain/assessments/indicators';
import { ApiError, api } from '../../shared/api';
import { useCan, useMe } from '../../shared/me';

/** Where an automatic deduction reads its records (the unit's, overdue at the period's end). */
type AutoSource = 'overdue_petitions' | 'overdue_rectification' | 'overdue_openness' | 'pledge_fulfilment';
const AUTO_SOURCES: { value: AutoSource; label: string }[] = [
  { value: 'overdue_petitions', label: '超期信访件' },
  { value: 'overdue_rectification', label: '超期审计整改事项' },
  { value: 'overdue_openness', label: '逾期未公开事项' },
  { value: 'pledge_fulfilment', label: '到期未兑现承诺事项' },
];

interface Item {
  key: string;
  parentKey?: string | null;
  name: string;
  kind: 'score' | 'bonus' | 'deduction' | 'veto';
  weight?: number;
  maxPoints: number;
  auto?: { source: AutoSource; pointsEach: number } | null;
}
interface System {
  id: number;
  year: number;
  kind: string;
  version: number;
  title: string;
  items: Item[];
  bonusCap: number;
  deductionCap: number;
}
interface Score {
  id: number;
  unitName: string;
  period: string;
  total: number;
  deduction: number;
  vetoedBy: string | null;
  lines: { itemKey: string; points: number; comment?: string; auto?: { records: { code: string }[] } }[];
}

const KINDS = {
  township_leader: '镇领导班子成员',
  middle: '中层干部',
  village: '村干部',
  unit: '村（部门）单位',
};
const ITEM_KINDS = { score: '考核指标', bonus: '加分项', deduction: '扣分项', veto: '一票否决' };

/** 指标体系: the versions of each year's indicator systems, their items, and the dynamic scores given under them. */
export default function IndicatorsPage() {
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['assessments', 'indicators'],
    queryFn: () => api<{ items: System[] }>('GET', '/api/v1/assessments/indicator-systems'),
  });
  const scores = useQuery({
    queryKey: ['assessments', 'scores', selected],
    queryFn: () => api<{ items: Score[] }>('GET', `/api/v1/assessments/indicator-systems/${selected}/scores`),
    enabled: selected !== null,
  });
  const system = list.data?.items.find((s) => s.id === selected);
  return (
    <>
      {can('assessment.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 16 }}
        >
          制定指标体系
        </Button>
      )}
      <Table<System>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="还没有指标体系" /> }}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '年度', dataIndex: 'year' },
          { title: '考核对象', dataIndex: 'kind', render: (k) => KINDS[k as keyof typeof KINDS] ?? k },
          { title: '名称', dataIndex: 'title' },
          { title: '版本', dataIndex: 'version', render: (v) => `第 ${v} 版` },
          { title: '指标数', render: (_, r) => r.items.length },
        ]}
      />
      {system && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Table<Item>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={system.items}
            columns={[
              { title: '编号', dataIndex: 'key' },
              { title: '指标', dataIndex: 'name' },
              { title: '类型', dataIndex: 'kind', render: (k) => ITEM_KINDS[k as keyof typeof ITEM_KINDS] },
              { title: '权重', dataIndex: 'weight' },
              { title: '分值上限', dataIndex: 'maxPoints' },
              {
                title: '自动扣分',
                render: (_, i) =>
                  i.auto ? (
                    <Tag>
                      {AUTO_SOURCES.find((a) => a.value === i.auto!.source)?.label ?? '超期信访件'}每件扣{' '}
                      {i.auto.pointsEach} 分
                    </Tag>
                  ) : null,
              },
            ]}
          />
          <Table<Score>
            rowKey="id"
            size="small"
            pagination={false}
            loading={scores.isLoading}
            dataSource={scores.data?.items ?? []}
            locale={{ emptyText: <Empty description="尚未评分" /> }}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '考核期', dataIndex: 'period' },
              { title: '总分', dataIndex: 'total' },
              { title: '扣分', dataIndex: 'deduction' },
              {
                title: '自动扣分依据',
                render: (_, s) =>
                  s.lines
                    .filter((l) => l.auto)
                    .flatMap((l) => l.auto!.records.map((r) => r.code))
                    .join('、') || '—',
              },
              {
                title: '一票否决',
                dataIndex: 'vetoedBy',
                render: (v) => (v ? <Tag color="red">{v}</Tag> : null),
              },
            ]}
          />
        </Space>
      )}
      {open && <NewSystemDrawer onClose={() => setOpen(false)} />}
    </>
  );
}

/** The indicator editor: rows of items with the weight sums of each level shown live. */
function NewSystemDrawer({ onClose }: { onClose: () => void }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [kind, setKind] = useState('unit');
  const [caps, setCaps] = useState({ bonusCap: 5, deductionCap: 10 });
  const [items, setItems] = useState<Item[]>([
    { key: '1', name: '', kind: 'score', weight: 100, maxPoints: 100 },
  ]);
  const scored = items.filter((i) => i.kind === 'score');
  const problem = weightProblem(
    scored.map((i) => ({
      key: i.key,
      parentKey: i.parentKey || null,
      name: i.name || i.key,
      weight: i.weight ?? 0,
    })),
  );
  const sums = new Map<string, number>();
  for (const i of scored)
    sums.set(i.parentKey || '一级指标', (sums.get(i.parentKey || '一级指标') ?? 0) + (i.weight ?? 0));
  const set = (n: number, patch: Partial<Item>) =>
    setItems(items.map((x, i) => (i === n ? { ...x, ...patch } : x)));
  const save = async () => {
    try {
      await api('POST', '/api/v1/assessments/indicator-systems', {
        orgId: me!.orgId,
        year,
        kind,
        title,
        ...caps,
        items: items.map((i) => ({
          ...i,
          parentKey: i.parentKey || null,
          weight: i.kind === 'score' ? i.weight : undefined,
        })),
      });
      message.success('已保存');
      await client.invalidateQueries({ queryKey: ['assessments', 'indicators'] });
      onClose();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  return (
    <Drawer open title="制定指标体系" width={960} onClose={onClose} destroyOnHidden>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          placeholder="名称"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          style={{ width: 260 }}
        />
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年度" />
        <Select
          value={kind}
          onChange={setKind}
          style={{ width: 160 }}
          options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))}
        />
        <InputNumber
          value={caps.bonusCap}
          min={0}
          addonBefore="加分上限"
          onChange={(v) => setCaps({ ...caps, bonusCap: v ?? 0 })}
        />
        <InputNumber
          value={caps.deductionCap}
          min={0}
          addonBefore="扣分上限"
          onChange={(v) => setCaps({ ...caps, deductionCap: v ?? 0 })}
        />
      </Space>
      <Space wrap style={{ marginBottom: 12 }} data-testid="weight-sums">
        {[...sums].map(([level, sum]) => (
          <Tag key={level} color={Math.abs(sum - 100) < 0.005 ? 'green' : 'red'}>
            {level === '一级指标' ? level : `“${items.find((i) => i.key === level)?.name || level}”下级`}
            权重合计 {sum}
          </Tag>
        ))}
      </Space>
      {problem && <Alert type="error" showIcon message={problem.message} style={{ marginBottom: 12 }} />}
      <Table<Item>
        rowKey={(_, n) => String(n)}
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: '编号',
            render: (_, i, n) => <Input value={i.key} onChange={(e) => set(n, { key: e.target.value })} />,
          },
          {
            title: '上级',
            render: (_, i, n) => (
              <Input value={i.parentKey ?? ''} onChange={(e) => set(n, { parentKey: e.target.value })} />
            ),
          },
          {
            title: '指标',
            render: (_, i, n) => <Input value={i.name} onChange={(e) => set(n, { name: e.target.value })} />,
          },
          {
            title: '类型',
            render: (_, i, n) => (
              <Select
                value={i.kind}
                style={{ width: 110 }}
                onChange={(k) => set(n, { kind: k })}
                options={Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label }))}
              />
            ),
          },
          {
            title: '权重',
            render: (_, i, n) =>
              i.kind === 'score' ? (
                <InputNumber
                  value={i.weight}
                  min={0}
                  max={100}
                  onChange={(v) => set(n, { weight: v ?? 0 })}
                />
              ) : (
                '—'
              ),
          },
          {
            title: '分值上限',
            render: (_, i, n) => (
              <InputNumber value={i.maxPoints} min={0} onChange={(v) => set(n, { maxPoints: v ?? 0 })} />
            ),
          },
          {
            title: '自动扣分（来源 · 每件扣分）',
            render: (_, i, n) =>
              i.kind === 'deduction' ? (
                <Space.Compact>
                  <Select
                    aria-label="自动扣分来源"
                    style={{ width: 150 }}
                    value={i.auto?.source ?? 'overdue_petitions'}
                    options={AUTO_SOURCES}
                    onChange={(source) =>
                      set(n, { auto: i.auto ? { ...i.auto, source } : { source, pointsEach: 0 } })
                    }
                  />
                  <InputNumber
                    aria-label="每件扣分"
                    value={i.auto?.pointsEach}
                    min={0}
                    onChange={(v) =>
                      set(n, {
                        auto: v ? { source: i.auto?.source ?? 'overdue_petitions', pointsEach: v } : null,
                      })
                    }
                  />
                </Space.Compact>
              ) : null,
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          onClick={() =>
            setItems([
              ...items,
              { key: String(items.length + 1), name: '', kind: 'score', weight: 0, maxPoints: 0 },
            ])
          }
        >
          添加指标
        </Button>
        <Button type="primary" disabled={!!problem || !title} onClick={save}>
          保存为新版本
        </Button>
      </Space>
    </Drawer>
  );
}
