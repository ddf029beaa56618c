import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Timeline, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { download } from '../../shared/api';
import { useCan, useMe } from '../../shared/me';
import { uploadFile } from '../admonitions/api';
import {
  ConfirmAuditModal,
  DismissAuditModal,
  FindingModal,
  OutcomeModal,
  ReportAuditModal,
} from './AuditModals';
import {
  AUDIT_COLORS,
  AUDIT_STATUSES,
  type AuditDetail,
  BUCKET_COLORS,
  EVENT_LABELS,
  type Finding,
  fetchAudit,
  ITEM_COLORS,
  ITEM_STATUSES,
  OUTCOME_KINDS,
} from './api';

type Dialog = 'confirm' | 'dismiss' | 'report' | 'finding' | 'outcome' | null;

/** One audit: its subject and report, its findings with their items' status, 整改成效, its timeline. */
export default function AuditDetailPage() {
  const id = Number(useParams().id);
  const can = useCan();
  const { me } = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['econ-audits', id], queryFn: () => fetchAudit(id) });
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.isLoading) return <Spin />;
  if (!q.data) return <Result status="404" title="审计项目不存在或无权查看" />;
  const a = q.data;
  const done = (next: AuditDetail) => {
    client.setQueryData(['econ-audits', id], next);
    client.invalidateQueries({ queryKey: ['econ-audits'] });
    setDialog(null);
  };
  const manage = can('econ_audit.manage');
  const open = a.status === 'in_progress' || a.status === 'reported';
  const modal = { audit: a, onClose: () => setDialog(null), onDone: done };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span>{a.title}</span>
            <Tag color={AUDIT_COLORS[a.status]}>{AUDIT_STATUSES[a.status]}</Tag>
          </Space>
        }
        extra={
          manage && (
            <Space>
              {a.status === 'draft' && (
                <>
                  <Button danger onClick={() => setDialog('dismiss')}>
                    不予审计
                  </Button>
                  <Button type="primary" onClick={() => setDialog('confirm')}>
                    确认审计
                  </Button>
                </>
              )}
              {a.status === 'in_progress' && (
                <Button onClick={() => setDialog('report')}>出具审计报告</Button>
              )}
              {open && <Button onClick={() => setDialog('outcome')}>登记整改成效</Button>}
              {open && (
                <Button type="primary" onClick={() => setDialog('finding')}>
                  登记审计发现
                </Button>
              )}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="审计类型">{a.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="被审计单位">{a.orgName}</Descriptions.Item>
          <Descriptions.Item label="被审计干部">
            {a.subjectCadreId ? (
              <Link to={`/cadres/${a.subjectCadreId}/file`}>{a.subjectCadreName}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="审计期间">
            {a.periodFrom} 至 {a.periodTo}
          </Descriptions.Item>
          <Descriptions.Item label="审计人员">
            {a.auditors.map((x) => x.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="审计通知书">{a.noticeNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="进点日期">{a.startedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="审计报告">
            <Space orientation="vertical" size={0}>
              <span>{a.reportNo ? `${a.reportNo}（${a.reportedOn}）` : '—'}</span>
              {a.reportFiles.map((f) => (
                <Button
                  key={f.id}
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => download(`/api/v1/econ-audits/${id}/report-files/${f.id}`)}
                >
                  {f.fileName}（{f.uploadedOn}）
                </Button>
              ))}
              {manage && open && a.auditors.some((x) => x.id === me?.id) && (
                <Upload
                  showUploadList={false}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    try {
                      await uploadFile(
                        `/api/v1/econ-audits/${id}/report-files`,
                        file as File,
                        me?.csrfToken ?? '',
                      );
                      await q.refetch();
                      onSuccess?.({});
                    } catch (e) {
                      message.error((e as Error).message);
                      onError?.(e as Error);
                    }
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    上传报告文件
                  </Button>
                </Upload>
              )}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="审计金额（元）">{a.amount ?? '—'}</Descriptions.Item>
          {a.opinion && (
            <Descriptions.Item label="总体评价" span={3}>
              {a.opinion}
            </Descriptions.Item>
          )}
          {a.dismissReason && (
            <Descriptions.Item label="不予审计理由" span={3}>
              {a.dismissReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={`审计发现（${a.findings.length}）`}>
        <Table<Finding>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={a.findings}
          columns={[
            {
              title: '问题摘要',
              dataIndex: 'summary',
              render: (s, f) => (
                <Space>
                  {f.item ? <Link to={`/rectification/${f.item.id}`}>{s}</Link> : s}
                  {f.repeat && <Tag color="red">屡审屡犯</Tag>}
                </Space>
              ),
            },
            { title: '问题类型', dataIndex: 'problemTypeLabel', width: 100 },
            { title: '严重程度', dataIndex: 'severityLabel', width: 80 },
            { title: '涉及金额（元）', dataIndex: 'amount', width: 120, render: (x) => x ?? '—' },
            {
              title: '责任人',
              dataIndex: 'responsible',
              width: 160,
              render: (r: Finding['responsible']) =>
                r.map((p) => `${p.name}（${p.tierLabel}）`).join('、') || '—',
            },
            {
              title: '整改',
              width: 200,
              render: (_, f) =>
                f.item && (
                  <Space>
                    <Tag color={ITEM_COLORS[f.item.status]}>{ITEM_STATUSES[f.item.status]}</Tag>
                    {f.item.bucket && <Tag color={BUCKET_COLORS[f.item.bucket]}>{f.item.bucketLabel}</Tag>}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {a.outcomes.length > 0 && (
        <Card title="整改成效">
          <Descriptions size="small" column={3}>
            {Object.entries(a.tally).map(([k, v]) => (
              <Descriptions.Item key={k} label={OUTCOME_KINDS[k] ?? k}>
                {v ?? 0}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={a.outcomes}
            columns={[
              { title: '类别', dataIndex: 'kindLabel', width: 110 },
              { title: '金额（元）/数量', render: (_, o) => o.amount ?? o.count, width: 120 },
              { title: '日期', dataIndex: 'achievedOn', width: 110 },
              { title: '说明', dataIndex: 'note' },
              {
                title: '移送信访件',
                width: 160,
                render: (_, o) =>
                  o.petitionCode ? (
                    can('petition.read') ? (
                      <Link to={`/petitions/${o.petitionId}`}>{o.petitionCode}</Link>
                    ) : (
                      o.petitionCode
                    )
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Card title="办理过程">
        <Timeline
          items={a.events.map((e) => ({
            children: `${e.occurredOn} ${EVENT_LABELS[e.action] ?? e.action}${e.userName ? `（${e.userName}）` : ''}${e.reason ? `：${e.reason}` : ''}`,
          }))}
        />
      </Card>
      {dialog === 'confirm' && <ConfirmAuditModal {...modal} />}
      {dialog === 'dismiss' && <DismissAuditModal {...modal} />}
      {dialog === 'report' && <ReportAuditModal {...modal} />}
      {dialog === 'finding' && <FindingModal {...modal} />}
      {dialog === 'outcome' && <OutcomeModal {...modal} />}
    </Space>
  );
}
