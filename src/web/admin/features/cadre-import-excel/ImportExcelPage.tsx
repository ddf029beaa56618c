import { useQueryClient } from '@tanstack/react-query';
import { Button, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ImportSteps } from '../../shared/ImportSteps';
import { useMe } from '../../shared/me';
import { type ExcelImportJob, errorsUrl, fetchJob, type ImportMode, TEMPLATE_URL, uploadRoster } from './api';
import { Preview } from './Preview';

/** 导入干部花名册: 下载模板 → 上传文件 → 导入进度 → 核对确认 (when the import waits) → 导入结果. */
export default function ImportExcelPage() {
  const client = useQueryClient();
  const nav = useNavigate();
  const { me } = useMe();
  const [mode, setMode] = useState<ImportMode>('create');
  return (
    <ImportSteps<ExcelImportJob>
      title="导入干部花名册（Excel）"
      queryKey="cadre-imports"
      template={{
        url: TEMPLATE_URL,
        hint: '模板含填写说明和您可以填写的单位；已有的花名册只要表头一致也可以直接上传。',
      }}
      upload={{
        extra: (
          <>
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
          </>
        ),
        text: '点击或拖入填好的 .xlsx 文件',
        hint: '每行一名干部，不超过 20 MB。系统逐行校验，全部无误才导入；有误时不导入任何数据，并列出有误的行、给出错误清单。',
        send: (file) => uploadRoster(file, mode, me?.csrfToken ?? ''),
      }}
      fetchJob={fetchJob}
      errorsUrl={errorsUrl}
      waiting={(j, settled) => <Preview job={j} onSettled={settled} />}
      onSettled={() => client.invalidateQueries({ queryKey: ['cadres'] })}
      success={(j, restart) => {
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
              <Button key="more" onClick={restart}>
                继续导入
              </Button>,
            ]}
          />
        );
      }}
    />
  );
}
