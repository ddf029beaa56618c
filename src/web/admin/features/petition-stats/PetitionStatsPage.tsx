import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { AsOfPicker } from '../figures/AsOfPicker';
import { type Figure, type FigureDrill, type FigureQuery, fetchFigures } from '../figures/api';
import { FigureCard } from '../figures/FigureCard';
import { FigureRecordsDrawer } from '../figures/FigureRecordsDrawer';
import { GroupTable } from '../figures/GroupTable';
import { OrgPicker } from '../users/OrgPicker';
import { ledgerUrl } from './api';

const thisYear = (): FigureQuery => ({
  from: dayjs().startOf('year').format('YYYY-MM-DD'),
  to: dayjs().endOf('year').format('YYYY-MM-DD'),
});

const quarterStart = () =>
  dayjs()
    .startOf('month')
    .subtract(dayjs().month() % 3, 'month');

const INTAKE = [
  'received',
  'letter',
  'visit',
  'visitors',
  'phone',
  'online',
  'assigned',
  'transferred',
  'real_name',
  'anonymous',
];
const HANDLING = [
  'accepted',
  'declined',
  'concluded',
  'conclusion_rate',
  'open',
  'overdue',
  'extended',
  'assigned_on_time',
  'reports',
  'opinions',
];
const BREAKDOWNS = ['by_category', 'by_disposal', 'by_cadre'];
const DAY = 'YYYY-MM-DD';

/**
 * 信访统计: the petition figures of the registry for a period and org as of a date — cards with their
 * definitions on hover, breakdowns, each opening the records as they stood then; the 信访台帐 out and in.
 */
export default function PetitionStatsPage() {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [query, setQuery] = useState<FigureQuery>(thisYear);
  const [drill, setDrill] = useState<FigureDrill | null>(null);
  const [exporting, setExporting] = useState(false);
  const stats = useQuery({
    queryKey: ['figures', 'petitions', query],
    queryFn: () => fetchFigures({ ...query, module: 'petitions' }),
  });
  const data = stats.data;
  const byName = new Map((data?.figures ?? []).map((f) => [f.key.replace('petitions.', ''), f]));
  const range: [Dayjs, Dayjs] | null = query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;
  // the drill-down asks exactly what the figures were counted under
  const counted: FigureQuery | null = data
    ? { orgId: data.org.id, from: data.from, to: data.to, asOf: data.asOf }
    : null;

  const open = (f: Figure, group?: { key: string; label: string }) => {
    if (!counted) return;
    if (f.ratio) {
      const part = byName.get(f.ratio.numerator.replace('petitions.', ''));
      if (part) setDrill({ key: part.key, title: `${part.label}（${f.label}的分子）`, query: counted });
      return;
    }
    setDrill({
      key: f.key,
      group: group?.key,
      title: group ? `${f.dimension?.label ?? f.label}：${group.label}` : f.label,
      query: counted,
    });
  };
  const card = (name: string) => {
    const f = byName.get(name);
    if (!f) return null;
    return (
      <Col key={name} xs={12} sm={8} md={6} xl={4}>
        <FigureCard figure={f} danger={name === 'overdue' && (f.value ?? 0) > 0} onOpen={() => open(f)} />
      </Col>
    );
  };

  const exportLedger = async () => {
    setExporting(true);
    try {
      const { from, to } = data ?? query;
      await download(ledgerUrl({ from, to, orgId: query.orgId ?? data?.org.id }));
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
        data
          ? `信访统计 · ${data.org.name}（收件 ${data.from} 至 ${data.to}，统计截至 ${data.asOf}）`
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
      <Space wrap style={{ marginBottom: 8 }}>
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
          // a new period starts from its own default as-of date (its end, or today)
          onChange={(r) =>
            r?.[0] &&
            r[1] &&
            setQuery({ ...query, from: r[0].format(DAY), to: r[1].format(DAY), asOf: undefined })
          }
          aria-label="统计期间"
        />
        <AsOfPicker
          asOf={data?.asOf}
          today={data?.today}
          from={query.from}
          onChange={(asOf) => setQuery({ ...query, asOf })}
        />
        <OrgPicker
          value={query.orgId ?? data?.org.id}
          onChange={(orgId) => setQuery({ ...query, orgId })}
          placeholder="统计单位（含下级）"
          style={{ width: 240 }}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        {data ? `统计截至 ${data.asOf}：` : ''}
        按收件日期统计所选单位及其下级单位的信访件，办理情况为截至日当天结束时的情况（已过去的统计期默认截至期末，可随时重现）；
        数字均为您有权查看的记录数，点击数字查看明细，鼠标移到名称上查看口径。
        {data?.note ? ` ${data.note}。` : ''}
      </Typography.Paragraph>
      {stats.error && <Alert type="error" title={(stats.error as Error).message} />}
      {stats.isLoading && <Spin />}
      {data && byName.get('received')?.value === 0 && (
        <Empty description="统计期内没有登记信访件" style={{ margin: '24px 0' }} />
      )}
      {data && (
        <>
          <Typography.Title level={5}>收件情况</Typography.Title>
          <Row gutter={[12, 12]}>{INTAKE.map(card)}</Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            办理情况
          </Typography.Title>
          <Row gutter={[12, 12]}>{HANDLING.map(card)}</Row>
          <Row gutter={[24, 12]} style={{ marginTop: 16 }}>
            {BREAKDOWNS.map((name) => {
              const f = byName.get(name);
              if (!f) return null;
              return (
                <Col key={name} xs={24} lg={8}>
                  <Typography.Title level={5}>{f.label}</Typography.Title>
                  <GroupTable figure={f} limit={10} onOpen={(g) => open(f, g)} />
                </Col>
              );
            })}
          </Row>
        </>
      )}
      {drill && <FigureRecordsDrawer drill={drill} onClose={() => setDrill(null)} />}
    </Card>
  );
}
