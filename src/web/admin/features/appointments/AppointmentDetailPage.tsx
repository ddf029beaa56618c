import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Steps, Table, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { type Candidate, type CaseDetail, EVENTS, fetchCase, OUTCOMES, STEP_ORDER, STEPS } from './api';
import { PlanFiles } from './PlanFiles';
import { SelectionPanel } from './SelectionPanel';
import {
  AppointForm,
  DecideForm,
  InspectForm,
  IntegrityForm,
  NoticeForm,
  ObjectionForm,
  RecommendForm,
  RevokeForm,
  StopForm,
} from './StepForms';
import { TallyImportModal } from './TallyImportModal';

type Dialog =
  | 'recommend'
  | 'tally'
  | 'inspect'
  | 'integrity'
  | 'decide'
  | 'notice'
  | 'objection'
  | 'appoint'
  | 'stop'
  | 'revoke';

/** The next step's action of each step, for the officer. */
const NEXT: Record<string, { dialog: Dialog; label: string } | undefined> = {
  proposed: { dialog: 'recommend', label: '录入民主推荐' },
  recommended: { dialog: 'inspect', label: '确定考察对象' },
  inspected: { dialog: 'decide', label: '录入讨论决定' },
  decided: { dialog: 'notice', label: '发布任前公示' },
  noticed: { dialog: 'appoint', label: '办理任职' },
};

