import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useDict } from '../cadres/use-dict';
import { RevealReporter } from '../petition-identity/RevealReporter';
import { DUE_KINDS, PETITION_CHANNELS, type PetitionDetail } from './api';
import { DueText, StatusTag, UrgentTag } from './PetitionTags';
import { PrintDocuments } from './PrintDocuments';

/** Code, status, the clock and its due date, urgency; the matter and whom it names. Never the reporter. */
export function PetitionHeader({ p }: { p: PetitionDetail }) {
  const category = useDict('petition_category');
  const disposal = useDict('disposal');
  const channel = PETITION_CHANNELS[p.channel] ?? p.channel;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {p.code}
          </Typography.Title>
          <StatusTag status={p.status} />
          {p.urgent && <UrgentTag />}
          {p.imported && <Tag>台帐导入</Tag>}
          <Tag>{p.realName ? '实名' : '匿名'}</Tag>
        </Space>
        <Space wrap>
          {p.dueOn && (
            <span>
              {DUE_KINDS[p.dueKind as keyof typeof DUE_KINDS] ?? '期限'}：
              <DueText dueOn={p.dueOn} dueKind={p.dueKind} overdueDays={p.overdueDays} />
            </span>
          )}
          {p.hasReporterInfo && <RevealReporter petitionId={p.id} />}
          <PrintDocuments p={p} />
        </Space>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {p.title}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label="承办单位">
          {p.orgName}
          {p.recusalOrgName && <Tag style={{ marginLeft: 8 }}>因回避由 {p.recusalOrgName} 办理</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="来源渠道">
          {channel}
          {p.visitors ? `（${p.visitors} 人）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="收件日期">{p.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="问题类别">{category.label(p.category) || '—'}</Descriptions.Item>
        <Descriptions.Item label="被反映人">
          {p.subjectsDetail.length
            ? p.subjectsDetail.map((s) => `${s.name}${s.unitText ? `（${s.unitText}）` : ''}`).join('、')
            : '—'}
        </Descriptions.Item>
        {p.channel === 'assigned' && (
          <Descriptions.Item label="交办">
            {p.assignedBy} {p.assignedRef}，限 {p.assignedDueOn} 前办结
          </Descriptions.Item>
        )}
        {p.sourceAuditId && (
          <Descriptions.Item label="来源审计项目">
            <Link to={`/audits/${p.sourceAuditId}`}>
              {p.sourceAuditTitle ?? `审计项目 ${p.sourceAuditId}`}
            </Link>
          </Descriptions.Item>
        )}
        {p.channel === 'transferred' && (
          <Descriptions.Item label="转办单位">{p.transferredFrom}</Descriptions.Item>
        )}
        {p.disposal && <Descriptions.Item label="处置方式">{disposal.label(p.disposal)}</Descriptions.Item>}
        {(p.investigatorName || p.assignedUnitName) && (
          <Descriptions.Item label="承办">
            {[p.investigatorName, p.assignedUnitName].filter(Boolean).join('、')}
          </Descriptions.Item>
        )}
        {p.extensionDays > 0 && (
          <Descriptions.Item label="延期">
            {p.extensionDays} 天（{p.extensionReason}）
          </Descriptions.Item>
        )}
        {p.rating && (
          <Descriptions.Item label="反映人评价">{`${p.rating} 星${p.ratingComment ? `：${p.ratingComment}` : ''}`}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>
        {p.content}
      </Typography.Paragraph>
    </Card>
  );
}
