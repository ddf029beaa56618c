import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Eligibility, fetchEligibility } from './api';

/** The posts one may be considered for, as "level:principal". */
const TARGETS = [
  { value: 'middle_deputy:false', label: '中层副职' },
  { value: 'middle_principal:true', label: '中层正职' },
  { value: 'fuke:false', label: '副科副职' },
  { value: 'fuke:true', label: '副科正职' },
  { value: 'zhengke:false', label: '正科副职' },
  { value: 'zhengke:true', label: '正科正职' },
];

/** 提拔资格: today's answer from the file, or the answer on a date and for a post the user picks. */
export function EligibilityPanel(props: { cadreId: number; today: Eligibility }) {
  const [date, setDate] = useState<Dayjs | null>(null);
  const [target, setTarget] = useState<string | undefined>();
  const iso = date?.format('YYYY-MM-DD') ?? props.today.onDate;
  const custom = iso !== props.today.onDate || !!target;
  const asked = useQuery({
    queryKey: ['cadre-file', props.cadreId, 'eligibility', iso, target],
    queryFn: () => fetchEligibility(props.cadreId, iso, target),
    enabled: custom,
  });
  const shown = custom ? asked.data : props.today;

  return (
    <Card
      size="small"
      title="提拔资格"
      extra={
        <Space className="jd-no-print" wrap>
          <label htmlFor="eligibility-target">拟任职务层次</label>
          <Select
            id="eligibility-target"
            style={{ width: 130 }}
            placeholder="按现任推定"
            allowClear
            options={TARGETS}
            value={target}
            onChange={setTarget}
          />
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

const VERDICTS = {
  eligible: { color: 'success', icon: <CheckCircleFilled />, text: '符合' },
  blocked: { color: 'error', icon: <CloseCircleFilled />, text: '暂不符合' },
  undetermined: { color: 'warning', icon: <QuestionCircleFilled />, text: '无法判断' },
} as const;

/** The verdict with its reasons and missing facts, as the file shows it (reused by the selection case). */
export function Verdict({ e }: { e: Eligibility }) {
  const v = VERDICTS[e.verdict];
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Tag color={v.color} icon={v.icon} style={{ fontSize: 14, padding: '2px 10px' }}>
          {v.text}
        </Tag>
        <Typography.Text type="secondary">
          截至 {e.onDate}
          {e.current ? `，现任${e.current.title}` : '，无现任职务'}
        </Typography.Text>
      </Space>
      {e.verdict === 'eligible' && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          各项规则均已核对，未发现不得提拔的情形（上年度考核、诫勉、组织处理、党纪政务处分、任职年限、试用期）。
        </Typography.Paragraph>
      )}
      {e.reasons.length > 0 && (
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
      {e.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: e.reasons.length ? 8 : 0 }}
          title={e.reasons.length ? '另有以下情况无法核对' : '缺少判断所需的信息，以下规则未能核对'}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {e.missing.map((m) => (
                <li key={m.code}>{m.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
