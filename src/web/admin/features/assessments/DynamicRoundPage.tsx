import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  Tooltip,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../shared/me';
import { type DynamicRoundDetail, fetchDynamicRound, moveRound, type RoundLine, saveRoundLines } from './api';

const STAGE_ORDER = ['self', 'scoring', 'review', 'published'] as const;
const NEXT_LABEL = { self: '结束自评，进入科室评分', scoring: '提交复核', review: '发布结果' } as const;
const KIND_LABEL: Record<string, string> = {
  score: '指标',
  bonus: '加分',
  deduction: '扣分',
  veto: '一票否决',
};

const shown = (l: RoundLine | undefined) =>
  l ? (
    <Tooltip
      title={`${l.scorer} ${l.scoredAt.slice(0, 10)}${l.evidence ? `；证据：${l.evidence}` : ''}${l.comment ? `；说明：${l.comment}` : ''}`}
    >
      <span>
        {l.points}
        {(l.evidence || l.comment) && <small style={{ color: '#888' }}> {l.comment ?? l.evidence}</small>}
      </span>
    </Tooltip>
  ) : (
    '—'
  );

/** 动态考核评分: the stages, the scoring matrix per unit, who has not scored, the self gap and the results. */
export default function DynamicRoundPage() {
  const id = Number(useParams().id);
  const q = useQuery({
    queryKey: ['assessments', 'dynamic-round', id],
    queryFn: () => fetchDynamicRound(id),
  });
  const r = q.data;
  if (!r) return q.error ? <Alert type="error" message={(q.error as Error).message} /> : null;
  return <RoundView r={r} />;
}

