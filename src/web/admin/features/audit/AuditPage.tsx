import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { AUDIT_RESULTS, auditActionLabel, objectTypeLabel } from '../../../../domain/audit-actions';
import { download, totalText } from '../../shared/api';
import { useCan } from '../../shared/me';
import { AuditDetail } from './AuditDetail';
import { AuditFilterBar } from './AuditFilterBar';
import { type AuditFilters, type AuditRecord, exportUrl, fetchAudit } from './api';
import { VerifyChain } from './VerifyChain';

const RESULT_COLORS: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };

/** An instant as Beijing time, whatever the browser's zone: the audit log is read against China's working day. */
const chinaTime = (at: string) =>
  new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export default function AuditPage() {
  const can = useCan();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const list = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => fetchAudit({ ...filters, ...page }),
  });
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(exportUrl(filters));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      size="small"
      title="审计日志"
      extra={
        <Space>
          <VerifyChain />
          {can('audit.export') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
              导出 Excel
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <AuditFilterBar
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setPage({ ...page, page: 1 });
          }}
        />
      </div>
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total,
          showTotal: (t) => totalText(list.data, t, '条'),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        expandable={{
          rowExpandable: (r) => r.detail != null,
          expandedRowRender: (r) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <AuditDetail detail={r.detail} />
              <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
                {r.hash}
              </Typography.Text>
            </Space>
          ),
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'at',
            width: 170,
            render: (at: string) => chinaTime(at), // Beijing time whatever the browser's zone
          },
          { title: '用户', dataIndex: 'username', width: 120 },
          { title: '单位', dataIndex: 'orgName', width: 140 },
          {
            title: '操作',
            dataIndex: 'action',
            render: (a: string) => <Tooltip title={a}>{auditActionLabel(a)}</Tooltip>,
          },
          {
            title: '对象',
            render: (_: unknown, r) =>
              r.objectType ? (
                <Tooltip title={r.objectId ? `记录编号 ${r.objectId}` : undefined}>
                  {objectTypeLabel(r.objectType)} {r.objectLabel ?? r.objectId ?? ''}
                </Tooltip>
              ) : (
                ''
              ),
          },
          {
            title: '结果',
            dataIndex: 'result',
            width: 80,
            render: (v: string) => <Tag color={RESULT_COLORS[v]}>{AUDIT_RESULTS[v] ?? v}</Tag>,
          },
          { title: '来源地址', dataIndex: 'ip', width: 140 },
        ]}
      />
    </Card>
  );
}
