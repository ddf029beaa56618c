import { useQuery } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { CadreSelect } from '../../shared/CadreSelect';
import { applyServerErrors } from '../../shared/forms';
import { fetchPetitionSubjects, INQUIRY_SOURCES, openInquiry, today } from './api';

/** 发函: to a cadre of the registry, or — from a petition under 谈话函询 — to a cadre it names. */
export function NewInquiryDrawer(props: {
  petitionId?: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const petition = useQuery({
    queryKey: ['petitions', 'detail', props.petitionId],
    queryFn: () => fetchPetitionSubjects(props.petitionId!),
    enabled: !!props.petitionId,
  });
  const named = (petition.data?.subjectsDetail ?? []).filter((s) => s.cadreId);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const i = await openInquiry({ ...v, petitionId: props.petitionId ?? null });
      message.success(`已发函 ${i.code}`);
      props.onCreated(i.id);
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      title={props.petitionId ? `发出函询（信访件 ${petition.data?.code ?? ''}）` : '发出函询'}
      size="large"
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={submit}>
            发函
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ sourceKind: props.petitionId ? '信访' : undefined, sentOn: today() }}
      >
        <Form.Item name="cadreId" label="函询对象" rules={[{ required: true, message: '请选择函询对象' }]}>
          {props.petitionId ? (
            <Select
              placeholder="信访件反映的干部"
              options={named.map((s) => ({ value: s.cadreId!, label: s.name }))}
            />
          ) : (
            <CadreSelect />
          )}
        </Form.Item>
        <Form.Item name="sourceKind" label="来源" rules={[{ required: true, message: '请选择来源' }]}>
          <Select
            disabled={!!props.petitionId}
            options={INQUIRY_SOURCES.map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item name="question" label="函询事项" rules={[{ required: true, message: '请填写函询事项' }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="sentOn" label="发函日期" rules={[{ required: true, message: '请填写发函日期' }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
