import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Table, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { download } from '../../shared/api';
import { useMe } from '../../shared/me';
import { type Attachment, attachmentUrl, type PetitionDetail, uploadAttachment } from './api';

const size = (n: number) =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** 附件: scans, photos, documents and recordings; downloaded (never opened in the page), each download audited. */
export function AttachmentsTab({ p }: { p: PetitionDetail }) {
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const get = async (a: Attachment) => {
    try {
      await download(attachmentUrl(p.id, a.id));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      {p.canUpload && (
        <Upload
          showUploadList={false}
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.mp3,.m4a"
          customRequest={async ({ file }) => {
            setBusy(true);
            try {
              await uploadAttachment(p.id, file as File, me?.csrfToken ?? '');
              message.success('已上传');
              client.invalidateQueries({ queryKey: ['petitions', 'detail', p.id] });
            } catch (e) {
              message.error((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} style={{ marginBottom: 12 }}>
            上传附件
          </Button>
        </Upload>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.attachments}
        locale={{
          emptyText: <Empty description="暂无附件（支持 PDF、图片、Word、Excel、录音，单个不超过 20 MB）" />,
        }}
        columns={[
          {
            title: '文件名',
            dataIndex: 'fileName',
            render: (n, a) => (
              <>
                {n} {a.fromPublic && <Tag>反映人提交</Tag>}
              </>
            ),
          },
          { title: '大小', dataIndex: 'size', width: 100, render: size },
          {
            title: '上传时间',
            dataIndex: 'createdAt',
            width: 170,
            render: (t) => dayjs(t).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: '操作',
            width: 90,
            render: (_x, a) => (
              <Button type="link" icon={<DownloadOutlined />} onClick={() => get(a)}>
                下载
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
