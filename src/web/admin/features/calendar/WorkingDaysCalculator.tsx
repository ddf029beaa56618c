import { Button, DatePicker, InputNumber, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { addWorkingDays, countWorkingDays } from './api';

/** "N working days after a date" and "working days between two dates", on the calendar as edited. */
export function WorkingDaysCalculator() {
  const [start, setStart] = useState<Dayjs | null>(null);
  const [n, setN] = useState<number | null>(15);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [answer, setAnswer] = useState('');
  const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
  const ask = async (fn: () => Promise<string>) => setAnswer(await fn().catch((e: Error) => e.message));

  return (
    <Space orientation="vertical">
      <Space wrap>
        <DatePicker value={start} onChange={setStart} placeholder="起算日期" />
        <span>后第</span>
        <InputNumber min={0} max={1000} value={n} onChange={setN} style={{ width: 80 }} />
        <span>个工作日</span>
        <Button
          disabled={!start || n == null}
          onClick={() => ask(async () => `截止日期：${(await addWorkingDays(fmt(start!), n!)).date}`)}
        >
          推算
        </Button>
      </Space>
      <Space wrap>
        <DatePicker.RangePicker value={range} onChange={(r) => setRange(r)} />
        <Button
          disabled={!range?.[0] || !range?.[1]}
          onClick={() =>
            ask(
              async () =>
                `相隔 ${(await countWorkingDays(fmt(range![0]!), fmt(range![1]!))).workingDays} 个工作日（不含起始日）`,
            )
          }
        >
          计算
        </Button>
      </Space>
      {answer && <Typography.Text strong>{answer}</Typography.Text>}
    </Space>
  );
}
