import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatRuleValue } from '../../../../domain/rule-values';
import { applyServerErrors } from '../../shared/forms';
import { type Rule, reviseRule } from './api';
import { RuleValueInput } from './RuleValueInput';

/** Creates a new version of a rule from a date after the latest version's start. */
export function ReviseRule(props: { rule: Rule; onClose: () => void; onSaved: () => void }) {
  const { rule } = props;
  const latest = rule.versions[0];
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={`修订规则：${rule.name}`}
      okText="保存新版本"
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        最新版本（第 {latest.version} 版）：{formatRuleValue(rule.unit, latest.value)}，自{' '}
        {latest.effectiveFrom} 起施行。新版本生效的前一天，旧版本自动截止；此前已发生的事项仍按旧版本计算。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ value: latest.value, source: '' }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await reviseRule(rule.key, {
              value: v.value,
              effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
              source: v.source,
              note: v.note || null,
            });
            message.success('已保存新版本');
            props.onSaved();
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="value" label="新的规则值" rules={[{ required: true, message: '请输入规则值' }]}>
          <RuleValueInput unit={rule.unit} />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label="生效日期"
          rules={[{ required: true, message: '请选择生效日期' }]}
        >
          <DatePicker disabledDate={(d) => !d.isAfter(dayjs(latest.effectiveFrom), 'day')} />
        </Form.Item>
        <Form.Item
          name="source"
          label="依据"
          rules={[
            { required: true, whitespace: true, message: '请填写依据（法规名称、文号或会议决定）' },
            { max: 200, message: '不超过 200 字' },
          ]}
        >
          <Input placeholder="如：信访工作条例（2022 年）第三十一条" />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
