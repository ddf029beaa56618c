import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { CadreSelect } from '../../shared/CadreSelect';
import { type CaseDetail, OUTCOMES } from './api';
import { CandidatesEligibility } from './CaseEligibility';
import { StepModal } from './StepModal';

export { DecideForm } from './DecideForm';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const req = (message: string) => [{ required: true, message }];
type Props = { c: CaseDetail; onDone: (next: CaseDetail) => void; onClose: () => void };

/** 民主推荐: participants due and present, votes per candidate and post. */
export function RecommendForm(p: Props) {
  type V = {
    on: Dayjs;
    kind: string;
    due: number;
    present: number;
    rows: { cadreId: number; positionId: number; votes: number }[];
    recommender: number;
  };
  return (
    <StepModal<V>
      {...p}
      title="录入民主推荐结果"
      step="recommendation"
      initialValues={{ kind: 'meeting', rows: [{} as never] }}
      toBody={(v) => ({
        version: p.c.version,
        on: day(v.on),
        kind: v.kind,
        due: v.due,
        present: v.present,
        candidates: v.rows,
        recommenders: [{ cadreId: v.recommender }],
      })}
    >
      {() => (
        <>
          <Space wrap>
            <Form.Item name="on" label="推荐日期" rules={req('请填写推荐日期')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="kind" label="方式">
              <Radio.Group
                options={[
                  { value: 'meeting', label: '会议推荐' },
                  { value: 'talk', label: '谈话推荐' },
                ]}
              />
            </Form.Item>
            <Form.Item name="due" label="应参加人数" rules={req('请填写应参加人数')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="present" label="实参加人数" rules={req('请填写实参加人数')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.List name="rows">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'cadreId']} label="人选" rules={req('请选择人选')}>
                      <CadreSelect />
                    </Form.Item>
                    <Form.Item name={[f.name, 'positionId']} label="拟任职务" rules={req('请选择职务')}>
                      <Select
                        style={{ width: 180 }}
                        options={p.c.posts.map((x) => ({ value: x.id, label: x.title }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'votes']} label="得票" rules={req('请填写得票数')}>
                      <InputNumber min={0} />
                    </Form.Item>
                    <Typography.Link onClick={() => remove(f.name)}>删除</Typography.Link>
                  </Space>
                ))}
                <Typography.Link onClick={() => add()}>添加人选</Typography.Link>
              </>
            )}
          </Form.List>
          <Form.Item name="recommender" label="推荐人" rules={req('请选择推荐人')} style={{ marginTop: 16 }}>
            <CadreSelect />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

/** 确定考察对象 and 考察: the team, the number talked to, the findings. */
export function InspectForm(p: Props) {
  type V = { on: Dayjs; candidateIds: number[]; team: number[]; talkedTo: number; findings: string };
  return (
    <StepModal<V>
      {...p}
      title="确定考察对象并录入考察情况"
      step="inspection"
      toBody={(v) => ({
        version: p.c.version,
        on: day(v.on),
        candidateIds: v.candidateIds,
        team: v.team.map((cadreId) => ({ cadreId })),
        talkedTo: v.talkedTo,
        findings: v.findings,
      })}
    >
      {(form) => (
        <>
          <Form.Item name="on" label="考察日期" rules={req('请填写考察日期')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="candidateIds" label="考察对象" rules={req('请确定考察对象')}>
            <Select
              mode="multiple"
              options={p.c.candidates.map((x) => ({
                value: x.id,
                label:
                  x.examScore !== null
                    ? `${x.name}（${x.post}，成绩第 ${x.rank} 名）`
                    : `${x.name}（${x.post}，得票 ${x.recommendVotes ?? '—'}）`,
              }))}
            />
          </Form.Item>
          <CandidatesEligibility form={form} candidates={p.c.candidates} chosenField="candidateIds" />
          <Form.Item name="team" label="考察组成员（不少于 2 人）" rules={req('请选择考察组成员')}>
            <TeamSelect />
          </Form.Item>
          <Form.Item name="talkedTo" label="谈话人数" rules={req('请填写谈话人数')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="findings" label="考察情况" rules={req('请填写考察情况')}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

function TeamSelect(props: { id?: string; value?: number[]; onChange?: (v: number[]) => void }) {
  const value = props.value ?? [];
  return (
    <Space wrap>
      {[...value, null].map((v, i) => (
        <div key={v ?? 'new'} style={{ width: 180 }}>
          <CadreSelect
            id={i === 0 ? props.id : undefined}
            value={v}
            onChange={(x) => {
              const next = [...value];
              if (x === null) next.splice(i, 1);
              else next[i] = x;
              props.onChange?.(next.filter(Boolean));
            }}
          />
        </div>
      ))}
    </Space>
  );
}

/** 任前公示: number, period (≥ the rule's working days), contact for objections. */
export function NoticeForm(p: Props) {
  type V = { code: string; range: [Dayjs, Dayjs]; contact: string };
  return (
    <StepModal<V>
      {...p}
      title="发布任前公示"
      step="notice"
      toBody={(v) => ({
        version: p.c.version,
        code: v.code,
        startsOn: day(v.range[0]),
        endsOn: day(v.range[1]),
        contact: v.contact,
      })}
    >
      {() => (
        <>
          <Form.Item name="code" label="公示编号" rules={req('请填写公示编号')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="range" label="公示期（不少于 5 个工作日）" rules={req('请选择公示期')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="contact" label="受理反映的联系方式" rules={req('请填写联系方式')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

/** 任职: the 任免文件 whose 任 lines must match the decisions. */
export function AppointForm(p: Props) {
  type V = { dispatchCode: string; dispatchOn: Dayjs; startDate: Dayjs; lines: number[] };
  const passed = p.c.candidates.filter((x) => x.status === 'passed');
  return (
    <StepModal<V>
      {...p}
      title="办理任职（任免文件）"
      step="appointment"
      initialValues={{ lines: passed.map((x) => x.id) }}
      toBody={(v) => ({
        version: p.c.version,
        dispatchCode: v.dispatchCode,
        dispatchOn: day(v.dispatchOn),
        startDate: day(v.startDate),
        lines: p.c.candidates
          .filter((x) => v.lines.includes(x.id))
          .map((x) => ({ kind: 'appoint', cadreId: x.cadreId, positionId: x.positionId })),
      })}
    >
      {() => (
        <>
          <Form.Item name="dispatchCode" label="任免文件文号" rules={req('请填写文号')}>
            <Input maxLength={40} />
          </Form.Item>
          <Space>
            <Form.Item name="dispatchOn" label="发文日期" rules={req('请填写发文日期')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="startDate" label="任职日期" rules={req('请填写任职日期')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="lines" label="任免事项（任）" rules={req('请填写任免事项')}>
            <Select
              mode="multiple"
              options={p.c.candidates.map((x) => ({ value: x.id, label: `任 ${x.name} 为 ${x.post}` }))}
            />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

/** 撤销 (the case) or 撤销任免决定 (appointed people), each with a reason. */
export function StopForm(p: Props) {
  return (
    <StepModal<{ reason: string }>
      {...p}
      danger
      title="撤销选拔任用事项"
      okText="撤销"
      step="stop"
      toBody={(v) => ({ version: p.c.version, reason: v.reason })}
    >
      {() => (
        <Form.Item name="reason" label="撤销理由" rules={req('请填写撤销理由')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </StepModal>
  );
}

export function RevokeForm(p: Props) {
  type V = { candidateIds: number[]; on: Dayjs; reason: string; kind: string };
  return (
    <StepModal<V>
      {...p}
      danger
      title="撤销任免决定"
      okText="撤销任免决定"
      step="revocation"
      initialValues={{ kind: 'selection_oversight' }}
      toBody={(v) => ({
        version: p.c.version,
        candidateIds: v.candidateIds,
        on: day(v.on),
        reason: v.reason,
        kind: v.kind,
      })}
    >
      {() => (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="撤销后其任职以“撤销”离任，并向责任追究登记簿提出对推荐人、考察组成员、承办人和决定责任人的追究建议。"
          />
          <Form.Item name="candidateIds" label="撤销的任免决定" rules={req('请选择')}>
            <Select
              mode="multiple"
              options={p.c.candidates
                .filter((x) => x.status === 'appointed')
                .map((x) => ({ value: x.id, label: `${x.name}（${x.post}）` }))}
            />
          </Form.Item>
          <Form.Item name="on" label="撤销日期" rules={req('请填写撤销日期')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="追究类型">
            <Radio.Group
              options={[
                { value: 'selection_oversight', label: '选人用人失察' },
                { value: 'inspection_error', label: '考察失误' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="撤销理由" rules={req('请填写撤销理由')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

/** The discipline officer's conclusion on a report about a person under notice. */
export function ObjectionForm(p: Props) {
  type V = { pick: string; outcome: string; reason: string };
  return (
    <StepModal<V>
      {...p}
      title="办结公示期间的反映"
      step="objections"
      toBody={(v) => {
        const [candidateId, petitionId] = v.pick.split(':').map(Number);
        return { candidateId, petitionId, outcome: v.outcome, reason: v.reason };
      }}
    >
      {() => (
        <>
          <Form.Item name="pick" label="反映件" rules={req('请选择反映件')}>
            <Select
              options={p.c.pendingObjections.map((x) => ({
                value: `${x.candidateId}:${x.petitionId}`,
                label: `${x.code}（反映${x.name}，${x.receivedOn} 收到）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="outcome" label="结论" rules={req('请选择结论')}>
            <Radio.Group options={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="reason" label="办结意见" rules={req('请填写办结意见')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

/** 廉政意见 for a 考察对象. */
export function IntegrityForm(p: Props) {
  return (
    <StepModal<{ candidateId: number; opinion: string }>
      {...p}
      title="出具廉政意见"
      step="integrity-opinion"
      toBody={(v) => v}
    >
      {(form) => (
        <>
          <Form.Item name="candidateId" label="考察对象" rules={req('请选择考察对象')}>
            <Select
              options={p.c.candidates
                .filter((x) => x.status === 'inspected')
                .map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
          <IntegrityPrefill caseId={p.c.id} form={form} />
          <Form.Item name="opinion" label="廉政意见" rules={req('请填写廉政意见')}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </StepModal>
  );
}

interface Prefill {
  petitions: { total: number; open: number; byStatus: { label: string; count: number }[] };
  inEffect: { message: string; clearsOn: string | null }[];
  openItems: { kind: string; date: string; title: string }[];
}

/** What the system knows of the chosen 考察对象: petitions by status (never a reporter), measures in effect, open items. */
function IntegrityPrefill(props: { caseId: number; form: any }) {
  const candidateId = Form.useWatch('candidateId', props.form) as number | undefined;
  const q = useQuery({
    queryKey: ['appointments', props.caseId, 'integrity-prefill', candidateId],
    queryFn: () =>
      api<Prefill>(
        'GET',
        `/api/v1/appointments/${props.caseId}/integrity-prefill?candidateId=${candidateId}`,
      ),
    enabled: !!candidateId,
  });
  if (!candidateId || !q.data) return null;
  const d = q.data;
  const lines = [
    `信访举报：共 ${d.petitions.total} 件，未办结 ${d.petitions.open} 件${
      d.petitions.byStatus.length
        ? `（${d.petitions.byStatus.map((s) => `${s.label} ${s.count}`).join('，')}）`
        : ''
    }`,
    ...d.inEffect.map((x) => `影响期内：${x.message}${x.clearsOn ? `（至 ${x.clearsOn}）` : ''}`),
    ...d.openItems.map((x) => `${x.kind}：${x.title}（${x.date}）`),
  ];
  return (
    <Alert
      type={d.petitions.open || d.inEffect.length || d.openItems.length ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      message="系统掌握的情况"
      description={lines.map((l) => <div key={l}>{l}</div>)}
    />
  );
}