/** 选拔任用纪实: the case as a stepper, each step's form, its candidates, the people responsible, the timeline. */
export default function AppointmentDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['appointments', id], queryFn: () => fetchCase(id) });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="选拔任用事项不存在或无权查看" />;
  const c = q.data;
  const done = (next: CaseDetail) => {
    client.setQueryData(['appointments', id], next);
    client.invalidateQueries({ queryKey: ['appointments', 'list'] });
    setDialog(null);
  };
  const manage = can('appointment.manage');
  const integrity = can('appointment.integrity');
  const current = c.step === 'stopped' ? STEP_ORDER.indexOf(lastStep(c)) : STEP_ORDER.indexOf(c.step);
  // 公开选拔/竞争上岗 with registrants leave 动议 through the registration panel's 确定考察对象
  const registered = !!c.selection?.rows.length;
  const next = registered && c.step === 'proposed' ? undefined : NEXT[c.step];
  const ranked = c.recommendation?.kind === 'selection';
  const props = { c, onDone: done, onClose: () => setDialog(null) };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{c.code}</span>
            <span>{c.title}</span>
            <Tag color={c.step === 'stopped' ? 'default' : c.step === 'appointed' ? 'green' : 'blue'}>
              {c.stepLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {integrity && c.step === 'inspected' && (
              <Button onClick={() => setDialog('integrity')}>出具廉政意见</Button>
            )}
            {integrity && c.pendingObjections.length > 0 && (
              <Button onClick={() => setDialog('objection')}>
                办结公示期间反映（{c.pendingObjections.length}）
              </Button>
            )}
            {manage && c.step !== 'appointed' && c.step !== 'stopped' && (
              <Button danger onClick={() => setDialog('stop')}>
                撤销
              </Button>
            )}
            {manage && c.step === 'appointed' && c.candidates.some((x) => x.status === 'appointed') && (
              <Button danger onClick={() => setDialog('revoke')}>
                撤销任免决定
              </Button>
            )}
            {manage && next?.dialog === 'recommend' && (
              <Button onClick={() => setDialog('tally')}>导入计票表</Button>
            )}
            {manage && next && (
              <Button type="primary" onClick={() => setDialog(next.dialog)}>
                {next.label}
              </Button>
            )}
          </Space>
        }
      >
        <Steps
          size="small"
          current={current}
          status={c.step === 'stopped' ? 'error' : c.step === 'appointed' ? 'finish' : 'process'}
          items={STEP_ORDER.map((s) => ({ title: STEPS[s] }))}
          style={{ marginBottom: 16 }}
        />
        {c.step === 'stopped' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`已于 ${c.stoppedOn} 撤销：${c.stopReason}`}
          />
        )}
        {c.pendingObjections.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={`公示期间有反映尚未办结：${c.pendingObjections.map((x) => `${x.code}（${x.name}）`).join('、')}，办结前不能任职`}
          />
        )}
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="单位">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="选拔方式">{c.methodLabel}</Descriptions.Item>
          <Descriptions.Item label="决定机构">{c.decidingBodyLabel}</Descriptions.Item>
          <Descriptions.Item label="动议日期">{c.proposedOn}</Descriptions.Item>
          <Descriptions.Item label="拟任职务">{c.posts.map((p) => p.title).join('、')}</Descriptions.Item>
          <Descriptions.Item label={c.selection ? '成绩排名' : '民主推荐'}>
            {!c.recommendation
              ? '—'
              : 'due' in c.recommendation
                ? `${c.recommendation.on}，应到 ${c.recommendation.due} 人，实到 ${c.recommendation.present} 人`
                : `${c.recommendation.on} 按成绩排名确定考察对象（报名 ${c.recommendation.registrants} 人，差额 ${c.recommendation.ratio}:1）`}
          </Descriptions.Item>
          <Descriptions.Item label="考察">
            {c.inspection ? `${c.inspection.on}，谈话 ${c.inspection.talkedTo} 人` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="讨论决定">
            {c.meeting
              ? `${c.meeting.on}，应到 ${c.meeting.membersDue} 人，实到 ${c.meeting.membersPresent} 人`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="任前公示">
            {c.noticeCode ? `${c.noticeCode}（${c.noticeStartsOn} 至 ${c.noticeEndsOn}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="任免文件">
            {c.dispatchCode ? `${c.dispatchCode}（${c.dispatchOn}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="工作方案" span={2}>
            <PlanFiles c={c} manage={manage} onChanged={() => q.refetch()} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="文书">
        <Space wrap>
          <Button
            disabled={!c.inspection}
            onClick={() => download(`/api/v1/appointments/${c.id}/documents/inspection`)}
          >
            考察材料（.docx）
          </Button>
          <Button
            disabled={!c.noticeCode}
            onClick={() => download(`/api/v1/appointments/${c.id}/documents/notice`)}
          >
            任前公示（.docx）
          </Button>
          <Button
            disabled={!c.dispatchCode}
            onClick={() => download(`/api/v1/appointments/${c.id}/documents/dispatch`)}
          >
            任免文件（.docx）
          </Button>
        </Space>
      </Card>
      {c.selection && <SelectionPanel c={c} s={c.selection} manage={manage} onDone={done} />}
      <Card title="人选" size="small">
        <Table<Candidate>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c.candidates}
          locale={{ emptyText: registered ? '尚未确定考察对象' : '尚未录入民主推荐结果' }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '拟任职务', dataIndex: 'post' },
            ranked
              ? {
                  title: '笔试 / 面试',
                  width: 130,
                  render: (_, r) =>
                    r.examScore === null ? '—' : `${r.examScore} / ${r.interviewScore}（第 ${r.rank} 名）`,
                }
              : {
                  title: '推荐得票',
                  dataIndex: 'recommendVotes',
                  width: 90,
                  render: (v, r) => (v === null ? '—' : `${v}（第 ${r.rank} 名）`),
                },
            {
              title: '表决',
              width: 150,
              render: (_, r) =>
                r.approve === null ? '—' : `同意 ${r.approve} / 反对 ${r.oppose} / 弃权 ${r.abstain}`,
            },
            { title: '廉政意见', dataIndex: 'integrityOpinion', render: (v) => v ?? '—' },
            {
              title: '结果',
              width: 160,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Tag>{r.statusLabel}</Tag>
                  {r.probationEnd && <span>试用期至 {r.probationEnd}</span>}
                  {(r.revokeReason || r.stopReason || r.overrideReason) && (
                    <span>{r.revokeReason ?? r.stopReason ?? `决定理由：${r.overrideReason}`}</span>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Space align="start" style={{ width: '100%' }} size="middle">
        <Card title="责任人" size="small" style={{ minWidth: 320 }}>
          {c.responsibles.length
            ? c.responsibles.map((p) => <div key={p.id}>{`${p.roleLabel}：${p.name}`}</div>)
            : '—'}
          {c.objections.length > 0 && (
            <>
              <h4 style={{ marginTop: 12 }}>公示期间反映办结情况</h4>
              {c.objections.map((o) => (
                <div key={o.id}>{`${o.concludedOn} ${OUTCOMES[o.outcome]}：${o.reason}`}</div>
              ))}
            </>
          )}
        </Card>
        <Card title="纪实" size="small" style={{ minWidth: 420 }}>
          <Timeline
            items={c.events.map((e) => ({
              key: e.id,
              children: `${e.occurredOn} ${EVENTS[e.action] ?? e.action}${e.userName ? `（${e.userName}）` : ''}${e.reason ? `：${e.reason}` : ''}`,
            }))}
          />
        </Card>
      </Space>
      {dialog === 'recommend' && <RecommendForm {...props} />}
      {dialog === 'tally' && <TallyImportModal {...props} />}
      {dialog === 'inspect' && <InspectForm {...props} />}
      {dialog === 'integrity' && <IntegrityForm {...props} />}
      {dialog === 'decide' && <DecideForm {...props} />}
      {dialog === 'notice' && <NoticeForm {...props} />}
      {dialog === 'objection' && <ObjectionForm {...props} />}
      {dialog === 'appoint' && <AppointForm {...props} />}
      {dialog === 'stop' && <StopForm {...props} />}
      {dialog === 'revoke' && <RevokeForm {...props} />}
    </Space>
  );
}

/** The last step a stopped case reached, from its timeline. */
function lastStep(c: CaseDetail): string {
  const reached = c.events
    .map(
      (e) =>
        ({
          create: 'proposed',
          recommend: 'recommended',
          inspect: 'inspected',
          decide: 'decided',
          notice: 'noticed',
        })[e.action as 'create'],
    )
    .filter(Boolean);
  return reached.at(-1) ?? 'proposed';
}
