import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Space, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/forms';
import { useMe } from '../../shared/me';
import { registerPetition, uploadAttachment } from './api';
import { RegisterFields } from './RegisterFields';
import { toSubjects } from './SubjectsEditor';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.mp3,.m4a';
const MAX_BYTES = 20 * 1024 * 1024;

const blankToNull = (o: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(o ?? {}).map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? null : v]),
  );

/**
 * 登记信访件: a letter, visit, call, assigned or transferred case, with its scans, photos or
 * recordings; the new record opens once saved and its files are attached (a file that fails is
 * named, and can be added again on the record's 附件 tab).
 */
export function RegisterDrawer(props: { onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { me } = useMe();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  /** Attaches the chosen files to the registered case; the names of those that failed, with why. */
  const attach = async (id: number) => {
    const failed: string[] = [];
    for (const f of files) {
      try {
        await uploadAttachment(id, f.originFileObj as File, me?.csrfToken ?? '');
      } catch (e) {
        failed.push(`“${f.name}”：${(e as Error).message}`);
      }
    }
    return failed;
  };
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
            if ('recused' in saved) {
              message.info(`编号 ${saved.code}。${saved.message}`, 10);
              props.onClose();
              return;
            }
            const failed = await attach(saved.id);
            if (failed.length)
              message.warning(
                `已登记，编号 ${saved.code}；以下附件未能上传，可在“附件”中重新上传：${failed.join('；')}`,
                8,
              );
            else
              message.success(
                `已登记，编号 ${saved.code}${files.length ? `，附件 ${files.length} 个已上传` : ''}`,
              );
            props.onCreated(saved.id);
          } catch (e) {
            message.error(applyServerErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <RegisterFields />
        <Form.Item
          label="附件"
          extra="来信扫描件、照片、材料、通话录音等，支持 PDF、图片、Word、Excel、录音，单个不超过 20 MB"
        >
          <Upload
            multiple
            accept={ACCEPT}
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) {
                message.error(`“${file.name}”超过 20 MB，不能上传`);
                return Upload.LIST_IGNORE;
              }
              return false; // kept until the case is registered, then uploaded to it
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>选择附件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
