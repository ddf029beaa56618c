import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type CadreDetail, STATUS_LABELS } from './api';
import { useDict } from './use-dict';

const none = <Typography.Text type="secondary">未填写</Typography.Text>;
const shown = (v: ReactNode) => (v === null || v === undefined || v === '' ? none : v);
const block = (text: string | null) => (text ? <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div> : none);

/**
 * 基本信息 for a reader who may not edit it: the recorded values as a description list — never a
 * greyed-out form, whose placeholders ("如 2001-07") would read as data.
 */
export function CadreView({ cadre: c }: { cadre: CadreDetail }) {
  const political = useDict('political_status');
  const education = useDict('education');
  const items: { label: string; value: ReactNode; span?: number }[] = [
    { label: '姓名', value: c.name },
    { label: '所在单位', value: c.orgName },
    { label: '身份证号码', value: shown(c.idNumberMasked) },
    { label: '性别', value: shown(c.gender) },
    { label: '出生日期', value: shown(c.birthDate) },
    { label: '民族', value: shown(c.ethnicity) },
    { label: '籍贯', value: shown(c.nativePlace) },
    { label: '出生地', value: shown(c.birthPlace) },
    { label: '政治面貌', value: shown(political.label(c.politicalStatus)) },
    { label: '入党时间', value: shown(c.partyJoinDate) },
    { label: '参加工作时间', value: shown(c.workStartDate) },
    { label: '健康状况', value: shown(c.health) },
    { label: '专业技术职务', value: shown(c.professionalTitle) },
    { label: '熟悉专业有何专长', value: shown(c.expertise) },
    { label: '联系电话', value: shown(c.phone) },
    { label: '状态', value: STATUS_LABELS[c.status] ?? c.status },
    { label: '现任职务', value: shown(c.currentPosition), span: 2 },
    { label: '最高学历', value: shown(education.label(c.education)) },
    { label: '全日制教育', value: shown([c.fullTimeEducation, c.fullTimeDegree].filter(Boolean).join(' ')) },
    { label: '毕业院校系及专业', value: shown(c.fullTimeSchool) },
    { label: '在职教育', value: shown([c.partTimeEducation, c.partTimeDegree].filter(Boolean).join(' ')) },
    { label: '在职毕业院校系及专业', value: shown(c.partTimeSchool), span: 2 },
    { label: '简历', value: block(c.resume), span: 3 },
    { label: '奖惩情况', value: block(c.rewards), span: 3 },
    { label: '年度考核结果', value: block(c.annualReviews), span: 3 },
    { label: '备注', value: block(c.note), span: 3 },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items.map((i) => ({ key: i.label, label: i.label, children: i.value, span: i.span }))}
    />
  );
}
