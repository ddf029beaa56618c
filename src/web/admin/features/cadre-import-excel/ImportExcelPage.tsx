import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Steps } from 'antd';
import { useState } from 'react';
import { fetchJob } from './api';
import { JobResult } from './JobResult';
import { UploadStep } from './UploadStep';

/** 导入干部花名册: 下载模板 → 上传文件 → 导入进度 → 核对确认 (when the import waits) → 导入结果. */
export default function ImportExcelPage() {
  const client = useQueryClient();
  const [templated, setTemplated] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useQuery({
    queryKey: ['cadre-imports', jobId],
    queryFn: () => fetchJob(jobId as number),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const status = jobId === null ? null : job.data?.status;
  const current =
    jobId === null
      ? templated
        ? 1
        : 0
      : !status || status === 'running'
        ? 2
        : status === 'awaiting_confirmation'
          ? 3
          : 4;

  return (
    <Card size="small" title="导入干部花名册（Excel）">
      <Steps
        current={current}
        status={status === 'failed' ? 'error' : status === 'succeeded' ? 'finish' : undefined}
        style={{ marginBottom: 24 }}
        items={[
          { title: '下载模板' },
          { title: '上传文件' },
          { title: '导入进度' },
          // a finished import that never waited (all new, every column read; or refused) had nothing to confirm
          {
            title: '核对确认',
            status: current === 4 && !job.data?.result?.mode ? 'wait' : undefined,
          },
          { title: '导入结果' },
        ]}
      />
      {jobId === null ? (
        <UploadStep onTemplate={() => setTemplated(true)} onStarted={(j) => setJobId(j.id)} />
      ) : (
        <JobResult
          job={job.data}
          error={job.error}
          onRestart={() => setJobId(null)}
          onSettled={(j) => {
            client.setQueryData(['cadre-imports', j.id], j);
            client.invalidateQueries({ queryKey: ['cadres'] });
          }}
        />
      )}
    </Card>
  );
}
