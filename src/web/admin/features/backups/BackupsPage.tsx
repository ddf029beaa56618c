import { CloudDownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { type BackupJob, type BackupRecord, backupNow, fetchBackupJob, fetchBackups } from './api';

const KINDS: Record<BackupRecord['kind'], string> = {
  scheduled: '每日自动',
  manual: '手动',
  cli: '命令行',
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The system administrator's backups: the nightly copies and manual ones, each verified. No
 * download: a backup is every case in clear, which none of the three administrators may read.
 */
export default function BackupsPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['backups'], queryFn: fetchBackups });
  // the backup in progress: the one started here, or the one the server is making (after a reload)
  const [jobId, setJobId] = useState<number | null>(null);
  const runningId = list.data?.running?.id ?? null;
  useEffect(() => {
    if (jobId === null && runningId !== null) setJobId(runningId);
  }, [jobId, runningId]);
  const job = useQuery({
    queryKey: ['backups', 'job', jobId],
    queryFn: () => fetchBackupJob(jobId as number),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const status = job.data?.status;
  useEffect(() => {
    const j = job.data;
    if (!j || j.status === 'running') return;
    if (j.status === 'succeeded' && j.result?.verified)
      message.success(`备份完成并校验通过：${j.result.name}`);
    else message.error(j.message ?? '备份失败');
    setJobId(null);
    client.invalidateQueries({ queryKey: ['backups'] });
  }, [job.data, message, client]);
  const now = useMutation({
    mutationFn: backupNow,
    onSuccess: (j) => setJobId(j.id),
    onError: (e) => message.error((e as Error).message),
  });
  const busy = now.isPending || (jobId !== null && (status === undefined || status === 'running'));
  return (
    <Card
      size="small"
      title="数据备份"
      extra={
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={busy} onClick={() => now.mutate()}>
          立即备份
        </Button>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {busy && <BackupProgress job={job.data} />}
        <Alert
          type="info"
          showIcon
          title="每天凌晨 2 点自动备份并校验；备份失败会列入系统管理员的待办。"
          description={
            list.data && (
              <>
                <div>
                  备份保存在服务器的 <Typography.Text code>{list.data.folder}</Typography.Text>，保留{' '}
                  {list.data.keepDays} 天，且至少保留最近 {list.data.keepMin}{' '}
                  份校验通过的备份（可在规则配置中修改）。
                </div>
                <div>每份备份含数据库的全部数据和记录引用的全部上传附件，恢复时一并写回。</div>
                <div>
                  备份含全部案件内容，不能通过网页下载（三员分立）：请由服务器运维人员定期把该目录中的文件复制到另一台机器或离线介质保管。备份不含字段加密密钥（FIELD_KEY
                  或数据目录中的 field.key），恢复时须另行提供，请与备份分开妥善保管。
                </div>
              </>
            )
          }
        />
        <Table<BackupRecord>
          rowKey="name"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份' }}
          columns={[
            {
              title: '备份时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
            },
            { title: '方式', dataIndex: 'kind', width: 90, render: (k: BackupRecord['kind']) => KINDS[k] },
            { title: '大小', dataIndex: 'size', width: 90, render: size },
            { title: '行数', dataIndex: 'rows', width: 90 },
            {
              title: '附件',
              dataIndex: 'files',
              width: 130,
              render: (n: number | null, r) =>
                n === null ? '—' : n === 0 ? '0 个' : `${n} 个（${size(r.fileBytes ?? 0)}）`,
            },
            {
              title: '校验',
              dataIndex: 'verified',
              width: 220,
              render: (ok: boolean, r) =>
                ok ? <Tag color="green">校验通过</Tag> : <Tag color="red">{r.problem ?? '未通过'}</Tag>,
            },
            {
              title: '密钥指纹',
              dataIndex: 'keyFingerprint',
              width: 160,
              render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
            },
            { title: '文件', dataIndex: 'name', ellipsis: true },
          ]}
        />
      </Space>
    </Card>
  );
}

/** The backup in progress: the worker's steps (each table, the attached files, the verification). */
function BackupProgress({ job }: { job: BackupJob | undefined }) {
  const total = job?.total ?? 0;
  const done = job?.processed ?? 0;
  const text = !total
    ? '正在准备备份…'
    : done >= total - 1
      ? '数据和附件已写入，正在校验备份…'
      : `正在备份：已完成 ${done} / ${total} 步`;
  return (
    <div data-testid="backup-progress">
      <Typography.Text>{text}</Typography.Text>
      <Progress percent={total ? Math.floor((done / total) * 100) : 0} status="active" />
    </div>
  );
}
