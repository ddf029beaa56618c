import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { applyServerErrors } from '../../shared/forms';
import { useCan } from '../../shared/me';
import { type CadreDetail, updateCadre } from './api';
import { CadreFormFields, toCadreInput } from './CadreFormFields';

/** 基本信息: the record's fields, saved with the version read (someone else's save first → 409). */
export function CadreEditForm({ cadre }: { cadre: CadreDetail }) {
  const can = useCan();
  const editable = can('cadre.manage');
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const reload = async () => {
    setStale(false);
    await client.invalidateQueries({ queryKey: ['cadres'] });
  };
  return (
    <Form
      key={cadre.version}
      form={form}
      layout="vertical"
      disabled={!editable}
      initialValues={{ ...cadre, idNumber: '' }}
      onFinish={async (v) => {
        setBusy(true);
        try {
          await updateCadre(cadre.id, { ...toCadreInput(v), version: cadre.version });
          message.success('已保存');
          await client.invalidateQueries({ queryKey: ['cadres'] });
        } catch (e) {
          if (
            e instanceof ApiError &&
            e.status === 409 &&
            e.code === 'conflict' &&
            !e.message.includes('身份证')
          )
            setStale(true);
          message.error(applyServerErrors(form, e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该干部信息已被他人修改。刷新后将载入最新内容，您未保存的修改会丢失。"
          action={
            <Button size="small" onClick={reload}>
              刷新
            </Button>
          }
        />
      )}
      <CadreFormFields idNumberHint={cadre.idNumberMasked ? `已登记：${cadre.idNumberMasked}` : undefined} />
      {editable && (
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
          <Button htmlType="button" onClick={() => form.resetFields()}>
            撤销修改
          </Button>
        </Space>
      )}
    </Form>
  );
}
