import { DownloadOutlined, PrinterOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { download } from '../../shared/api';
import { AsOfPicker } from '../figures/AsOfPicker';
import type { Figure, FigureDrill, FigureQuery } from '../figures/api';
import { FigureCard } from '../figures/FigureCard';
import { FigureRecordsDrawer } from '../figures/FigureRecordsDrawer';
import { OrgPicker } from '../users/OrgPicker';
import { type Dashboard, type DashboardChart, dashboardWorkbookUrl, fetchDashboard } from './api';
import { Chart } from './Chart';

const DAY = 'YYYY-MM-DD';
type Period = 'year' | 'lastYear' | 'quarter' | 'custom';

const yearOf = (offset: number) => {
  const y = dayjs().add(offset, 'year');
  return { from: y.startOf('year').format(DAY), to: y.endOf('year').format(DAY) };
};
const quarterOf = (q: number) => {
  const start = dayjs()
    .startOf('year')
    .add((q - 1) * 3, 'month');
  return { from: start.format(DAY), to: start.add(2, 'month').endOf('month').format(DAY) };
};
const currentQuarter = () => Math.floor(dayjs().month() / 3) + 1;

/** Hides the shell and the controls on paper: the printable dashboard is the figures and charts. */
const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; }
  .ant-layout-content { margin: 0 !important; padding: 0 !important; }
  .dashboard-module { break-inside: avoid; }
}`;

/**
 * 领导驾驶舱: for an org subtree in scope, a period and an as-of date, each module's figures as cards
 * (definition on hover) and charts — monthly trend, by child org, by category — each opening the
 * records behind exactly what was clicked; the to-dos late across the subtree; the modules' panels.
 * Exported as a workbook, or printed.
 */
export default function DashboardPage() {
  const { message } = App.useApp();
  const [period, setPeriod] = useState<Period>('year');
  const [quarter, setQuarter] = useState(currentQuarter);
  const [query, setQuery] = useState<FigureQuery>(() => yearOf(0));
  const [drill, setDrill] = useState<FigureDrill | null>(null);
  const [exporting, setExporting] = useState(false);
  const q = useQuery({ queryKey: ['dashboard', query], queryFn: () => fetchDashboard(query) });
  const data = q.data;
  // a drill-down asks exactly what the dashboard counted
  const counted = useMemo<FigureQuery | null>(
    () => (data ? { orgId: data.org.id, from: data.from, to: data.to, asOf: data.asOf } : null),
    [data],
  );

  const choose = (p: Period, qn = quarter) => {
    setPeriod(p);
    // a new period starts from its own default as-of date (its end, or today)
    if (p === 'year') setQuery({ ...query, ...yearOf(0), asOf: undefined });
    if (p === 'lastYear') setQuery({ ...query, ...yearOf(-1), asOf: undefined });
    if (p === 'quarter') setQuery({ ...query, ...quarterOf(qn), asOf: undefined });
  };

  const openFigure = (f: Figure, all: Figure[]) => {
    if (!counted) return;
    if (f.ratio) {
      const part = all.find((x) => x.key === f.ratio!.numerator);
      setDrill({ key: f.ratio.numerator, title: `${part?.label ?? ''}（${f.label}的分子）`, query: counted });
      return;
    }
    setDrill({ key: f.key, title: f.label, query: counted });
  };
  const openPoint = useCallback(
    (c: DashboardChart, p: DashboardChart['points'][number]) => {
      if (!counted) return;
      const title = `${c.label} · ${p.label}`;
      if (c.by === 'group') setDrill({ key: c.figure, group: p.key, title, query: counted });
      else setDrill({ key: c.figure, breakdown: c.by, slice: p.key, title, query: counted });
    },
    [counted],
  );

  const exportWorkbook = async () => {
    if (!counted) return;
    setExporting(true);
    try {
      await download(dashboardWorkbookUrl(counted));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Card
        size="small"
        title={data ? `领导驾驶舱 · ${data.org.name}` : '领导驾驶舱'}
        extra={
          <Space className="no-print">
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!data} onClick={exportWorkbook}>
              导出 Excel
            </Button>
            <Button icon={<PrinterOutlined />} disabled={!data} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      >
        <Space wrap className="no-print" style={{ marginBottom: 8 }}>
          <OrgPicker
            value={query.orgId ?? data?.org.id}
            onChange={(orgId) => orgId && setQuery({ ...query, orgId })}
            placeholder="统计单位（含下级）"
            style={{ width: 220 }}
          />
          <Segmented<Period>
            value={period}
            onChange={(p) => choose(p)}
            options={[
              { label: '本年', value: 'year' },
              { label: '上年', value: 'lastYear' },
              { label: '季度', value: 'quarter' },
              { label: '自定义', value: 'custom' },
            ]}
            aria-label="统计期间"
          />
          {period === 'quarter' && (
            <Select
              value={quarter}
              style={{ width: 110 }}
              aria-label="季度"
              onChange={(qn) => {
                setQuarter(qn);
                choose('quarter', qn);
              }}
              options={[1, 2, 3, 4].map((n) => ({ value: n, label: `${dayjs().year()}年第${n}季度` }))}
            />
          )}
          {period === 'custom' && (
            <DatePicker.RangePicker
              value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
              allowClear={false}
              onChange={(r) =>
                r?.[0] &&
                r[1] &&
                setQuery({ ...query, from: r[0].format(DAY), to: r[1].format(DAY), asOf: undefined })
              }
              aria-label="自定义统计期间"
            />
          )}
          <AsOfPicker
            asOf={data?.asOf}
            today={data?.today}
            from={query.from}
            onChange={(asOf) => setQuery({ ...query, asOf })}
          />
        </Space>
        {data && (
          <Typography.Paragraph type="secondary">
            {data.org.name}（含下级）· 统计期 {data.from} 至 {data.to} · 统计截至 {data.asOf}
            。数字均为您有权查看的记录数，点击卡片、柱、折线点或扇区查看对应明细；鼠标移到指标名称上查看口径。
            {data.note ? ` ${data.note}。` : ''}
          </Typography.Paragraph>
        )}
        {q.error && <Alert type="error" title={(q.error as Error).message} />}
        {q.isLoading && <Spin />}
      </Card>
      {data && data.modules.length === 0 && data.panels.length === 0 && (
        <Card size="small" style={{ marginTop: 12 }}>
          <Empty description="没有您可以查看的统计指标" />
        </Card>
      )}
      {data?.modules.map((m) => (
        <ModuleSection
          key={m.module}
          module={m}
          onFigure={(f) => openFigure(f, m.cards)}
          onPoint={openPoint}
        />
      ))}
      {data && <TodoSection todos={data.todos} onPoint={openPoint} />}
      {data?.panels.map((p) => (
        <Card
          key={p.key}
          size="small"
          className="dashboard-module"
          style={{ marginTop: 12 }}
          title={
            <Tooltip title={p.definition}>
              <span>
                {p.label}：{p.value}
                {p.unit} <QuestionCircleOutlined />
              </span>
            </Tooltip>
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.items}
            locale={{ emptyText: <Empty description="暂无" /> }}
            columns={p.columns.map((c, i) => ({
              title: c.label,
              key: c.key,
              render: (_: unknown, r: (typeof p.items)[number]) =>
                i === 0 ? (
                  <Link to={r.link}>{String(r.cells[c.key] ?? r.label)}</Link>
                ) : (
                  String(r.cells[c.key] ?? '')
                ),
            }))}
          />
        </Card>
      ))}
      {drill && <FigureRecordsDrawer drill={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}

function ModuleSection(props: {
  module: Dashboard['modules'][number];
  onFigure: (f: Figure) => void;
  onPoint: (c: DashboardChart, p: DashboardChart['points'][number]) => void;
}) {
  const m = props.module;
  return (
    <Card size="small" className="dashboard-module" title={m.label} style={{ marginTop: 12 }}>
      <Row gutter={[12, 12]}>
        {m.cards.map((f) => (
          <Col key={f.key} xs={12} sm={8} md={6} xl={4}>
            <FigureCard
              figure={f}
              danger={f.key.endsWith('overdue') && (f.value ?? 0) > 0}
              onOpen={() => props.onFigure(f)}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 12 }}>
        {m.trends.length > 0 && (
          <Col xs={24} xl={12}>
            <Typography.Text strong>按月趋势</Typography.Text>
            <Chart kind="line" charts={m.trends} label={`${m.label}按月趋势`} onOpen={props.onPoint} />
          </Col>
        )}
        {m.byOrg.length > 0 && (
          <Col xs={24} xl={12}>
            <Typography.Text strong>按单位</Typography.Text>
            <Chart kind="bar" charts={m.byOrg} label={`${m.label}按单位`} onOpen={props.onPoint} />
          </Col>
        )}
        {m.categories.map((c) => (
          <Col key={c.figure} xs={24} md={12} xl={8}>
            <Tooltip title={c.definition}>
              <Typography.Text strong>
                {c.label}（按{c.dimension}）
              </Typography.Text>
            </Tooltip>
            <Chart kind="pie" charts={[c]} label={`${c.label}按${c.dimension}`} onOpen={props.onPoint} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function TodoSection(props: {
  todos: Dashboard['todos'];
  onPoint: (c: DashboardChart, p: DashboardChart['points'][number]) => void;
}) {
  const t = props.todos;
  return (
    <Card
      size="small"
      className="dashboard-module"
      style={{ marginTop: 12 }}
      title={`待办与超期（截至今天 ${t.today}）`}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title="在办待办" value={t.open} suffix="件" />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title="其中超期"
            value={t.overdue}
            suffix="件"
            styles={t.overdue ? { content: { color: '#cf1322' } } : undefined}
          />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text strong>超期待办按单位</Typography.Text>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={t.byOrg}
            locale={{ emptyText: '暂无' }}
            columns={[
              { title: '单位', dataIndex: 'label' },
              { title: '在办', dataIndex: 'open', width: 70 },
              { title: '超期', dataIndex: 'overdue', width: 70 },
            ]}
          />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text strong>超期待办按办理人</Typography.Text>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={t.byPerson}
            locale={{ emptyText: '没有超期待办' }}
            columns={[
              { title: '办理人', dataIndex: 'label' },
              { title: '超期', dataIndex: 'overdue', width: 70 },
            ]}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        谁在哪件事上超期
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={t.late}
        pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 件（最多列出 50 件，超期最久的在前）` }}
        locale={{ emptyText: <Empty description="没有超期待办" /> }}
        columns={[
          {
            title: '事项',
            dataIndex: 'title',
            render: (v: string, r) => (r.link ? <Link to={r.link}>{v}</Link> : v),
          },
          { title: '单位', dataIndex: 'orgName', width: 120 },
          { title: '办理人', dataIndex: 'assignee', width: 160 },
          { title: '截止日期', dataIndex: 'dueOn', width: 110 },
          { title: '超期天数', dataIndex: 'overdueDays', width: 90 },
        ]}
      />
    </Card>
  );
}
