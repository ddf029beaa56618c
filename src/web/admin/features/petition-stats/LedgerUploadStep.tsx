import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, download } from '../../shared/api';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { type LedgerJob, TEMPLATE_URL, uploadLedger } from './api';

const MAX_BYTES = 20 * 1024 * 1024;

/** 下载模板 and 上传台帐: the empty ledger to fill in, the org the cases belong to, the drop zone. */
export function LedgerUploadStep(props: { onTemplate: () => void; onStarted: (job: LedgerJob) => void }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  const [busy, setBusy] = useState<'template' | 'upload' | null>(null);

  const getTemplate = async () => {
    setBusy('template');
    try {
      await download(TEMPLATE_URL);
      props.onTemplate();
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
        : !orgId
          ? '请先选择承办单位'
          : null;
    if (refusal) {
      message.error(refusal);
      return;
    }
    setBusy('upload');
    try {
      props.onStarted(await uploadLedger(file, orgId, me?.csrfToken ?? ''));
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
        <Typography.Paragraph type="secondary">
          模板与“导出台帐”的格式相同（表头批注写明每列怎么填）；从本系统导出的台帐可以直接导入。台帐只记录实名或匿名，不含反映人身份信息。
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={getTemplate}>
          下载模板
        </Button>
      </div>
      <div>
        <Typography.Title level={5}>第二步：选择承办单位并上传</Typography.Title>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <OrgPicker
            value={orgId}
            onChange={setOrgId}
            placeholder="台帐所属的承办单位"
            style={{ width: 320 }}
          />
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
            <p className="ant-upload-text">
              {busy === 'upload' ? '正在上传…' : '点击或拖入填好的信访台帐（.xlsx）'}
            </p>
            <p className="ant-upload-hint">
              每行一件，保留原登记编号和各环节日期，导入后计入统计。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。
            </p>
          </Upload.Dragger>
        </Space>
      </div>
    </Space>
  );
}
