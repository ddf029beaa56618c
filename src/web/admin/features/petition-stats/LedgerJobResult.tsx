import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download } from '../../shared/api';
import { ImportErrorRows } from '../../shared/ImportErrorRows';
import { type LedgerJob, ledgerErrorsUrl } from './api';

/** 导入进度 and 导入结果: the check's progress, then what was imported or why nothing was. */
export function LedgerJobResult(props: {
  job: LedgerJob | undefined;
  error: Error | null;
  onRestart: () => void;
}) {
  const { job: j, onRestart } = props;
  const nav = useNavigate();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  if (!j) return props.error ? <Alert type="error" title={props.error.message} /> : <Spin />;
  if (j.status === 'running') {
    const checked = j.total > 0 && j.processed >= j.total;
    return (
      <div style={{ maxWidth: 640 }}>
        <Typography.Paragraph>
          {checked
            ? '校验完成，正在写入信访件及其办理记录…'
            : `正在校验：已处理 ${j.processed} / ${j.total || '…'} 行`}
        </Typography.Paragraph>
        <Progress percent={j.total ? Math.floor((j.processed / j.total) * 100) : 0} status="active" />
      </div>
    );
  }
  if (j.status === 'succeeded') {
    return (
      <Result
        status="success"
        title={`导入成功：共 ${j.result?.imported ?? 0} 件信访件`}
        subTitle="导入的信访件标记为“台帐导入”，保留原收件、受理、办结等日期，已计入信访统计；未办结的已生成待办。"
        extra={[
          <Button key="stats" type="primary" onClick={() => nav('/petitions/stats')}>
            查看信访统计
          </Button>,
          <Button key="more" onClick={onRestart}>
            继续导入
          </Button>,
        ]}
      >
        {!!j.result?.notes?.length && (
          <Alert
            type="info"
            showIcon
            title="导入说明"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {j.result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            }
          />
        )}
      </Result>
    );
  }
  const getErrors = async () => {
    setDownloading(true);
    try {
      await download(ledgerErrorsUrl(j.id));
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
        <Button key="again" onClick={onRestart}>
          重新上传
        </Button>,
      ].filter(Boolean)}
    >
      {j.hasErrorFile && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
          错误清单即您上传的台帐：有误的行已标红，最后一列“错误原因”写明原因。改正后可直接上传这个文件。
        </Typography.Paragraph>
      )}
      {!!j.result?.errors?.length && (
        <ImportErrorRows errors={j.result.errors} badRows={j.result.badRows ?? 0} />
      )}
    </Result>
  );
}
