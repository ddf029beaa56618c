import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, InputNumber, Popconfirm, Row, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useCan } from '../../shared/me';
import { type CalendarDay, fetchYear, KIND_LABELS, reseedCalendar, SOURCE_LABELS, WEEKDAYS } from './api';
import { DayEditor } from './DayEditor';
import { MonthGrid } from './MonthGrid';
import { WorkingDaysCalculator } from './WorkingDaysCalculator';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const KIND_COLORS: Record<string, string> = { holiday: 'red', workday: 'blue', ordinary: 'default' };

export default function CalendarPage() {
  const can = useCan();
  const manage = can('calendar.manage');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [editing, setEditing] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['calendar', year], queryFn: () => fetchYear(year) });
  const byDay = useMemo(() => new Map((q.data?.days ?? []).map((d) => [d.day, d])), [q.data]);
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  const reseed = useMutation({
    mutationFn: reseedCalendar,
    onSuccess: (r) => {
      message.success(r.added ? `已补充 ${r.added} 天` : '没有需要补充的日期');
      refresh();
    },
    onError: (e) => message.error(e.message),
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <Space>
            工作日历
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} suffix="年" />
          </Space>
        }
        extra={
          manage && (
            <Popconfirm
              title="从节假日数据包补充缺少的日期？"
              description="只补充表中没有的日期，已手工修改的日期不会被覆盖。"
              onConfirm={() => reseed.mutate()}
            >
              <Button loading={reseed.isPending}>补充节假日数据</Button>
            </Popconfirm>
          )
        }
        loading={q.isLoading}
      >
        <Row gutter={[24, 16]}>
          {MONTHS.map((m) => (
            <Col key={m}>
              <MonthGrid year={year} month={m} days={byDay} onPick={manage ? setEditing : undefined} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title={`${year} 年节假日与调休`}>
            <Table<CalendarDay>
              rowKey="day"
              size="small"
              dataSource={q.data?.days}
              pagination={false}
              scroll={{ y: 360 }}
              locale={{ emptyText: '该年份还没有节假日安排（通常于上一年 11 月公布）' }}
              columns={[
                { title: '日期', dataIndex: 'day', width: 110 },
                { title: '星期', width: 60, render: (_, d) => WEEKDAYS[dayjs(d.day).day()] },
                {
                  title: '类型',
                  dataIndex: 'kind',
                  width: 80,
                  render: (k: CalendarDay['kind']) => <Tag color={KIND_COLORS[k]}>{KIND_LABELS[k]}</Tag>,
                },
                { title: '名称', dataIndex: 'name' },
                { title: '来源', dataIndex: 'source', width: 110, render: (s) => SOURCE_LABELS[s] ?? s },
                ...(manage
                  ? [
                      {
                        title: '操作',
                        width: 70,
                        render: (_: unknown, d: CalendarDay) => (
                          <Button type="link" size="small" onClick={() => setEditing(d.day)}>
                            修改
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="工作日计算">
            <WorkingDaysCalculator />
          </Card>
        </Col>
      </Row>
      {editing && (
        <DayEditor
          day={editing}
          current={byDay.get(editing)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </Space>
  );
}
