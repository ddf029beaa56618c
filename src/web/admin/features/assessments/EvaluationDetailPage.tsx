import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { closeEvaluation, DIMENSIONS, fetchEvaluation, RATINGS } from './api';

/** A democratic evaluation: printing its one-time codes (.docx or PDF), the live tally, closing it. */
export default function EvaluationDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['assessments', 'evaluation', id],
    queryFn: () => fetchEvaluation(id),
    // the live tally during the meeting
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 5000 : false),
  });
  const [count, setCount] = useState<number | null>(null);
  const e = q.data;
  if (!e) return q.error ? <Alert type="error" message={(q.error as Error).message} /> : null;
  const left = e.electorate - e.codesIssued;
  const print = async (format: 'docx' | 'pdf') => {
    try {
      await download(`/api/v1/assessments/evaluations/${id}/codes.${format}`, { count: count ?? left });
      message.success('测评码已生成，请打印后裁开分发（每码仅可使用一次）');
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '生成失败');
    }
    await client.invalidateQueries({ queryKey: ['assessments', 'evaluation', id] });
  };
  const close = async () => {
    try {
      await closeEvaluation(id, e.version);
      message.success('测评已结束');
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : '操作失败');
    }
    await client.invalidateQueries({ queryKey: ['assessments', 'evaluation', id] });
  };
  return (
    <>
      <Descriptions title={e.title} size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="测评对象">{e.subjects.map((s) => s.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label="测评日期">{e.heldOn}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {e.status === 'open' ? <Tag color="processing">进行中</Tag> : <Tag>已于 {e.closedOn} 结束</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="应参加">{e.electorate} 人</Descriptions.Item>
        <Descriptions.Item label="已生成测评码">{e.codesIssued} 个</Descriptions.Item>
        <Descriptions.Item label="已投票">
          <span data-testid="cast">{e.cast}</span> 张
        </Descriptions.Item>
      </Descriptions>
      {e.status === 'open' && can('assessment.manage') && (
        <Space wrap style={{ marginBottom: 16 }}>
          <InputNumber
            min={1}
            max={Math.max(1, left)}
            value={count ?? left}
            onChange={setCount}
            aria-label="测评码数量"
            disabled={left <= 0}
          />
          <Button onClick={() => print('docx')} disabled={left <= 0} data-testid="print-codes">
            生成并打印测评码（.docx）
          </Button>
          <Button onClick={() => print('pdf')} disabled={left <= 0} data-testid="print-codes-pdf">
            生成测评码（PDF）
          </Button>
          <Popconfirm
            title="结束后不能再投票，确定结束测评并计票？"
            onConfirm={close}
            okText="结束"
            cancelText="取消"
          >
            <Button danger data-testid="close-evaluation">
              结束测评
            </Button>
          </Popconfirm>
        </Space>
      )}
      {e.visible && (
        <Button
          style={{ marginBottom: 16 }}
          onClick={() =>
            download(`/api/v1/assessments/evaluations/${id}/results.xlsx`).catch((err) =>
              message.error(err.message),
            )
          }
        >
          导出测评结果
        </Button>
      )}
      {!e.visible ? (
        <Alert
          type="info"
          showIcon
          message={`为保护投票人匿名，投票满 ${e.minBallots} 张后才显示结果（现 ${e.cast} 张）`}
        />
      ) : (
        e.tally.map((t) => (
          <Card
            key={t.subjectId}
            size="small"
            style={{ marginBottom: 16 }}
            title={`${t.name}（${t.ballots} 票）`}
            data-testid="tally"
            extra={
              <Space>
                <span>好和较好 {t.goodRate}%</span>
                <span>
                  “差” {t.poorShare}%{t.previousPoorShare !== null ? `（上次 ${t.previousPoorShare}%）` : ''}
                </span>
                {t.belowThreshold && <Tag color="red">达到诫勉谈话标准（{e.threshold}%）</Tag>}
                {t.admonitionId && <Link to={`/admonitions/${t.admonitionId}`}>查看谈话诫勉</Link>}
              </Space>
            }
          >
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={Object.entries(DIMENSIONS).map(([key, label]) => ({
                key,
                label,
                ...t.counts[key],
              }))}
              columns={[
                { title: '项目', dataIndex: 'label' },
                ...RATINGS.map((r) => ({ title: r, dataIndex: r })),
              ]}
            />
          </Card>
        ))
      )}
    </>
  );
}
