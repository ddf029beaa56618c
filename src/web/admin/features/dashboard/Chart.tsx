import { Empty, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DashboardChart } from './api';

type Kind = 'line' | 'bar' | 'pie';
type BarLayout = {
  getModel(): {
    getSeriesByIndex(s: number): {
      getData(): { getItemLayout(i: number): { x: number; y: number; width: number; height: number } };
    };
  };
};

/**
 * A chart of one or more figures over the same points (months, child orgs) or one figure's groups
 * (a pie). ECharts is loaded on first use (its own chunk). A click on a point, bar or slice opens
 * the records behind exactly it. The container carries `data-point-at`, a way for the browser test
 * to find where a point was drawn.
 */
export function Chart(props: {
  kind: Kind;
  charts: DashboardChart[];
  height?: number;
  label: string;
  onOpen: (chart: DashboardChart, point: DashboardChart['points'][number]) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const { kind, charts, onOpen } = props;
  const empty = charts.every((c) => c.points.every((p) => p.value === 0));

  useEffect(() => {
    if (!el.current || empty) return;
    let disposed = false;
    let dispose = () => {};
    import('./echarts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const chart = echarts.init(el.current);
      const first = charts[0];
      const unit = first?.unit ?? '';
      chart.setOption(
        kind === 'pie'
          ? {
              animation: false,
              tooltip: { trigger: 'item', formatter: `{b}：{c}${unit}（{d}%）` },
              series: [
                {
                  type: 'pie',
                  radius: ['35%', '65%'],
                  data: first.points.map((p) => ({ name: p.label, value: p.value })),
                  label: { formatter: '{b} {c}' },
                },
              ],
            }
          : {
              animation: false,
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 40, right: 16, top: 32, bottom: 48 },
              xAxis: {
                type: 'category',
                data: first.points.map((p) => p.label),
                axisLabel: { interval: 0, rotate: first.points.length > 6 ? 30 : 0 },
              },
              yAxis: { type: 'value', minInterval: 1 },
              series: charts.map((c) => ({
                name: `${c.label}（${c.unit}）`,
                type: kind,
                data: c.points.map((p) => p.value),
                ...(kind === 'line' ? { symbolSize: 8 } : { barMaxWidth: 32 }),
              })),
            },
      );
      chart.on('click', (e: { seriesIndex?: number; dataIndex: number }) => {
        const c = kind === 'pie' ? charts[0] : charts[e.seriesIndex ?? 0];
        const p = c?.points[e.dataIndex];
        if (c && p) onOpen(c, p);
      });
      const node = el.current as HTMLDivElement & { pointAt?: (s: number, i: number) => number[] };
      // where series s, point i was drawn (pixels inside the container): for the browser test
      node.pointAt = (s, i) => {
        if (kind === 'pie') return [el.current!.clientWidth / 2, el.current!.clientHeight / 2];
        if (kind === 'bar') {
          // the bar as drawn (a series' bar sits beside the others of its category)
          const layout = (chart as unknown as BarLayout)
            .getModel()
            .getSeriesByIndex(s)
            .getData()
            .getItemLayout(i);
          return [layout.x + layout.width / 2, layout.y + layout.height / 2];
        }
        return chart.convertToPixel({ seriesIndex: s }, [i, charts[s].points[i].value]) as number[];
      };
      const resize = () => chart.resize();
      window.addEventListener('resize', resize);
      setReady(true);
      dispose = () => {
        window.removeEventListener('resize', resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [kind, charts, onOpen, empty]);

  if (empty) return <Empty description="统计期内没有数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div style={{ position: 'relative' }}>
      {!ready && <Spin style={{ position: 'absolute', left: '50%', top: '40%' }} />}
      <div
        ref={el}
        role="img"
        aria-label={props.label}
        data-chart={charts.map((c) => c.figure).join(',')}
        data-by={charts[0]?.by}
        style={{ width: '100%', height: props.height ?? 260 }}
      />
    </div>
  );
}
