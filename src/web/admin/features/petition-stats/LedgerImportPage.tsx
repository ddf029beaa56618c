import { useQuery } from '@tanstack/react-query';
import { Card, Steps } from 'antd';
import { useState } from 'react';
import { fetchLedgerJob } from './api';
import { LedgerJobResult } from './LedgerJobResult';
import { LedgerUploadStep } from './LedgerUploadStep';

/** 导入信访台帐: 下载模板 → 上传台帐 → 导入进度 → 导入结果. */
export default function LedgerImportPage() {
  const [templated, setTemplated] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useQuery({
    queryKey: ['petition-ledger-imports', jobId],
    queryFn: () => fetchLedgerJob(jobId as number),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const status = jobId === null ? null : job.data?.status;
  const current = jobId === null ? (templated ? 1 : 0) : !status || status === 'running' ? 2 : 3;

  return (
    <Card size="small" title="导入信访台帐（Excel）">
      <Steps
        current={current}
        status={status === 'failed' ? 'error' : status === 'succeeded' ? 'finish' : undefined}
        style={{ marginBottom: 24 }}
        items={[{ title: '下载模板' }, { title: '上传台帐' }, { title: '导入进度' }, { title: '导入结果' }]}
      />
      {jobId === null ? (
        <LedgerUploadStep onTemplate={() => setTemplated(true)} onStarted={(j) => setJobId(j.id)} />
      ) : (
        <LedgerJobResult job={job.data} error={job.error} onRestart={() => setJobId(null)} />
      )}
    </Card>
  );
}
