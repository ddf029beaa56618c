import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useCan, useMe } from '../../shared/me';
import { type CadreDetail, photoUrl, uploadPhoto } from './api';

const box: React.CSSProperties = {
  width: 120,
  height: 160,
  border: '1px solid #eee',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: '#fafafa',
  overflow: 'hidden',
};

/** The cadre's photo (1-inch portrait), replaceable by cadre managers: JPG or PNG, at most 2 MB. */
export function PhotoBox({ cadre }: { cadre: CadreDetail }) {
  const can = useCan();
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <div style={{ width: 120 }}>
      <div style={box}>
        {cadre.hasPhoto ? (
          <img
            src={photoUrl(cadre)}
            alt={`${cadre.name}的照片`}
            style={{ width: '100%', height: '100%', objectFit: 'cover' }}
          />
        ) : (
          <UserOutlined style={{ fontSize: 48, color: '#ccc' }} aria-label="暂无照片" />
        )}
      </div>
      {can('cadre.manage') && (
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          beforeUpload={async (file) => {
            if (!['image/jpeg', 'image/png'].includes(file.type)) message.error('照片只能是 JPG 或 PNG 图片');
            else if (file.size > 2 * 1024 * 1024) message.error('照片不能超过 2 MB');
            else {
              setBusy(true);
              try {
                await uploadPhoto(cadre.id, file, me?.csrfToken ?? '');
                message.success('照片已更新');
                await client.invalidateQueries({ queryKey: ['cadres', 'detail', cadre.id] });
              } catch (e) {
                message.error((e as Error).message);
              } finally {
                setBusy(false);
              }
            }
            return Upload.LIST_IGNORE;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy} style={{ marginTop: 8, width: 120 }}>
            {cadre.hasPhoto ? '更换照片' : '上传照片'}
          </Button>
        </Upload>
      )}
    </div>
  );
}
