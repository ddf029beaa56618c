import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { ImportSteps } from '../../shared/ImportSteps';
import { type ImportJob, uploadXlsx } from '../../shared/imports';
import { useMe } from '../../shared/me';

type LedgerJob = ImportJob<{ imported?: number }>;

const LEDGERS = {
  admonitions: {
    base: '/api/v1/admonitions/ledger',
    name: '诫勉台帐',
    unit: '条诫勉记录',
    list: { path: '/admonitions', label: '返回谈话诫勉' },
    templateHint:
      '模板与“导出诫勉台帐”的格式相同（表头批注写明每列怎么填）；从本系统导出的台帐可以直接导入。干部按姓名在您的管理范围内查找，同名的请填写单位或加一列“身份证号码”。',
    uploadHint:
      '每行一条，保留原编号和谈话、解除、组织措施的日期，导入后计入干部的选拔任用资格。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
    done: '导入的记录按台帐中的日期保存；已结束的不再生成待办，仍在跟踪考察中的按计划生成下一次谈心谈话待办。',
  },
  inquiries: {
    base: '/api/v1/inquiries/ledger',
    name: '函询台帐',
    unit: '件函询',
    list: { path: '/inquiries', label: '返回函询' },
    templateHint:
      '模板与“导出函询台帐”的格式相同（表头批注写明每列怎么填）；只导入已了结的函询。干部按姓名在您的管理范围内查找，同名的请填写单位或加一列“身份证号码”。',
    uploadHint:
      '每行一件，保留原编号和发函、回复、背书、了结日期及结论。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
    done: '导入的函询均为已了结，按台帐中的日期保存，不生成待办。',
  },
  accountability: {
    base: '/api/v1/accountability/ledger',
    name: '责任追究台帐',
    unit: '项责任追究',
    list: { path: '/accountability', label: '返回责任追究' },
    templateHint:
      '模板与“导出台帐”的格式相同（表头批注写明每列怎么填），一行一名被追究人；只导入已生效、未经申诉复查变更的追究。被追究人在您管理范围内找到同名干部的关联该干部，否则按非登记人员记录。',
    uploadHint:
      '保留原决定日期和处理生效日期，处理的影响期按生效当日的规则计算并计入选拔任用资格。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
    done: '导入的追究事项已生效，处理按台帐中的日期计入干部的选拔任用资格，不生成待办。',
  },
  appointments: {
    base: '/api/v1/appointments/ledger',
    name: '选拔任用纪实台帐',
    unit: '名人选的选拔任用纪实',
    list: { path: '/appointments', label: '返回选拔任用' },
    templateHint:
      '模板与“导出台帐”的格式相同（表头批注写明每列怎么填）；从本系统导出的台帐可以直接导入。每行一名人选，同一“编号”的各行合为一个事项；单位、人选、拟任职务须已在您管理范围内的单位、干部名册和职务名录中。',
    uploadHint:
      '只导入已办结的事项（任职或已撤销），保留原编号、动议日期、推荐得票、考试成绩、表决、任前公示和任免文件。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
    done: '导入的事项按台帐中的日期保存，已任职的按任免文件日期计入统计；不生成待办，也不改动干部名册中的任职记录。',
  },
  'econ-audits': {
    base: '/api/v1/econ-audits/ledger',
    name: '审计台帐',
    unit: '个审计问题',
    list: { path: '/audits', label: '返回审计项目' },
    templateHint:
      '模板与整改事项看板“导出审计台帐”的格式相同（表头批注写明每列怎么填）；从本系统导出的台帐可以直接导入。每行一个问题，同一“审计项目”的各行合为一个审计项目；整改单位按名称在您的管理范围内查找。',
    uploadHint:
      '保留下发、整改时限、检查节点和销号日期，按“认定”“销号”列恢复整改事项的状态。系统逐行校验，全部无误才导入；有误时不导入任何数据，并给出错误清单。',
    done: '已销号的整改事项不再生成待办；仍未销号的按下发日期、整改时限或检查节点计时，并为下一步办理人生成待办，月度进展报告从今天起计。',
  },
  grades: {
    base: '/api/v1/assessments/grades/ledger',
    name: '考核结果台帐',
    unit: '条考核结果',
    list: { path: '/assessments/grades', label: '返回年度考核' },
    templateHint:
      '模板与“导出考核结果台帐”的格式相同（表头批注写明每列怎么填），每行一名干部一个年度；只导入往年的结果。干部按姓名在您的管理范围内查找，同名的请填写单位或加一列“身份证号码”。',
    uploadHint:
      '按评定年度考核等次的规则逐行校验：末位惩处的等次限制、优秀比例上限，已评定的年度不再导入。全部无误才导入；有误时不导入任何数据，并给出错误清单。',
    done: '导入的等次按台帐中的年度和评定日期保存，计入干部的选拔任用资格；连续两年不称职的已生成启动辞退程序的待办。',
  },
} as const;

/** 导入诫勉台帐 / 函询台帐 / 责任追究台帐 / 审计台帐 / 选拔任用纪实台帐 (earlier years'): 下载模板 → 上传台帐 → 导入进度 → 导入结果. */
export function SupervisionLedgerImport({ kind }: { kind: keyof typeof LEDGERS }) {
  const l = LEDGERS[kind];
  const nav = useNavigate();
  const client = useQueryClient();
  const { me } = useMe();
  return (
    <ImportSteps<LedgerJob>
      title={`导入${l.name}（Excel）`}
      queryKey={`${kind}-ledger-imports`}
      template={{ url: `${l.base}/template.xlsx`, hint: l.templateHint }}
      upload={{
        title: '上传台帐',
        text: `点击或拖入填好的${l.name}（.xlsx）`,
        hint: l.uploadHint,
        send: (file) => uploadXlsx<LedgerJob>(`${l.base}/import`, file, me?.csrfToken ?? ''),
      }}
      fetchJob={(id) => api<LedgerJob>('GET', `${l.base}/imports/${id}`)}
      errorsUrl={(id) => `${l.base}/imports/${id}/errors.xlsx`}
      writing="校验完成，正在写入…"
      success={(j, restart) => (
        <Result
          status="success"
          title={`导入成功：共 ${j.result?.imported ?? 0} ${l.unit}`}
          subTitle={l.done}
          extra={[
            <Button
              key="list"
              type="primary"
              onClick={() => {
                client.invalidateQueries({ queryKey: [kind] });
                nav(l.list.path);
              }}
            >
              {l.list.label}
            </Button>,
            <Button key="more" onClick={restart}>
              继续导入
            </Button>,
          ]}
        />
      )}
    />
  );
}

export default function AdmonitionLedgerImportPage() {
  return <SupervisionLedgerImport kind="admonitions" />;
}