function RoundView({ r }: { r: DynamicRoundDetail }) {
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState(r.units[0]?.id);
  const [draft, setDraft] = useState<
    Record<string, { points?: number; evidence?: string; comment?: string }>
  >({});
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['assessments', 'dynamic-round', r.id] });
  const fail = (e: unknown) => message.error((e as Error).message);
  const unit = r.units.find((u) => u.id === unitId) ?? r.units[0];
  const line = (key: string, stage: RoundLine['stage']) =>
    r.lines.find((l) => l.subjectOrgId === unit?.id && l.itemKey === key && l.stage === stage);
  const save = async () => {
    const lines = Object.entries(draft)
      .filter(([, d]) => d.points !== undefined)
      .map(([itemKey, d]) => ({
        itemKey,
        points: d.points,
        evidence: d.evidence || null,
        comment: d.comment || null,
      }));
    if (!lines.length) return message.warning('请先填写分值');
    try {
      await saveRoundLines(r.id, { subjectOrgId: unit.id, version: r.version, lines });
      message.success(`已保存 ${unit.name} 的${r.stageLabel}`);
      setDraft({});
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const move = async (m: 'advance' | 'reopen') => {
    try {
      await moveRound(r.id, m, m === 'reopen' ? { version: r.version, reason } : { version: r.version });
      message.success(m === 'reopen' ? '已重新打开，回到复核' : '已推进到下一阶段');
      setReopening(false);
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const editable = r.canScore && r.stage !== 'published';
  const set = (key: string, patch: object) => setDraft({ ...draft, [key]: { ...draft[key], ...patch } });
  return (
    <>
      <Descriptions title={r.title} size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="周期">{r.cadenceLabel}</Descriptions.Item>
        <Descriptions.Item label="考核期末">{r.periodEnd}</Descriptions.Item>
        <Descriptions.Item label="当前阶段">
          <Tag color={r.stage === 'published' ? 'green' : 'blue'} data-testid="round-stage">
            {r.stageLabel}
          </Tag>
          {r.due && `${r.due} 截止`}
          {r.overdue && <Tag color="red">已超期</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Steps
        size="small"
        style={{ marginBottom: 16 }}
        current={STAGE_ORDER.indexOf(r.stage)}
        items={[
          { title: '单位自评', description: r.deadlines.self },
          { title: '科室评分', description: r.deadlines.scoring },
          { title: '复核', description: r.deadlines.review },
          { title: '已发布', description: r.publishedOn ?? '' },
        ]}
      />
      {can('assessment.manage') && (
        <Space style={{ marginBottom: 16 }}>
          {r.stage !== 'published' ? (
            <Button type="primary" onClick={() => move('advance')}>
              {NEXT_LABEL[r.stage]}
            </Button>
          ) : (
            <Button danger onClick={() => setReopening(true)}>
              重新打开
            </Button>
          )}
        </Space>
      )}
      {r.stage === 'published' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="考核已发布，只读；如需修改请重新打开（须填写理由）"
        />
      )}
      {r.organiser && r.stage !== 'published' && (
        <Card
          size="small"
          title={`未完成${r.stageLabel}的单位`}
          style={{ marginBottom: 16 }}
          data-testid="unscored"
        >
          {r.units.filter((u) => u.unscored.length).length === 0
            ? '各单位均已评分'
            : r.units
                .filter((u) => u.unscored.length)
                .map((u) => (
                  <Tag key={u.id} color={r.overdue ? 'red' : 'orange'}>
                    {u.name}（{u.unscored.length} 项未评）
                  </Tag>
                ))}
        </Card>
      )}
      <Tabs
        activeKey={String(unit?.id)}
        onChange={(k) => {
          setUnitId(Number(k));
          setDraft({});
        }}
        items={r.units.map((u) => ({ key: String(u.id), label: u.name }))}
      />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={r.items}
        data-testid="score-matrix"
        columns={[
          {
            title: '指标',
            render: (_, i) =>
              `${i.name}（${KIND_LABEL[i.kind]}${i.kind === 'veto' ? '' : ` ${i.maxPoints} 分`}）`,
          },
          {
            title: '评分科室',
            render: (_, i) =>
              i.supplier ? (i.byOffice ? i.supplier : `${i.supplier}（考核办代评）`) : '考核办',
          },
          { title: '自评', render: (_, i) => shown(line(i.key, 'self')) },
          ...(r.organiser
            ? [
                {
                  title: '科室评分',
                  render: (_: unknown, i: { key: string }) => shown(line(i.key, 'scoring')),
                },
                { title: '复核', render: (_: unknown, i: { key: string }) => shown(line(i.key, 'review')) },
              ]
            : []),
          ...(editable
            ? [
                {
                  title: `本阶段（${r.stageLabel}）`,
                  render: (_: unknown, i: DynamicRoundDetail['items'][number]) =>
                    i.auto ? (
                      <Tag>发布时自动扣分</Tag>
                    ) : !i.scorable ? (
                      <Tag data-testid="not-yours">
                        {r.stage === 'scoring' && i.byOffice ? `由${i.supplier}评分` : '不由您评分'}
                      </Tag>
                    ) : (
                      <Space.Compact>
                        <InputNumber
                          aria-label={`${i.name}分值`}
                          min={0}
                          max={i.kind === 'veto' ? 1 : i.maxPoints}
                          value={draft[i.key]?.points}
                          onChange={(v) => set(i.key, { points: v ?? undefined })}
                        />
                        <Input
                          aria-label={`${i.name}证据`}
                          placeholder="证据"
                          value={draft[i.key]?.evidence}
                          onChange={(e) => set(i.key, { evidence: e.target.value })}
                        />
                        <Input
                          aria-label={`${i.name}说明`}
                          placeholder="说明"
                          value={draft[i.key]?.comment}
                          onChange={(e) => set(i.key, { comment: e.target.value })}
                        />
                      </Space.Compact>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={save}>
          保存评分
        </Button>
      )}
      {r.organiser && unit && unit.gaps.length > 0 && (
        <Card size="small" title="自评与评分差异" style={{ marginTop: 16 }} data-testid="self-gaps">
          {unit.gaps.map((g) => (
            <p key={g.itemKey}>
              {r.items.find((i) => i.key === g.itemKey)?.name ?? g.itemKey}：自评 {g.self}，评定{' '}
              {g.final ?? '—'}
              {g.gap !== null && g.gap !== 0 && (
                <Tag color={g.gap < 0 ? 'orange' : 'green'}>{g.gap > 0 ? `+${g.gap}` : g.gap}</Tag>
              )}
            </p>
          ))}
        </Card>
      )}
      {r.results.length > 0 && (
        <Card size="small" title="考核结果" style={{ marginTop: 16 }}>
          <Table
            rowKey="subjectOrgId"
            size="small"
            pagination={false}
            dataSource={r.results}
            data-testid="round-results"
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              { title: '基本分', dataIndex: 'base' },
              { title: '加分', dataIndex: 'bonus' },
              { title: '扣分', dataIndex: 'deduction' },
              { title: '总分', dataIndex: 'total' },
              { title: '一票否决', render: (_, x) => (x.vetoed ? <Tag color="red">{x.vetoed}</Tag> : '—') },
              {
                title: '自动扣分依据',
                render: (_, x) =>
                  x.auto.flatMap((a) =>
                    a.records.map((rec) => (
                      <Link key={`${a.itemKey}-${rec.id}`} to={rec.link} style={{ marginRight: 8 }}>
                        {rec.code}
                      </Link>
                    )),
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={reopening}
        title="重新打开已发布的考核"
        okText="重新打开"
        onOk={() => move('reopen')}
        onCancel={() => setReopening(false)}
      >
        <Input.TextArea
          aria-label="重新打开的理由"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
