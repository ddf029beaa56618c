import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { ImportSteps } from '../../shared/ImportSteps';
import { type ImportJob, uploadXlsx } from '../../shared/imports';
import { useMe } from '../../shared/me';

type AdmonitionLedgerJob = ImportJob<{ imported?: number }>;
const BASE = '/api/v1/admonitions/ledger';

/** 导入诫勉台帐 (earlier years'): 下载模板 → 上传台帐 → 导入进度 → 导入结果. */
export default function LedgerImportPage() {
  const nav = useNavigate();
  const client = useQueryClient();
  const { me } = useMe();
  return (
    <ImportSteps<AdmonitionLedgerJob>
      title="导入诫勉台帐（Excel）"
      queryKey="admonition-ledger-imports"
      template={{
        url: `${BASE}/template.xlsx`,
        hint: '模板与“导出诫勉台帐”的格式相同（表头批注写明每列怎么填）；从本系统导出的台帐可以直接导入。干部按姓名在您的管理范围内查找，同名的请填写单位或加一列“身份证号码”。',
      }}
      upload={{
        title: '上传台帐',
        text: '点击或拖入填好的诫勉台帐（.xlsx）',
        hint: '每行一条，保留原编号和谈话、解除、组织措施的日期，导入后计入干部的选拔任用资格。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
        send: (file) => uploadXlsx<AdmonitionLedgerJob>(`${BASE}/import`, file, me?.csrfToken ?? ''),
      }}
      fetchJob={(id) => api<AdmonitionLedgerJob>('GET', `${BASE}/imports/${id}`)}
      errorsUrl={(id) => `${BASE}/imports/${id}/errors.xlsx`}
      writing="校验完成，正在写入诫勉记录…"
      success={(j, restart) => {
        client.invalidateQueries({ queryKey: ['admonitions'] });
        return (
          <Result
            status="success"
            title={`导入成功：共 ${j.result?.imported ?? 0} 条诫勉记录`}
            subTitle="导入的记录按台帐中的日期保存；已结束的不再生成待办，仍在跟踪考察中的按计划生成下一次谈心谈话待办。"
            extra={[
              <Button key="list" type="primary" onClick={() => nav('/admonitions')}>
                返回谈话诫勉
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
