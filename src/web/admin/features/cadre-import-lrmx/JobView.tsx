import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Progress, Result, Space, Spin } from 'antd';
import { useNavigate } from 'react-router';
import { cancelJob, confirmJob, fetchJob, type ImportJob } from './api';
import { ReportTable } from './ReportTable';

/** Follows an import job: progress while it reads the files, then its report and the decision. */
export function JobView({ jobId, onRestart }: { jobId: number; onRestart: () => void }) {
  const nav = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const job = useQuery({
    queryKey: ['cadre-imports', jobId],
    queryFn: () => fetchJob(jobId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 600 : false),
  });
  const settle = (j: ImportJob) => {
    client.setQueryData(['cadre-imports', jobId], j);
    client.invalidateQueries({ queryKey: ['cadres'] });
  };
  const onError = (e: Error) => {
    message.error(e.message);
    job.refetch();
  };
  const confirm = useMutation({ mutationFn: () => confirmJob(jobId), onSuccess: settle, onError });
  const cancel = useMutation({ mutationFn: () => cancelJob(jobId), onSuccess: settle, onError });

  const j = job.data;
  if (!j) return job.isError ? <Alert type="error" title={job.error.message} /> : <Spin />;
  const files = j.result?.files ?? [];
  const good = files.filter((f) => f.status !== 'refused').length;
  const again = <Button onClick={onRestart}>继续导入</Button>;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {j.status === 'running' && (
        <div>
          <div style={{ marginBottom: 8 }}>
            正在读取文件（{j.processed} / {j.total || '…'}）
          </div>
          <Progress percent={j.total ? Math.floor((j.processed / j.total) * 100) : 0} />
        </div>
      )}
      {j.status === 'succeeded' && j.result && (
        <Result
          status="success"
          title={`导入完成：新增 ${j.result.created} 人，更新 ${j.result.updated} 人`}
          subTitle={j.result.refused ? `另有 ${j.result.refused} 个文件无法识别，未导入` : undefined}
          extra={[
            <Button key="roster" type="primary" onClick={() => nav('/cadres')}>
              查看干部名册
            </Button>,
            <span key="again">{again}</span>,
          ]}
        />
      )}
      {j.status === 'awaiting_confirmation' && (
        <Alert
          type="warning"
          showIcon
          title={j.message ?? '部分文件有问题，请确认'}
          description={
            <>
              确认后导入可以读取的 {good}{' '}
              个文件：“不完整”的文件只导入其中已有的内容，缺少的项可在干部信息中补充；
              “无法识别”的文件不会导入，可修改后重新上传。取消则本次上传的文件都不导入。
            </>
          }
          action={
            <Space orientation="vertical">
              <Button
                type="primary"
                loading={confirm.isPending}
                disabled={cancel.isPending}
                onClick={() => confirm.mutate()}
              >
                确认导入（{good} 个文件）
              </Button>
              <Popconfirm
                title="取消后本次上传的文件都不会导入，确定取消？"
                okText="取消导入"
                cancelText="返回"
                onConfirm={() => cancel.mutate()}
              >
                <Button danger loading={cancel.isPending} disabled={confirm.isPending}>
                  取消导入
                </Button>
              </Popconfirm>
            </Space>
          }
        />
      )}
      {j.status === 'failed' && (
        <Alert type="error" showIcon title={j.message ?? '导入失败'} action={again} />
      )}
      {j.status === 'cancelled' && (
        <Alert type="info" showIcon title="已取消导入，没有导入任何文件" action={again} />
      )}
      {files.length > 0 && <ReportTable files={files} />}
    </Space>
  );
}
