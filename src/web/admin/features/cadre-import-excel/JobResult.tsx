import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download } from '../../shared/api';
import { ImportErrorRows } from '../../shared/ImportErrorRows';
import { type ExcelImportJob, errorsUrl } from './api';
import { Preview } from './Preview';

/**
 * 进度, 核对确认 and 结果: the job's progress while it runs, the preview it waits on, then what was
 * imported or why nothing was — the first bad rows listed on screen beside the error sheet.
 */
export function JobResult({
  job: j,
  error,
  onRestart,
  onSettled,
}: {
  job: ExcelImportJob | undefined;
  error: Error | null;
  onRestart: () => void;
  onSettled: (j: ExcelImportJob) => void;
}) {
  const nav = useNavigate();
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
          {checked ? '校验完成，正在写入数据…' : `正在校验：已处理 ${j.processed} / ${j.total || '…'} 行`}
        </Typography.Paragraph>
        <Progress percent={j.total ? Math.floor((j.processed / j.total) * 100) : 0} status="active" />
      </div>
    );
  }
  if (j.status === 'awaiting_confirmation') return <Preview job={j} onSettled={onSettled} />;
  if (j.status === 'cancelled')
    return <Alert type="info" showIcon title="已取消导入，没有导入任何数据" action={again} />;
  if (j.status === 'succeeded') {
    const r = j.result ?? {};
    return (
      <Result
        status="success"
        title={
          r.mode === 'update'
            ? `导入成功：新增 ${r.created ?? 0} 名，更新 ${r.updated ?? 0} 名干部`
            : `导入成功：共 ${r.imported ?? 0} 名干部`
        }
        subTitle="填写了现任职务和任现职时间的，已同时建立任职经历。"
        extra={[
          <Button key="roster" type="primary" onClick={() => nav('/cadres')}>
            返回干部名册
          </Button>,
          <Button key="more" onClick={onRestart}>
            继续导入
          </Button>,
        ]}
      />
    );
  }
  const getErrors = async () => {
    setDownloading(true);
    try {
      await download(errorsUrl(j.id));
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
      {!!j.result?.errors?.length && (
        <ImportErrorRows errors={j.result.errors} badRows={j.result.badRows ?? 0} />
      )}
    </Result>
  );
}
