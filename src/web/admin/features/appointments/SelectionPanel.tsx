import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { rankSelection } from '../../../../domain/appointments/selection';
import { download } from '../../shared/api';
import { CadreSelect } from '../../shared/CadreSelect';
import { type CaseDetail, type Registrant, rankingUrl, type Selection } from './api';
import { CaseEligibility } from './CaseEligibility';
import { StepModal } from './StepModal';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const req = (message: string) => [{ required: true, message }];
const pct = (x: number) => `${Math.round(x * 100)}%`;
type Props = { c: CaseDetail; onDone: (next: CaseDetail) => void; onClose: () => void };

const VERDICTS = {
  eligible: { color: 'success', text: '符合' },
  blocked: { color: 'error', text: '暂不符合' },
  undetermined: { color: 'warning', text: '无法判断' },
} as const;

/**
 * 公开选拔 / 竞争上岗: 报名 → 资格审查 → 笔试、面试成绩 → 排名 → 确定考察对象 (差额), on the case page
 * while the case is at 动议; read-only afterwards.
 */
export function SelectionPanel(props: {
  c: CaseDetail;
  s: Selection;
  manage: boolean;
  onDone: (next: CaseDetail) => void;
}) {
  const { c, s } = props;
  const [dialog, setDialog] = useState<'register' | 'scores' | 'shortlist' | Registrant | null>(null);
  const [withdrawing, setWithdrawing] = useState<Registrant | null>(null);
  const open = props.manage && c.step === 'proposed';
  const p = {
    c,
    onDone: (n: CaseDetail) => {
      props.onDone(n);
      setDialog(null);
    },
    onClose: () => setDialog(null),
  };
  return (
    <Card
      size="small"
      title="报名、资格审查与成绩排名"
      extra={
        <Space wrap>
          {open && <Button onClick={() => setDialog('register')}>报名登记</Button>}
          {open && (
            <Button
              disabled={!s.rows.some((r) => r.qualification === 'passed' && !r.withdrawnOn)}
              onClick={() => setDialog('scores')}
            >
              录入成绩
            </Button>
          )}
          <Button disabled={!s.rows.length} onClick={() => download(rankingUrl(c.id))}>
            导出成绩排名表
          </Button>
          {open && (
            <Button
              type="primary"
              disabled={!s.rows.some((r) => r.rank !== null)}
              onClick={() => setDialog('shortlist')}
            >
              确定考察对象
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        权重：笔试 {pct(s.weights.exam)}、面试 {pct(s.weights.interview)}。{s.tieRule}。差额比例不低于{' '}
        {s.ratio}:1 （每个职务至少 {s.perPostNeeded} 名考察对象）。
      </Typography.Paragraph>
      <Table<Registrant>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={s.rows}
        locale={{ emptyText: '尚无报名人员' }}
        columns={[
          { title: '报考职务', dataIndex: 'post' },
          { title: '名次', dataIndex: 'rank', width: 60, render: (v) => v ?? '—' },
          {
            title: '姓名',
            dataIndex: 'name',
            width: 110,
            render: (v, r) => (r.cadreId ? v : <Tooltip title={r.facts?.currentPost}>{v}（名册外）</Tooltip>),
          },
          {
            title: '系统资格核对',
            width: 120,
            render: (_, r) =>
              r.eligibilityVerdict ? (
                <Tooltip title={r.eligibilityReasons ?? '各项规则均已核对'}>
                  <Tag color={VERDICTS[r.eligibilityVerdict].color}>
                    {VERDICTS[r.eligibilityVerdict].text}
                  </Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            title: '资格审查',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>
                  <Tag
                    color={
                      r.qualification === 'passed'
                        ? 'green'
                        : r.qualification === 'failed'
                          ? 'red'
                          : undefined
                    }
                  >
                    {r.qualificationLabel}
                  </Tag>
                  {r.qualificationReason}
                </span>
                {r.overrideReason && (
                  <Typography.Text type="warning">经批准：{r.overrideReason}</Typography.Text>
                )}
                {r.withdrawnOn && (
                  <Typography.Text type="secondary">
                    {r.withdrawnOn} 撤回：{r.withdrawReason}
                  </Typography.Text>
                )}
                {open && !r.withdrawnOn && (
                  <Space size="small">
                    <Typography.Link onClick={() => setDialog(r)}>
                      {r.qualification ? '重新审查' : '审查'}
                    </Typography.Link>
                    <Typography.Link type="danger" onClick={() => setWithdrawing(r)}>
                      撤回报名
                    </Typography.Link>
                  </Space>
                )}
              </Space>
            ),
          },
          { title: '笔试', dataIndex: 'examScore', width: 70, render: (v) => v ?? '—' },
          { title: '面试', dataIndex: 'interviewScore', width: 70, render: (v) => v ?? '—' },
          { title: '总成绩', dataIndex: 'total', width: 80, render: (v) => v ?? '—' },
        ]}
      />
      {dialog === 'register' && <RegisterForm {...p} />}
      {dialog === 'scores' && <ScoresForm {...p} s={s} />}
      {dialog === 'shortlist' && <ShortlistForm {...p} s={s} />}
      {dialog && typeof dialog === 'object' && <QualifyForm {...p} r={dialog} />}
      {withdrawing && (
        <WithdrawForm
          {...p}
          r={withdrawing}
          onDone={(n) => {
            props.onDone(n);
            setWithdrawing(null);
          }}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Card>
  );
}

/** 报名: a registry cadre, or for 公开选拔 a person outside the registry with the facts the check needs. */
function RegisterForm(p: Props) {
  type V = {
    on: Dayjs;
    positionId: number;
    source: 'cadre' | 'external';
    cadreId?: number;
    person?: { name: string; gender: string; birthDate: Dayjs; education: string; currentPost: string };
  };
  const external = p.c.method === 'open_selection';
  return (
    <StepModal<V>
      {...p}
      title="报名登记"
      step="registrants"
      initialValues={{ source: 'cadre', positionId: p.c.posts.length === 1 ? p.c.posts[0].id : undefined }}
      toBody={(v) => ({
        version: p.c.version,
        on: day(v.on),
        positionId: v.positionId,
        // the source choice shows for 公开选拔 only: a registry cadre unless 名册外 is chosen
        ...(v.source !== 'external'
          ? { cadreId: v.cadreId }
          : {
              person: {
                ...v.person,
                birthDate: v.person?.birthDate ? day(v.person.birthDate) : undefined,
              },
            }),
      })}
    >
      {(form) => <RegisterFields form={form} external={external} posts={p.c.posts} />}
    </StepModal>
  );
}

function RegisterFields(props: { form: any; external: boolean; posts: CaseDetail['posts'] }) {
  const source = Form.useWatch('source', props.form) ?? 'cadre';
  return (
    <>
      <Space wrap>
        <Form.Item name="on" label="报名日期" rules={req('请填写报名日期')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="positionId" label="报考职务" rules={req('请选择报考职务')}>
          <Select
            style={{ width: 220 }}
            options={props.posts.map((x) => ({ value: x.id, label: x.title }))}
          />
        </Form.Item>
      </Space>
      {props.external && (
        <Form.Item name="source" label="人员来源">
          <Radio.Group
            options={[
              { value: 'cadre', label: '干部名册中的干部' },
              { value: 'external', label: '名册外人员' },
            ]}
          />
        </Form.Item>
      )}
      {source === 'cadre' ? (
        <Form.Item name="cadreId" label="报名干部" rules={req('请选择干部')}>
          <CadreSelect />
        </Form.Item>
      ) : (
        <Space wrap>
          <Form.Item name={['person', 'name']} label="姓名" rules={req('请填写姓名')}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={['person', 'gender']} label="性别" rules={req('请选择性别')}>
            <Radio.Group options={['男', '女']} />
          </Form.Item>
          <Form.Item name={['person', 'birthDate']} label="出生日期" rules={req('请填写出生日期')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name={['person', 'education']} label="学历" rules={req('请填写学历')}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name={['person', 'currentPost']}
            label="现工作单位及职务"
            rules={req('请填写现工作单位及职务')}
          >
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
      )}
    </>
  );
}

/** 报名撤回: with the reason; the registration stays in the record marked withdrawn. */
function WithdrawForm(p: Props & { r: Registrant }) {
  type V = { on?: Dayjs; reason: string };
  return (
    <StepModal<V>
      {...p}
      title={`撤回报名：${p.r.name}（${p.r.post}）`}
      step={`registrants/${p.r.id}/withdrawal`}
      okText="确认撤回"
      danger
      toBody={(v) => ({ version: p.c.version, on: v.on ? day(v.on) : undefined, reason: v.reason })}
    >
      {() => (
        <>
          <Typography.Paragraph type="warning">
            撤回后该人员不再参加资格审查、考试和排名，撤回记录保留在纪实中，不能恢复。
          </Typography.Paragraph>
          <Form.Item name="on" label="撤回日期（不填为今天）">
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="撤回原因" rules={req('请填写撤回原因')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

/** 资格审查: the system's eligibility for the post beside the officer's 通过 / 不通过 and reason. */
function QualifyForm(p: Props & { r: Registrant }) {
  type V = { result: 'passed' | 'failed'; reason: string; overrideReason?: string };
  const { r } = p;
  return (
    <StepModal<V>
      {...p}
      title={`资格审查：${r.name}（${r.post}）`}
      step={`registrants/${r.id}/qualification`}
      initialValues={{ result: r.qualification ?? undefined, reason: r.qualificationReason ?? undefined }}
      toBody={(v) => ({ version: p.c.version, ...v, overrideReason: v.overrideReason || null })}
    >
      {(form) => (
        <>
          {r.cadreId ? (
            <CaseEligibility
              cadreId={r.cadreId}
              name={r.name}
              post={{ title: r.post, level: r.level, isPrincipal: r.isPrincipal }}
            />
          ) : (
            <Typography.Paragraph>
              名册外人员，系统无其档案，请按报名材料审查：{r.facts?.gender}，{r.facts?.birthDate} 出生，
              {r.facts?.education}，{r.facts?.currentPost}。
            </Typography.Paragraph>
          )}
          <Form.Item name="result" label="审查结论" rules={req('请选择“通过”或“不通过”')}>
            <Radio.Group
              options={[
                { value: 'passed', label: '通过' },
                { value: 'failed', label: '不通过' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="审查意见" rules={req('请填写审查意见')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <OverrideField form={form} blocked={r.eligibilityVerdict === 'blocked'} />
        </>
      )}
    </StepModal>
  );
}

function OverrideField(props: { form: any; blocked: boolean }) {
  const result = Form.useWatch('result', props.form);
  if (!props.blocked || result !== 'passed') return null;
  return (
    <Form.Item
      name="overrideReason"
      label="通过理由（系统核对不符合提拔条件，须由有权限的人员记录）"
      rules={req('请填写通过理由')}
    >
      <Input.TextArea rows={2} maxLength={500} />
    </Form.Item>
  );
}

/** 笔试、面试成绩 of those who passed the check, with the live weighted total and rank. */
function ScoresForm(p: Props & { s: Selection }) {
  const passed = p.s.rows.filter((r) => r.qualification === 'passed' && !r.withdrawnOn);
  type V = { rows: { examScore?: number; interviewScore?: number }[] };
  return (
    <StepModal<V>
      {...p}
      title="录入笔试、面试成绩"
      step="scores"
      initialValues={{
        rows: passed.map((r) => ({
          examScore: r.examScore ?? undefined,
          interviewScore: r.interviewScore ?? undefined,
        })),
      }}
      toBody={(v) => ({
        version: p.c.version,
        scores: passed.map((r, i) => ({
          registrantId: r.id,
          examScore: v.rows?.[i]?.examScore ?? null,
          interviewScore: v.rows?.[i]?.interviewScore ?? null,
        })),
      })}
    >
      {(form) => <ScoreTable form={form} rows={passed} s={p.s} />}
    </StepModal>
  );
}

function ScoreTable(props: { form: any; rows: Registrant[]; s: Selection }) {
  const values = (Form.useWatch('rows', props.form) ?? []) as {
    examScore?: number;
    interviewScore?: number;
  }[];
  const scored = props.rows
    .map((r, i) => ({
      id: r.id,
      positionId: r.positionId,
      exam: values[i]?.examScore,
      interview: values[i]?.interviewScore,
    }))
    .filter(
      (r): r is { id: number; positionId: number; exam: number; interview: number } =>
        typeof r.exam === 'number' && typeof r.interview === 'number',
    );
  const live = new Map(rankSelection(scored, props.s.weights).map((x) => [x.id, x]));
  const score = (label: string) => ({
    min: 0,
    max: 100,
    precision: 2,
    style: { width: 100 },
    'aria-label': label,
  });
  return (
    <Table<Registrant>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={props.rows}
      columns={[
        { title: '报考职务', dataIndex: 'post' },
        { title: '姓名', dataIndex: 'name', width: 90 },
        {
          title: `笔试（${pct(props.s.weights.exam)}）`,
          width: 130,
          render: (_, r, i) => (
            <Form.Item name={['rows', i, 'examScore']} style={{ margin: 0 }} rules={req('请填写笔试成绩')}>
              <InputNumber {...score(`${r.name}笔试成绩`)} />
            </Form.Item>
          ),
        },
        {
          title: `面试（${pct(props.s.weights.interview)}）`,
          width: 130,
          render: (_, r, i) => (
            <Form.Item
              name={['rows', i, 'interviewScore']}
              style={{ margin: 0 }}
              rules={req('请填写面试成绩')}
            >
              <InputNumber {...score(`${r.name}面试成绩`)} />
            </Form.Item>
          ),
        },
        { title: '总成绩', width: 80, render: (_, r) => live.get(r.id)?.total ?? '—' },
        { title: '名次', width: 60, render: (_, r) => live.get(r.id)?.rank ?? '—' },
      ]}
    />
  );
}

/** 确定考察对象: how many of each post's ranking go on, at least the 差额 ratio. */
function ShortlistForm(p: Props & { s: Selection }) {
  type V = { on: Dayjs; counts: number[] };
  return (
    <StepModal<V>
      {...p}
      title="按成绩排名确定考察对象"
      step="shortlist"
      initialValues={{ counts: p.c.posts.map(() => p.s.perPostNeeded) }}
      toBody={(v) => ({
        version: p.c.version,
        on: day(v.on),
        counts: p.c.posts.map((x, i) => ({ positionId: x.id, count: v.counts?.[i] ?? 0 })),
      })}
    >
      {(form) => <ShortlistFields form={form} {...p} />}
    </StepModal>
  );
}

function ShortlistFields(props: { form: any; c: CaseDetail; s: Selection }) {
  const counts = (Form.useWatch('counts', props.form) ?? []) as number[];
  return (
    <>
      <Form.Item name="on" label="确定日期" rules={req('请填写确定考察对象的日期')}>
        <DatePicker />
      </Form.Item>
      {props.c.posts.map((post, i) => {
        const ranked = props.s.rows.filter((r) => r.positionId === post.id && r.rank !== null);
        const n = counts[i] ?? 0;
        return (
          <div key={post.id} style={{ marginBottom: 12 }}>
            <Form.Item
              name={['counts', i]}
              label={`${post.title}：考察人数（不少于 ${props.s.perPostNeeded} 人）`}
              style={{ marginBottom: 4 }}
            >
              <InputNumber min={0} max={ranked.length} />
            </Form.Item>
            <Typography.Text type={n < props.s.perPostNeeded ? 'danger' : 'secondary'}>
              {n < props.s.perPostNeeded
                ? `差额比例不足 ${props.s.ratio}:1`
                : `考察对象：${ranked
                    .slice(0, n)
                    .map((r) => `${r.name}（第 ${r.rank} 名，${r.total} 分）`)
                    .join('、')}`}
            </Typography.Text>
          </div>
        );
      })}
    </>
  );
}
