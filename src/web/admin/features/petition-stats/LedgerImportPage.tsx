import { Alert, Button, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ImportSteps } from '../../shared/ImportSteps';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { fetchLedgerJob, type LedgerJob, ledgerErrorsUrl, TEMPLATE_URL, uploadLedger } from './api';

/** 导入信访台帐: 下载模板 → 上传台帐 → 导入进度 → 导入结果. */
export default function LedgerImportPage() {
  const nav = useNavigate();
  const { me } = useMe();
  const [orgId, setOrgId] = useState<number | undefined>(me?.orgId);
  return (
    <ImportSteps<LedgerJob>
      title="导入信访台帐（Excel）"
      queryKey="petition-ledger-imports"
      template={{
        url: TEMPLATE_URL,
        hint: '模板与“导出台帐”的格式相同（表头批注写明每列怎么填）；从本系统导出的台帐可以直接导入。台帐只记录实名或匿名，不含反映人身份信息。',
      }}
      upload={{
        title: '上传台帐',
        extra: (
          <OrgPicker
            value={orgId}
            onChange={setOrgId}
            placeholder="台帐所属的承办单位"
            style={{ width: 320 }}
          />
        ),
        text: '点击或拖入填好的信访台帐（.xlsx）',
        hint: '每行一件，保留原登记编号和各环节日期，导入后计入统计。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
        refuse: () => (orgId ? null : '请先选择承办单位'),
        send: (file) => uploadLedger(file, orgId, me?.csrfToken ?? ''),
      }}
      fetchJob={fetchLedgerJob}
      errorsUrl={ledgerErrorsUrl}
      writing="校验完成，正在写入信访件及其办理记录…"
      success={(j, restart) => (
        <Result
          status="success"
          title={`导入成功：共 ${j.result?.imported ?? 0} 件信访件`}
          subTitle="导入的信访件标记为“台帐导入”，保留原收件、受理、办结等日期，已计入信访统计；未办结的已生成待办。"
          extra={[
            <Button key="stats" type="primary" onClick={() => nav('/petitions/stats')}>
              查看信访统计
            </Button>,
            <Button key="more" onClick={restart}>
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
      )}
    />
  );
}
