import { Card } from 'antd';
import { useState } from 'react';
import { JobView } from './JobView';
import { UploadForm } from './UploadForm';

/** 导入任免审批表: upload .lrmx files, follow the reading, confirm or cancel when some files are bad. */
export default function ImportLrmxPage() {
  const [jobId, setJobId] = useState<number | null>(null);
  return (
    <Card size="small" title="导入任免审批表（.lrmx）">
      {jobId === null ? (
        <UploadForm onStarted={(job) => setJobId(job.id)} />
      ) : (
        <JobView jobId={jobId} onRestart={() => setJobId(null)} />
      )}
    </Card>
  );
}
