import { Col, Divider, Form, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { birthDateAgainstId } from '../../../../domain/birth-date';
import { OrgPicker } from '../users/OrgPicker';
import { CADRE_TEXT_FIELDS, type CadreInput, STATUS_LABELS } from './api';
import { DateInput } from './DateInput';
import { useDict } from './use-dict';

const partial = { pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/, message: '格式如 2001-07 或 2001-07-01' };
const cell = (node: ReactNode, span = 8) => (
  <Col xs={24} md={12} xl={span}>
    {node}
  </Col>
);

/** Blank inputs mean "none": the API wants null, not an empty string. */
export function toCadreInput(v: Record<string, any>): CadreInput {
  const out: Record<string, any> = { orgId: v.orgId, name: v.name?.trim(), status: v.status ?? 'active' };
  for (const k of CADRE_TEXT_FIELDS) {
    const s = typeof v[k] === 'string' ? v[k].trim() : v[k];
    out[k] = s === '' || s === undefined ? null : s;
  }
  const id = typeof v.idNumber === 'string' ? v.idNumber.trim() : '';
  if (id) out.idNumber = id;
  return out as CadreInput;
}

/** The fields of a cadre (the 任免审批表's boxes), for creating and for editing. */
export function CadreFormFields(props: { idNumberHint?: string }) {
  const political = useDict('political_status');
  const education = useDict('education');
  const text = (name: string, label: string, max = 40) =>
    cell(
      <Form.Item name={name} label={label} rules={[{ max, message: `不超过 ${max} 字` }]}>
        <Input />
      </Form.Item>,
    );
  return (
    <>
      <Row gutter={16}>
        {cell(
          <Form.Item
            name="name"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
          >
            <Input maxLength={20} />
          </Form.Item>,
        )}
        {cell(
          <Form.Item name="orgId" label="所在单位" rules={[{ required: true, message: '请选择所在单位' }]}>
            <OrgPicker />
          </Form.Item>,
        )}
        {cell(
          <Form.Item
            name="idNumber"
            label="身份证号码"
            extra={props.idNumberHint}
            rules={[{ pattern: /^\s*\d{17}[\dXx]\s*$/, message: '身份证号码应为 18 位（最后一位可为 X）' }]}
          >
            <Input
              maxLength={20}
              autoComplete="off"
              placeholder={props.idNumberHint ? '不修改请留空' : undefined}
            />
          </Form.Item>,
        )}
        {cell(
          <Form.Item name="gender" label="性别" extra="可由身份证号码自动得出">
            <Select allowClear options={['男', '女'].map((g) => ({ value: g, label: g }))} />
          </Form.Item>,
        )}
        {cell(
          <Form.Item
            name="birthDate"
            label="出生日期"
            extra="可由身份证号码自动得出"
            dependencies={['idNumber']}
            rules={[
              // the rule of every way in: a date contradicting the ID number names both
              ({ getFieldValue }) => ({
                validator: async (_, birthDate?: string | null) => {
                  const id = String(getFieldValue('idNumber') ?? '').trim();
                  if (!birthDate || !id) return;
                  const read = birthDateAgainstId(birthDate, id);
                  if ('error' in read) throw new Error(read.error);
                },
              }),
            ]}
          >
            <DateInput />
          </Form.Item>,
        )}
        {text('ethnicity', '民族', 20)}
        {text('nativePlace', '籍贯')}
        {text('birthPlace', '出生地')}
        {cell(
          <Form.Item name="politicalStatus" label="政治面貌">
            <Select allowClear options={political.options} />
          </Form.Item>,
        )}
        {cell(
          <Form.Item name="partyJoinDate" label="入党时间" rules={[partial]}>
            <Input placeholder="如 2001-07" />
          </Form.Item>,
        )}
        {cell(
          <Form.Item name="workStartDate" label="参加工作时间" rules={[partial]}>
            <Input placeholder="如 1998-08" />
          </Form.Item>,
        )}
        {text('health', '健康状况', 20)}
        {text('professionalTitle', '专业技术职务')}
        {text('expertise', '熟悉专业有何专长', 100)}
        {cell(
          <Form.Item
            name="phone"
            label="联系电话"
            rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '电话号码格式不正确' }]}
          >
            <Input maxLength={13} />
          </Form.Item>,
        )}
        {cell(
          <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
            <Select options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>,
        )}
        {text('currentPosition', '现任职务', 100)}
      </Row>
      <Divider titlePlacement="start" plain>
        学历学位
      </Divider>
      <Row gutter={16}>
        {cell(
          <Form.Item name="education" label="最高学历" extra="用于名册筛选">
            <Select allowClear options={education.options} />
          </Form.Item>,
        )}
        {text('fullTimeEducation', '全日制教育 学历')}
        {text('fullTimeDegree', '全日制教育 学位')}
        {text('fullTimeSchool', '全日制 毕业院校系及专业', 100)}
        {text('fullTimeDegreeSchool', '全日制 学位授予院校', 100)}
        {text('partTimeEducation', '在职教育 学历')}
        {text('partTimeDegree', '在职教育 学位')}
        {text('partTimeSchool', '在职 毕业院校系及专业', 100)}
        {text('partTimeDegreeSchool', '在职 学位授予院校', 100)}
      </Row>
      <Divider titlePlacement="start" plain>
        简历与其他
      </Divider>
      <Form.Item name="resume" label="简历" rules={[{ max: 5000, message: '不超过 5000 字' }]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder="如：1998.08--2003.06  某某镇党政办科员"
        />
      </Form.Item>
      <Form.Item name="rewards" label="奖惩情况" rules={[{ max: 2000, message: '不超过 2000 字' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="annualReviews" label="年度考核结果" rules={[{ max: 500, message: '不超过 500 字' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 500, message: '不超过 500 字' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
