import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, download } from '../../shared/api';
import { useMe } from '../../shared/me';
import { type ExcelImportJob, type ImportMode, TEMPLATE_URL, uploadRoster } from './api';

const MAX_BYTES = 20 * 1024 * 1024;

/** 下载模板 and 上传文件: the template to fill in, and the drop zone that starts the import. */
export function UploadStep({
  onTemplate,
  onStarted,
}: {
  onTemplate: () => void;
  onStarted: (job: ExcelImportJob) => void;
}) {
  const { me } = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'template' | 'upload' | null>(null);
  const [mode, setMode] = useState<ImportMode>('create');

  const getTemplate = async () => {
    setBusy('template');
    try {
      await download(TEMPLATE_URL);
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
        : null;
    if (refusal) {
      message.error(refusal);
      return;
    }
    setBusy('upload');
    try {
      onStarted(await uploadRoster(file, mode, me?.csrfToken ?? ''));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '上传失败，请检查网络后重试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 640 }}>
      <div>
        <Typography.Title level={5}>第一步：下载模板</Typography.Title>
        <Typography.Paragraph type="secondary">
          模板含填写说明和您可以填写的单位；已有的花名册只要表头一致也可以直接上传。
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={getTemplate}>
          下载模板
        </Button>
      </div>
      <div>
        <Typography.Title level={5}>第二步：上传文件</Typography.Title>
        <div style={{ marginBottom: 12 }}>
          <Typography.Text id="import-mode-label" style={{ marginRight: 12 }}>
            导入方式
          </Typography.Text>
          <Radio.Group
            aria-labelledby="import-mode-label"
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              { value: 'create', label: '新增干部' },
              { value: 'update', label: '更新已登记的干部' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {mode === 'create'
              ? '表中的干部都是新登记的；身份证号码已登记的行会报错。'
              : '按身份证号码找到已登记的干部，更新表中填写的项（空白的格不改动），未登记的按新增处理；导入前先列出每名干部的变更，确认后才写入。'}
          </Typography.Paragraph>
        </div>
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
          <p className="ant-upload-text">{busy === 'upload' ? '正在上传…' : '点击或拖入填好的 .xlsx 文件'}</p>
          <p className="ant-upload-hint">
            每行一名干部，不超过 20
            MB。系统逐行校验，全部无误才导入；有误时不导入任何数据，并列出有误的行、给出错误清单。
          </p>
        </Upload.Dragger>
      </div>
    </Space>
  );
}
