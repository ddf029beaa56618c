import { App, Button, Form, Input, Modal, Radio } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { type CalendarDay, clearDay, setDay, WEEKDAYS } from './api';

/** Sets a day as 休 or 班, or turns it back into an ordinary day. */
export function DayEditor(props: {
  day: string;
  current?: CalendarDay;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { day, current } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const weekday = dayjs(day).day();
  const weekend = weekday === 0 || weekday === 6;
  const special = current && current.kind !== 'ordinary';

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      message.success('已保存');
      props.onSaved();
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${day}（星期${WEEKDAYS[weekday]}）`}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        special && (
          <Button key="clear" danger loading={busy} onClick={() => run(() => clearDay(day))}>
            恢复普通日
          </Button>
        ),
        <Button key="cancel" onClick={props.onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={special ? { kind: current.kind, name: current.name } : { kind: 'holiday', name: '' }}
        onFinish={(v) => run(() => setDay(day, { kind: v.kind, name: v.name }))}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Radio.Group>
            <Radio value="holiday">休（节假日）</Radio>
            <Radio value="workday" disabled={!weekend}>
              班（调休上班{weekend ? '' : '，仅周末可设'}）
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请输入名称（如“国庆节”）' },
            { max: 30, message: '不超过 30 字' },
          ]}
        >
          <Input placeholder="如：国庆节、春节调休上班" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
