import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { download } from '../../shared/api';
import { useMe } from '../../shared/me';
import { uploadFile } from '../admonitions/api';
import type { CaseDetail } from './api';

/** The 工作方案's files: each downloads; an officer managing the case uploads more while it is open. */
export function PlanFiles(props: { c: CaseDetail; manage: boolean; onChanged: () => unknown }) {
  const { c } = props;
  const { me } = useMe();
  const { message } = App.useApp();
  const open = c.step !== 'appointed' && c.step !== 'stopped';
  return (
    <Space orientation="vertical" size={0}>
      <span>{c.plan ?? (c.planFiles.length ? '' : '—')}</span>
      {c.planFiles.map((f) => (
        <Button
          key={f.id}
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => download(`/api/v1/appointments/${c.id}/plan-files/${f.id}`)}
        >
          {f.fileName}（{f.uploadedOn}）
        </Button>
      ))}
      {props.manage && open && (
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              await uploadFile(`/api/v1/appointments/${c.id}/plan-files`, file as File, me?.csrfToken ?? '');
              await props.onChanged();
              message.success('工作方案已上传');
              onSuccess?.({});
            } catch (e) {
              message.error((e as Error).message);
              onError?.(e as Error);
            }
          }}
        >
          <Button size="small" icon={<UploadOutlined />}>
            上传工作方案
          </Button>
        </Upload>
      )}
    </Space>
  );
}
