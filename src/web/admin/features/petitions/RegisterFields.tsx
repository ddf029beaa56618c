import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { DateInput } from '../cadres/DateInput';
import { useDict } from '../cadres/use-dict';
import { OrgPicker } from '../users/OrgPicker';
import { PETITION_CHANNELS } from './api';
import { SubjectsEditor } from './SubjectsEditor';

const required = (message: string) => [{ required: true, message }];

/** The registration form: what each channel needs, the matter, the reporter (sealed) and whom it names. */
export function RegisterFields() {
  const category = useDict('petition_category');
  const channel = Form.useWatch('channel');
  const realName = Form.useWatch('realName');
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="orgId" label="承办单位" rules={required('请选择承办单位')}>
            <OrgPicker />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="channel" label="来源渠道" rules={required('请选择来源渠道')}>
            <Select
              options={Object.entries(PETITION_CHANNELS)
                // 审计移送 cases are opened by an audit's 移送, never registered by hand
                .filter(([value]) => value !== 'audit_referral')
                .map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="receivedOn" label="收件日期" rules={required('请选择收件日期')}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      {channel === 'visit' && (
        <Form.Item name="visitors" label="来访人数" rules={required('请填写来访人数')}>
          <InputNumber min={1} max={9999} precision={0} style={{ width: 160 }} addonAfter="人" />
        </Form.Item>
      )}
      {channel === 'assigned' && (
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="assignedBy" label="交办机关" rules={required('请填写交办机关')}>
              <Input maxLength={60} placeholder="如：区纪委监委信访室" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="assignedRef" label="交办文号" rules={required('请填写交办文号')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="assignedDueOn" label="交办期限" rules={required('请选择交办期限')}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      )}
      {channel === 'transferred' && (
        <Form.Item name="transferredFrom" label="转办单位" rules={required('请填写转办单位')}>
          <Input maxLength={60} />
        </Form.Item>
      )}
      <Form.Item name="title" label="反映事由" rules={required('请填写反映事由')}>
        <Input maxLength={100} showCount placeholder="一句话概括，如：反映某村干部优亲厚友问题" />
      </Form.Item>
      <Form.Item name="content" label="反映内容" rules={required('请填写反映内容')}>
        <Input.TextArea rows={6} maxLength={20000} showCount />
      </Form.Item>
      <Form.Item name="category" label="问题类别">
        <Select allowClear options={category.options} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="被反映人">
        <SubjectsEditor />
      </Form.Item>
      <Form.Item name="realName" label="反映方式">
        <Radio.Group
          options={[
            { value: true, label: '实名' },
            { value: false, label: '匿名' },
          ]}
        />
      </Form.Item>
      <div style={{ padding: '12px 16px', background: '#fafafa', borderRadius: 6, marginBottom: 16 }}>
        <p style={{ marginTop: 0, color: '#888' }}>
          反映人信息加密保存，仅有权限的人员在说明事由后可以查看，每次查看均记录在案。
        </p>
        <Row gutter={16}>
          {realName && (
            <Col span={8}>
              <Form.Item
                name={['reporter', 'name']}
                label="姓名"
                rules={required('实名举报请填写反映人姓名')}
              >
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item name={['reporter', 'phone']} label={realName ? '联系电话' : '联系电话（可不填）'}>
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          {realName && (
            <Col span={8}>
              <Form.Item
                name={['reporter', 'idNumber']}
                label="身份证号"
                rules={[
                  { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '身份证号码应为 18 位（最后一位可为 X）' },
                ]}
              >
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          <Col span={realName ? 12 : 16}>
            <Form.Item name={['reporter', 'address']} label={realName ? '住址' : '联系地址（可不填）'}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          {realName && (
            <Col span={12}>
              <Form.Item name={['reporter', 'workUnit']} label="工作单位">
                <Input maxLength={60} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </div>
    </>
  );
}
