import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Progress,
  Result,
  Space,
  Spin,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, download } from './api';
import type { ImportJob, RowError } from './imports';

const MAX_BYTES = 20 * 1024 * 1024;

export interface ImportStepsProps<J extends ImportJob<object>> {
  title: string;
  /** The react-query key of the job's polling. */
  queryKey: string;
  template: { url: string; hint: ReactNode };
  upload: {
    title?: string;
    /** Controls above the drop zone (the org, the import mode …). */
    extra?: ReactNode;
    text: string;
    hint: string;
    /** A refusal before the upload (e.g. no org chosen), or null. */
    refuse?: () => string | null;
    send: (file: File) => Promise<J>;
  };
  fetchJob: (id: number) => Promise<J>;
  errorsUrl: (id: number) => string;
  /** The line shown once every row is checked and the rows are being written. */
  writing?: string;
  /** The success screen (restart: back to the upload). */
  success: (job: J, restart: () => void) => ReactNode;
  /** A job waiting for the user's decision (only imports with a 核对确认 step). */
  waiting?: (job: J, settled: (j: J) => void) => ReactNode;
  onSettled?: (job: J) => void;
}

/**
 * The import screens every module shares: 下载模板 → 上传文件 → 导入进度 → (核对确认) → 导入结果. The
 * upload answers a job at once; the page polls its progress, then shows what was imported — or why
 * nothing was: the first bad rows on screen and the error sheet to download.
 */
export function ImportSteps<J extends ImportJob<object>>(props: ImportStepsProps<J>) {
  const [templated, setTemplated] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const client = useQueryClient();
  const job = useQuery({
    queryKey: [props.queryKey, jobId],
    queryFn: () => props.fetchJob(jobId as number),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const current_ = job.data;
  const status = jobId === null ? null : current_?.status;
  const confirmStep = !!props.waiting;
  const last = confirmStep ? 4 : 3;
  const current =
    jobId === null
      ? templated
        ? 1
        : 0
      : !status || status === 'running'
        ? 2
        : status === 'awaiting_confirmation'
          ? 3
          : last;
  const restart = () => setJobId(null);
  const items = [
    { title: '下载模板' },
    { title: props.upload.title ?? '上传文件' },
    { title: '导入进度' },
    ...(confirmStep
      ? [
          {
            title: '核对确认',
            // a finished import that never waited had nothing to confirm
            status:
              current === last && !(current_?.result as { mode?: string } | null)?.mode
                ? ('wait' as const)
                : undefined,
          },
        ]
      : []),
    { title: '导入结果' },
  ];
  return (
    <Card size="small" title={props.title}>
      <Steps
        current={current}
        status={status === 'failed' ? 'error' : status === 'succeeded' ? 'finish' : undefined}
        style={{ marginBottom: 24 }}
        items={items}
      />
      {jobId === null ? (
        <UploadStep props={props} onTemplate={() => setTemplated(true)} onStarted={(j) => setJobId(j.id)} />
      ) : (
        <JobResult
          props={props}
          job={current_}
          error={job.error}
          onRestart={restart}
          onSettled={(j) => {
            client.setQueryData([props.queryKey, j.id], j);
            props.onSettled?.(j);
          }}
        />
      )}
    </Card>
  );
}

function UploadStep<J extends ImportJob<object>>({
  props,
  onTemplate,
  onStarted,
}: {
  props: ImportStepsProps<J>;
  onTemplate: () => void;
  onStarted: (job: J) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'template' | 'upload' | null>(null);
  const getTemplate = async () => {
    setBusy('template');
    try {
      await download(props.template.url);
      onTemplate();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const start = async (file: File) => {
    const refusal = !file.name.toLowerCase().endsWith('.xlsx')
      ? '只能上传 .xlsx 格式的 Excel 文件（.xls 请先另存为 .xlsx）'
      : file.size > MAX_BYTES
        ? '文件不能超过 20 MB'
        : (props.upload.refuse?.() ?? null);
    if (refusal) {
      message.error(refusal);
      return;
    }
    setBusy('upload');
    try {
      onStarted(await props.upload.send(file));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败，请检查网络后重试');
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 680 }}>
      <div>
        <Typography.Title level={5}>第一步：下载模板</Typography.Title>
        <Typography.Paragraph type="secondary">{props.template.hint}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={getTemplate}>
          下载模板
        </Button>
      </div>
      <div>
        <Typography.Title level={5}>第二步：{props.upload.title ?? '上传文件'}</Typography.Title>
        {props.upload.extra && <div style={{ marginBottom: 12 }}>{props.upload.extra}</div>}
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          disabled={busy === 'upload'}
          beforeUpload={(file) => {
            start(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy === 'upload' ? '正在上传…' : props.upload.text}</p>
          <p className="ant-upload-hint">{props.upload.hint}</p>
        </Upload.Dragger>
      </div>
    </Space>
  );
}

function JobResult<J extends ImportJob<object>>({
  props,
  job: j,
  error,
  onRestart,
  onSettled,
}: {
  props: ImportStepsProps<J>;
  job: J | undefined;
  error: Error | null;
  onRestart: () => void;
  onSettled: (j: J) => void;
}) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  if (!j) return error ? <Alert type="error" title={error.message} /> : <Spin />;
  const again = (
    <Button key="again" onClick={onRestart}>
      重新上传
    </Button>
  );
  if (j.status === 'running') {
    const checked = j.total > 0 && j.processed >= j.total;
    return (
      <div style={{ maxWidth: 640 }}>
        <Typography.Paragraph>
          {checked
            ? (props.writing ?? '校验完成，正在写入数据…')
            : `正在校验：已处理 ${j.processed} / ${j.total || '…'} 行`}
        </Typography.Paragraph>
        <Progress percent={j.total ? Math.floor((j.processed / j.total) * 100) : 0} status="active" />
      </div>
    );
  }
  if (j.status === 'awaiting_confirmation' && props.waiting) return props.waiting(j, onSettled);
  if (j.status === 'cancelled')
    return <Alert type="info" showIcon title="已取消导入，没有导入任何数据" action={again} />;
  if (j.status === 'succeeded') return props.success(j, onRestart);
  const getErrors = async () => {
    setDownloading(true);
    try {
      await download(props.errorsUrl(j.id));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Result
      status="error"
      title="未导入任何数据"
      subTitle={j.message ?? '导入失败'}
      extra={[
        j.hasErrorFile && (
          <Button
            key="errors"
            type="primary"
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={getErrors}
          >
            下载错误清单
          </Button>
        ),
        again,
      ].filter(Boolean)}
    >
      {j.hasErrorFile && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          错误清单即您上传的表格：有误的行已标红，最后一列“错误原因”写明原因。改正后可直接上传这个文件。
        </Typography.Paragraph>
      )}
      {!!j.result?.errors?.length && <ErrorRows errors={j.result.errors} badRows={j.result.badRows ?? 0} />}
    </Result>
  );
}

/** The first problems of the bad rows: 行, 列, 原因. */
function ErrorRows({ errors, badRows }: { errors: RowError[]; badRows: number }) {
  return (
    <div style={{ textAlign: 'left' }}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        有误的行（共 {badRows} 行
        {errors.length < badRows || errors.length === 50 ? `，以下列出前 ${errors.length} 条` : ''}）
      </Typography.Paragraph>
      <Table<RowError & { key: number }>
        size="small"
        rowKey="key"
        dataSource={errors.map((e, key) => ({ ...e, key }))}
        pagination={errors.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: '行', dataIndex: 'row', width: 70 },
          { title: '列', dataIndex: 'column', width: 140 },
          { title: '原因', dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
