import { Alert, DatePicker, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { CadreSelect } from '../../shared/CadreSelect';
import type { CaseDetail } from './api';
import { CandidatesEligibility } from './CaseEligibility';
import { StepModal } from './StepModal';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const req = (message: string) => [{ required: true, message }];
type Props = { c: CaseDetail; onDone: (next: CaseDetail) => void; onClose: () => void };

/** 讨论决定: members due and present, one vote row per 考察对象 with a live check of its sum. */
export function DecideForm(p: Props) {
  type Row = {
    candidateId: number;
    approve?: number;
    oppose?: number;
    abstain?: number;
    overrideReason?: string;
  };
  type V = { on: Dayjs; membersDue: number; membersPresent: number; chair: number; votes: Row[] };
  const inspected = p.c.candidates.filter((x) => x.status === 'inspected');
  return (
    <StepModal<V>
      {...p}
      title={`讨论决定（${p.c.decidingBodyLabel}）`}
      step="decision"
      initialValues={{ votes: inspected.map((x) => ({ candidateId: x.id })) }}
      toBody={(v) => ({
        version: p.c.version,
        on: day(v.on),
        membersDue: v.membersDue,
        membersPresent: v.membersPresent,
        chair: { cadreId: v.chair },
        votes: inspected
          .map((x, i) => ({
            ...v.votes?.[i],
            candidateId: x.id,
          }))
          .map((r) => ({
            ...r,
            approve: r.approve ?? 0,
            oppose: r.oppose ?? 0,
            abstain: r.abstain ?? 0,
            overrideReason: r.overrideReason || null,
          })),
      })}
    >
      {(form) => (
        <>
          <VoteTable form={form} names={inspected.map((x) => `${x.name}（${x.post}）`)} />
          <h4 style={{ marginTop: 16 }}>提拔资格（按会议日期核对）</h4>
          <CandidatesEligibility form={form} candidates={inspected} />
        </>
      )}
    </StepModal>
  );
}

function VoteTable(props: { form: any; names: string[] }) {
  const due = Form.useWatch('membersDue', props.form) as number | undefined;
  const present = Form.useWatch('membersPresent', props.form) as number | undefined;
  const votes = (Form.useWatch('votes', props.form) ?? []) as {
    approve?: number;
    oppose?: number;
    abstain?: number;
  }[];
  const need = due ? Math.floor(due / 2) + 1 : null;
  return (
    <>
      <Space wrap>
        <Form.Item name="on" label="会议日期" rules={req('请填写会议日期')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="membersDue" label="应到会人数" rules={req('请填写应到会人数')}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="membersPresent" label="实到会人数" rules={req('请填写实到会人数')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item
          name="chair"
          label="主持人（决定责任人）"
          rules={req('请选择主持人')}
          style={{ width: 200 }}
        >
          <CadreSelect />
        </Form.Item>
      </Space>
      {need !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`同意票须超过应到会人数的半数：至少 ${need} 票（按规则配置）`}
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={props.names.map((name, i) => ({ name, i }))}
        columns={[
          { title: '人选', dataIndex: 'name' },
          ...(['approve', 'oppose', 'abstain'] as const).map((k) => ({
            title: { approve: '同意', oppose: '反对', abstain: '弃权' }[k],
            width: 90,
            render: (_: unknown, r: { i: number }) => (
              <Form.Item name={['votes', r.i, k]} noStyle>
                <InputNumber min={0} style={{ width: 70 }} />
              </Form.Item>
            ),
          })),
          {
            title: '合计',
            width: 120,
            render: (_: unknown, r: { i: number }) => {
              const v = votes[r.i] ?? {};
              const sum = (v.approve ?? 0) + (v.oppose ?? 0) + (v.abstain ?? 0);
              const ok = present === undefined || sum === present;
              return (
                <Typography.Text type={ok ? undefined : 'danger'}>
                  {ok ? sum : `${sum}（应为 ${present}）`}
                </Typography.Text>
              );
            },
          },
          {
            title: '资格未通过时的决定理由',
            render: (_: unknown, r: { i: number }) => (
              <Form.Item name={['votes', r.i, 'overrideReason']} noStyle>
                <Input placeholder="仅资格审查未通过时填写" />
              </Form.Item>
            ),
          },
        ]}
      />
    </>
  );
}
