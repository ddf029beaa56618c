import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Radio, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { confirmRead, fetchMyRead } from './api';

/** Read one assigned policy, answer its quiz if it has one, and confirm. */
export default function MyStudyReadPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['my-policies', 'read', id], queryFn: () => fetchMyRead(id) });
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [result, setResult] = useState<{ confirmed: boolean; score: number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="学习任务不存在" />;
  const r = q.data;
  const complete = r.questions.every((_x, i) => answers[i] !== undefined && answers[i] !== null);
  const confirm = async () => {
    setBusy(true);
    try {
      const res = await confirmRead(
        id,
        r.questions.length ? r.questions.map((_x, i) => answers[i] ?? null) : undefined,
      );
      setResult(res);
      if (res.confirmed) {
        message.success('已确认学习');
        await client.invalidateQueries({ queryKey: ['my-policies'] });
        await client.invalidateQueries({ queryKey: ['todos'] });
      }
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '网络异常，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`《${r.title}》第 ${r.versionNo} 版`}>
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="文号">{r.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发文机关">{r.issuingBody}</Descriptions.Item>
          <Descriptions.Item label="完成期限">{r.dueOn}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
      </Card>
      {r.confirmedOn ? (
        <Alert
          type="success"
          showIcon
          title={`已于 ${r.confirmedOn} 确认学习${r.quizScore !== null ? `，测验 ${r.quizScore} 分` : ''}`}
        />
      ) : (
        <Card title={r.questions.length ? `学习测验（${r.passMark} 分及格）` : '确认学习'}>
          {r.questions.map((x, i) => (
            <div key={x.question} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {i + 1}. {x.question}
              </Typography.Text>
              <div>
                <Radio.Group
                  value={answers[i]}
                  onChange={(e) => {
                    const next = [...answers];
                    next[i] = e.target.value;
                    setAnswers(next);
                  }}
                  options={x.options.map((o, k) => ({ value: k, label: o }))}
                />
              </div>
            </div>
          ))}
          {result && !result.confirmed && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={`测验未通过：得分 ${result.score} 分（${r.passMark} 分及格），请重新学习后再答`}
            />
          )}
          <Button type="primary" loading={busy} disabled={!complete} onClick={confirm}>
            我已认真学习，确认
          </Button>
        </Card>
      )}
    </Space>
  );
}
