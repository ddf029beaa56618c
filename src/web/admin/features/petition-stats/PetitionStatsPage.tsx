import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { OrgPicker } from '../users/OrgPicker';
import { type Drill, fetchStats, ledgerUrl, type StatsQuery } from './api';
import { CategoryTable } from './CategoryTable';
import { RecordsDrawer } from './RecordsDrawer';
import { StatCards } from './StatCards';

const thisYear = (): StatsQuery => ({
  from: dayjs().startOf('year').format('YYYY-MM-DD'),
  to: dayjs().endOf('year').format('YYYY-MM-DD'),
});

const quarterStart = () =>
  dayjs()
    .startOf('month')
    .subtract(dayjs().month() % 3, 'month');

/** 信访统计: the figures of a period and org, each opening its records; the 信访台帐 out and in. */
export default function PetitionStatsPage() {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [query, setQuery] = useState<StatsQuery>(thisYear);
  const [drill, setDrill] = useState<{ drill: Drill; title: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const stats = useQuery({ queryKey: ['petition-stats', query], queryFn: () => fetchStats(query) });
  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;

  const exportLedger = async () => {
    setExporting(true);
    try {
      await download(ledgerUrl({ ...query, orgId: query.orgId ?? stats.data?.org.id }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        stats.data
          ? `信访统计 · ${stats.data.org.name}（${stats.data.from} 至 ${stats.data.to}）`
          : '信访统计'
      }
      extra={
        <Space>
          {can('petition.export') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLedger}>
              导出台帐
            </Button>
          )}
          {can('petition.import') && (
            <Button icon={<UploadOutlined />} onClick={() => nav('/petitions/stats/import')}>
              导入台帐
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          presets={[
            { label: '今年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
            {
              label: '去年',
              value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')],
            },
            { label: '本季度', value: [quarterStart(), quarterStart().add(2, 'month').endOf('month')] },
            { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
          ]}
          onChange={(r) =>
            r?.[0] &&
            r[1] &&
            setQuery({ ...query, from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
          }
          aria-label="统计期间"
        />
        <OrgPicker
          value={query.orgId ?? stats.data?.org.id}
          onChange={(orgId) => setQuery({ ...query, orgId })}
          placeholder="统计单位（含下级）"
          style={{ width: 260 }}
        />
        <Typography.Text type="secondary">
          按收件日期统计，含所选单位及其下级单位；点击数字查看明细。
        </Typography.Text>
      </Space>
      {stats.error && <Alert type="error" title={(stats.error as Error).message} />}
      {stats.isLoading && <Spin />}
      {stats.data && stats.data.figures.received.value === 0 && (
        <Empty description="统计期内没有登记信访件" style={{ margin: '24px 0' }} />
      )}
      {stats.data && (
        <>
          <StatCards stats={stats.data} onDrill={(d, title) => setDrill({ drill: d, title })} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            按问题类别
          </Typography.Title>
          <CategoryTable stats={stats.data} onDrill={(d, title) => setDrill({ drill: d, title })} />
        </>
      )}
      {drill && <RecordsDrawer drill={drill.drill} title={drill.title} onClose={() => setDrill(null)} />}
    </Card>
  );
}
