import { Card, Steps } from 'antd';
import { useCallback, useState } from 'react';
import type { ExcelImportJob } from './api';
import { JobResult } from './JobResult';
import { UploadStep } from './UploadStep';

/** 导入干部花名册: 下载模板 → 上传文件 → 进度 → 结果. */
export default function ImportExcelPage() {
  const [templated, setTemplated] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ExcelImportJob['status'] | null>(null);
  const onDone = useCallback((job: ExcelImportJob) => setOutcome(job.status), []);
  const restart = () => {
    setJobId(null);
    setOutcome(null);
  };
  const current = jobId === null ? (templated ? 1 : 0) : outcome ? 3 : 2;

  return (
    <Card size="small" title="导入干部花名册（Excel）">
      <Steps
        current={current}
        status={outcome === 'failed' ? 'error' : undefined}
        style={{ marginBottom: 24 }}
        items={[{ title: '下载模板' }, { title: '上传文件' }, { title: '导入进度' }, { title: '导入结果' }]}
      />
      {jobId === null ? (
        <UploadStep onTemplate={() => setTemplated(true)} onStarted={(job) => setJobId(job.id)} />
      ) : (
        <JobResult jobId={jobId} onDone={onDone} onRestart={restart} />
      )}
    </Card>
  );
}
