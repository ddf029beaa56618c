import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { ActionFields, actionBody } from './ActionForm';
import { addOpinion, extendPetition, PETITION_ACTIONS, type PetitionDetail, takeAction } from './api';

type Dialog = { kind: 'action'; action: string } | { kind: 'opinion' } | { kind: 'extension' };
const DANGER = new Set(['decline', 'return']);

/** 办理: the steps open to the caller now, each a form confirmed in a dialog; 处理意见 and 延期 beside them. */
export function HandleTab({ p }: { p: PetitionDetail }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const submit = async (v: Record<string, any>) => {
    if (!dialog) return;
    setBusy(true);
    try {
      const saved =
        dialog.kind === 'action'
          ? await takeAction(p.id, dialog.action, { version: p.version, ...actionBody(dialog.action, v) })
          : dialog.kind === 'opinion'
            ? await addOpinion(p.id, p.version, v.content)
            : await extendPetition(p.id, { version: p.version, days: v.days, reason: v.reason });
      client.setQueryData(['petitions', 'detail', p.id], saved);
      client.invalidateQueries({ queryKey: ['petitions', 'list'] });
      message.success('已保存');
      close();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.error('信访件已被他人办理，已刷新为最新状态，请重新操作');
        client.invalidateQueries({ queryKey: ['petitions', 'detail', p.id] });
        close();
      } else message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  const title =
    dialog?.kind === 'action'
      ? PETITION_ACTIONS[dialog.action as keyof typeof PETITION_ACTIONS]
      : dialog?.kind === 'opinion'
        ? '添加处理意见'
        : '延期办理';
  const nothing = !p.actions.length && !p.canAddOpinion && !p.canExtend;
  return (
    <>
      {nothing ? (
        <Empty
          description={
            p.status === 'concluded' || p.status === 'declined'
              ? '该信访件已办理完毕'
              : '当前没有您可以办理的事项'
          }
        />
      ) : (
        <Space wrap>
          {p.actions.map((a) => (
            <Button
              key={a}
              type={DANGER.has(a) ? 'default' : 'primary'}
              danger={DANGER.has(a)}
              onClick={() => setDialog({ kind: 'action', action: a })}
            >
              {PETITION_ACTIONS[a]}
            </Button>
          ))}
          {p.canAddOpinion && <Button onClick={() => setDialog({ kind: 'opinion' })}>添加处理意见</Button>}
          {p.canExtend && <Button onClick={() => setDialog({ kind: 'extension' })}>延期</Button>}
        </Space>
      )}
      {p.approvalNote && <Alert type="info" showIcon style={{ marginTop: 12 }} title={p.approvalNote} />}
      {p.extensionNote && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={p.extensionNote} />}
      {p.status === 'reported' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          提交审批前请先添加处理意见；每条处理意见单独记录。
        </Typography.Paragraph>
      )}
      <Modal
        open={!!dialog}
        title={`${title} · ${p.code}`}
        okText={`确认${title}`}
        okButtonProps={{ danger: dialog?.kind === 'action' && DANGER.has(dialog.action) }}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog?.kind === 'action' && <ActionFields action={dialog.action} />}
          {dialog?.kind === 'opinion' && (
            <Form.Item
              name="content"
              label="处理意见"
              rules={[{ required: true, whitespace: true, message: '请填写处理意见' }]}
            >
              <Input.TextArea rows={6} maxLength={20000} showCount />
            </Form.Item>
          )}
          {dialog?.kind === 'extension' && (
            <>
              <Typography.Paragraph type="secondary">
                办理期限可延期一次，最长 30 天，须说明理由；由具有审批权限的人员批准后生效。
              </Typography.Paragraph>
              <Form.Item name="days" label="延期天数" rules={[{ required: true, message: '请填写延期天数' }]}>
                <InputNumber min={1} max={30} precision={0} addonAfter="天" />
              </Form.Item>
              <Form.Item
                name="reason"
                label="延期理由"
                rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}
              >
                <Input.TextArea rows={3} maxLength={1000} showCount />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
