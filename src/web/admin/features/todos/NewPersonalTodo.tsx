import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createPersonalTodo, TODO_KEYS } from './api';

/** 新建个人待办: a reminder for oneself, closed by hand (workflow steps close themselves). */
export function NewPersonalTodo() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; dueOn?: Dayjs }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { title: string; dueOn?: Dayjs }) =>
      createPersonalTodo({ title: v.title, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null }),
    onSuccess: () => {
      message.success('已新建个人待办');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: TODO_KEYS.all });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新建个人待办
      </Button>
      <Modal
        title="新建个人待办"
        open={open}
        okText="保存"
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item
            name="title"
            label="待办事项"
            rules={[
              { required: true, whitespace: true, message: '请填写待办事项' },
              { max: 200, message: '待办事项不超过 200 字' },
            ]}
          >
            <Input placeholder="如：整理上月信访台帐" />
          </Form.Item>
          <Form.Item name="dueOn" label="截止日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
