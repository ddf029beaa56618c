import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Progress, Result, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { cancelJob, confirmJob, fetchJob, type ImportJob } from './api';
import { ReportTable } from './ReportTable';

/**
 * Follows an import job: progress while it reads the files, then its report and the decision —
 * the files to import ticked one by one (complete ones ticked at first, incomplete ones left for
 * the user to choose), each with its 简历 as read.
 */
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
  const [selected, setSelected] = useState<string[] | null>(null);
  const confirm = useMutation({
    mutationFn: (files: string[]) => confirmJob(jobId, files),
    onSuccess: settle,
    onError,
  });
  const cancel = useMutation({ mutationFn: () => cancelJob(jobId), onSuccess: settle, onError });

  const j = job.data;
  const files = j?.result?.files ?? [];
  const waiting = j?.status === 'awaiting_confirmation';
  useEffect(() => {
    if (waiting && selected === null)
      setSelected(files.filter((f) => f.status === 'created' || f.status === 'updated').map((f) => f.name));
  }, [waiting, selected, files]);
  if (!j) return job.isError ? <Alert type="error" title={job.error.message} /> : <Spin />;
  const chosen = selected ?? [];
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
          subTitle={
            [
              j.result.tenures ? `从简历建立任职经历 ${j.result.tenures} 条` : '',
              j.result.skipped ? `${j.result.skipped} 个文件未选择，未导入` : '',
              j.result.refused ? `${j.result.refused} 个文件无法导入` : '',
            ]
              .filter(Boolean)
              .join('；') || undefined
          }
          extra={[
            <Button key="roster" type="primary" onClick={() => nav('/cadres')}>
              查看干部名册
            </Button>,
            <span key="again">{again}</span>,
          ]}
        />
      )}
      {waiting && (
        <Alert
          type="warning"
          showIcon
          title={j.message ?? '请确认是否导入'}
          description={
            <>
              请勾选要导入的文件，展开每一行可核对从简历中读取的任职经历：“任职”的行将建立任职经历（与本单位职务相符的现任职务关联到该职务），“学习”的行不建立；无法读取的行保留在简历原文中。
              “不完整”的文件只导入其中已有的内容，缺少的项可在干部信息中补充；“无法导入”的文件可修改后重新上传。取消则本次上传的文件都不导入。
            </>
          }
          action={
            <Space orientation="vertical">
              <Button
                type="primary"
                loading={confirm.isPending}
                disabled={cancel.isPending || chosen.length === 0}
                onClick={() => confirm.mutate(chosen)}
              >
                导入选中的 {chosen.length} 个文件
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
      {files.length > 0 && (
        <ReportTable files={files} selected={chosen} onSelect={waiting ? setSelected : undefined} />
      )}
    </Space>
  );
}
