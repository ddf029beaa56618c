import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Form, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { type ImportJob, uploadLrmx } from './api';

const MAX_BYTES = 20 * 1024 * 1024;

/** Chooses the org the imported cadres join and the file (.lrmx, or a .zip of many), and uploads. */
export function UploadForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId?: number; file?: UploadFile[] }>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: { orgId?: number; file?: UploadFile[] }) => {
    const file = v.file?.[0]?.originFileObj;
    if (!v.orgId || !file || !me) return;
    setBusy(true);
    try {
      onStarted(await uploadLrmx(v.orgId, file, me.csrfToken));
    } catch (e) {
      message.error(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
      <Form.Item
        name="orgId"
        label="导入到单位"
        extra="新增的干部登记在这个单位；已登记的干部（按身份证号码识别）只更新信息，所在单位不变。"
        rules={[{ required: true, message: '请选择导入到的单位' }]}
      >
        <OrgPicker placeholder="请选择单位" />
      </Form.Item>
      <Form.Item
        name="file"
        label="任免审批表文件"
        valuePropName="fileList"
        getValueFromEvent={(e) => (e?.fileList ?? []).slice(-1)}
        extra="单个 .lrmx 文件，或把多个 .lrmx 文件直接打包成 .zip（压缩包内不要有子文件夹，最多 2000 个文件，不超过 20 MB）。"
        rules={[
          { required: true, message: '请选择要上传的文件' },
          {
            validator: async (_, list?: UploadFile[]) => {
              if ((list?.[0]?.size ?? 0) > MAX_BYTES) throw new Error('文件不能超过 20 MB');
            },
          },
        ]}
      >
        <Upload.Dragger accept=".lrmx,.zip,.xml" maxCount={1} beforeUpload={() => false}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入文件</p>
        </Upload.Dragger>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        开始导入
      </Button>
    </Form>
  );
}
