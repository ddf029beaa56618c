import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { api, download, qs } from '../../shared/api';
import { OrgPicker } from '../users/OrgPicker';

interface Group {
  key: string;
  label: string;
  count: number;
  share: number;
}
interface Structure {
  org: { id: number; name: string };
  on: string;
  levels: string[];
  total: number;
  headline: { total: number; young: number; collegeOrAbove: number; female: number; partyMember: number };
  distributions: { dimension: string; label: string; groups: Group[] }[];
  trend: {
    year: number;
    total: number;
    young: number;
    collegeOrAbove: number;
    female: number;
    partyMember: number;
  }[];
}

/** One ECharts chart, the library loaded on first use (the dashboard's chunk). */
function EChart({ option, height = 220 }: { option: object; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(option);
  useEffect(() => {
    let dispose = () => {};
    let gone = false;
    import('../dashboard/echarts').then(({ echarts }) => {
      if (gone || !el.current) return;
      const chart = echarts.init(el.current);
      chart.setOption(JSON.parse(key));
      dispose = () => chart.dispose();
    });
    return () => {
      gone = true;
      dispose();
    };
  }, [key]);
  return <div ref={el} style={{ height }} />;
}

/** 素质结构: the cadre force on a day by age, education, gender, ethnicity, political status, years in post. */
export default function StructurePage() {
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [on, setOn] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const query = { orgId, on, level };
  const q = useQuery({
    queryKey: ['assessments', 'structure', query],
    queryFn: () => api<Structure>('GET', `/api/v1/assessments/structure${qs(query)}`),
  });
  const s = q.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          allowClear
          placeholder="单位（默认本单位）"
          style={{ width: 200 }}
          value={orgId}
          onChange={setOrgId}
        />
        <DatePicker
          placeholder="统计日期（默认今天）"
          value={on ? dayjs(on) : null}
          onChange={(d) => setOn(d ? d.format('YYYY-MM-DD') : undefined)}
        />
        <Select
          allowClear
          placeholder="职务层次"
          style={{ width: 160 }}
          value={level}
          onChange={setLevel}
          options={(s?.levels ?? []).map((l) => ({ value: l, label: l }))}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/api/v1/assessments/structure.xlsx${qs(query)}`).catch((e) => message.error(e.message))
          }
        >
          导出
        </Button>
      </Space>
      {s && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="structure-headline">
            <Space size="large" wrap>
              <Statistic title={`${s.org.name}（${s.on}）`} value={s.total} suffix="人" />
              <Statistic title="35岁及以下" value={s.headline.young} suffix="%" />
              <Statistic title="大专及以上学历" value={s.headline.collegeOrAbove} suffix="%" />
              <Statistic title="女性" value={s.headline.female} suffix="%" />
              <Statistic title="中共党员" value={s.headline.partyMember} suffix="%" />
            </Space>
          </Card>
          <Row gutter={[16, 16]}>
            {s.distributions.map((d) => (
              <Col key={d.dimension} xs={24} md={12} xl={8}>
                <Card size="small" title={d.label}>
                  <EChart
                    option={{
                      animation: false,
                      tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
                      series: [
                        {
                          type: 'pie',
                          radius: ['35%', '65%'],
                          data: d.groups.map((g) => ({ name: g.label, value: g.count })),
                        },
                      ],
                    }}
                  />
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={d.groups}
                    columns={[
                      { title: '分组', dataIndex: 'label' },
                      { title: '人数', dataIndex: 'count' },
                      { title: '占比', dataIndex: 'share', render: (v) => `${v}%` },
                    ]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="历年变化" style={{ marginTop: 16 }}>
            <EChart
              height={260}
              option={{
                animation: false,
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                xAxis: { type: 'category', data: s.trend.map((y) => String(y.year)) },
                yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
                series: [
                  ['35岁及以下', 'young'],
                  ['大专及以上', 'collegeOrAbove'],
                  ['女性', 'female'],
                  ['中共党员', 'partyMember'],
                ].map(([name, key]) => ({
                  name,
                  type: 'line',
                  data: s.trend.map((y) => y[key as 'young']),
                })),
              }}
            />
          </Card>
        </>
      )}
    </>
  );
}
