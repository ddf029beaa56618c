import { App, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { createCadre } from './api';
import { CadreFormFields, toCadreInput } from './CadreFormFields';

/** 新增干部: the full form in a drawer; the new record opens once saved. */
export function CadreCreateDrawer(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { me } = useMe();
  const [busy, setBusy] = useState(false);
  return (
    <Drawer
      open
      title="新增干部"
      size={960}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: 'active', orgId: me?.orgId }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const saved = await createCadre(toCadreInput(v));
            message.success('已新增');
            props.onCreated(saved.id);
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <CadreFormFields />
      </Form>
    </Drawer>
  );
}
