import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Eligibility, fetchEligibility } from './api';

/** 提拔资格: today's answer from the file, or the answer on a date the user picks. */
export function EligibilityPanel(props: { cadreId: number; today: Eligibility }) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const iso = date?.format('YYYY-MM-DD');
  const asked = useQuery({
    queryKey: ['cadre-file', props.cadreId, 'eligibility', iso],
    queryFn: () => fetchEligibility(props.cadreId, iso!),
    enabled: !!iso && iso !== props.today.onDate,
  });
  const shown = iso && iso !== props.today.onDate ? asked.data : props.today;

  return (
    <Card
      size="small"
      title="提拔资格"
      extra={
        <Space className="jd-no-print">
          <label htmlFor="eligibility-date">判断日期</label>
          <DatePicker
            id="eligibility-date"
            value={date ?? dayjs(props.today.onDate)}
            allowClear={false}
            onChange={(d) => setDate(d)}
          />
        </Space>
      }
      loading={asked.isFetching}
    >
      {asked.error && <Alert type="error" showIcon title={(asked.error as Error).message} />}
      {shown && <Verdict e={shown} />}
    </Card>
  );
}

function Verdict({ e }: { e: Eligibility }) {
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        {e.eligible ? (
          <Tag color="success" icon={<CheckCircleFilled />} style={{ fontSize: 14, padding: '2px 10px' }}>
            符合
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled />} style={{ fontSize: 14, padding: '2px 10px' }}>
            暂不符合
          </Tag>
        )}
        <Typography.Text type="secondary">
          截至 {e.onDate}
          {e.current ? `，现任${e.current.title}` : '，无现任职务'}
        </Typography.Text>
      </Space>
      {e.eligible ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          未发现不得提拔的情形（上年度考核、诫勉、组织处理、党纪政务处分、任职年限、试用期）。
        </Typography.Paragraph>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {e.reasons.map((r) => (
            <li key={`${r.code}-${r.rule.key}-${r.since ?? ''}`} style={{ marginBottom: 10 }}>
              <Typography.Text strong>{r.message}</Typography.Text>
              <div style={{ color: 'rgba(0,0,0,.55)', fontSize: 13 }}>
                <Space wrap size={[16, 0]}>
                  <span>
                    依据：{r.rule.name}
                    {r.rule.source ? `（${r.rule.source}）` : ''}
                  </span>
                  <span>
                    解除日期：
                    {r.clearsOn ?? (r.code === 'annual_grade' ? '需新的年度考核结果' : '不随时间解除')}
                  </span>
                </Space>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
