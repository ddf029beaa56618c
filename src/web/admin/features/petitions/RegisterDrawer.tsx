import { App, Button, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { registerPetition } from './api';
import { RegisterFields } from './RegisterFields';
import { toSubjects } from './SubjectsEditor';

const blankToNull = (o: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(o ?? {}).map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? null : v]),
  );

/** 登记信访件: a letter, visit, call, assigned or transferred case; the new record opens once saved. */
export function RegisterDrawer(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { me } = useMe();
  const [busy, setBusy] = useState(false);
  return (
    <Drawer
      open
      title="登记信访件"
      size={860}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            登记
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgId: me?.orgId,
          channel: 'letter',
          receivedOn: dayjs().format('YYYY-MM-DD'),
          realName: false,
          subjects: [],
        }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const { name, idNumber, workUnit, ...contact } = blankToNull(v.reporter);
            // an anonymous report keeps at most a way to reach the reporter
            const reporter = v.realName ? { name, idNumber, workUnit, ...contact } : contact;
            const saved = await registerPetition({
              ...v,
              category: v.category ?? null,
              subjects: toSubjects(v.subjects),
              reporter: Object.values(reporter).some(Boolean) ? reporter : null,
            });
            message.success(`已登记，编号 ${saved.code}`);
            props.onCreated(saved.id);
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <RegisterFields />
      </Form>
    </Drawer>
  );
}
