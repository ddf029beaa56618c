import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { CONCLUSION_RATE_HINT, STAT_METRICS, type StatMetric } from '../../../../domain/petition-stats';
import type { Drill, PetitionStats } from './api';

export type OnDrill = (drill: Drill, title: string) => void;

const INTAKE: StatMetric[] = [
  'received',
  'letter',
  'visit',
  'phone',
  'online',
  'assigned',
  'assignedOnTime',
  'transferred',
];
const UNIT: Partial<Record<StatMetric, string>> = { reports: '份', opinions: '条' };
const HANDLING: StatMetric[] = ['accepted', 'declined', 'concluded', 'reports', 'opinions', 'overdue'];

function StatCard(props: {
  title: string;
  hint: string;
  value: number | string;
  suffix?: ReactNode;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <Card
      size="small"
      hoverable
      onClick={props.onClick}
      role="button"
      aria-label={`${props.title}：${props.value}，点击查看明细`}
      tabIndex={0}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && props.onClick()}
    >
      <Statistic
        title={
          <span>
            {props.title}{' '}
            <Tooltip title={props.hint}>
              <QuestionCircleOutlined />
            </Tooltip>
          </span>
        }
        value={props.value}
        suffix={props.suffix}
        styles={props.danger ? { content: { color: '#cf1322' } } : undefined}
      />
    </Card>
  );
}

/** The figures as cards: click one to open the records behind it. */
export function StatCards({ stats, onDrill }: { stats: PetitionStats; onDrill: OnDrill }) {
  const card = (m: StatMetric) => {
    const f = stats.figures[m];
    const { label, hint } = STAT_METRICS[m];
    return (
      <Col key={m} xs={12} sm={8} md={6} xl={4}>
        <StatCard
          title={label}
          hint={hint}
          value={f.value}
          danger={m === 'overdue' && f.value > 0}
          suffix={m === 'visit' ? `批 · ${stats.visitors.value} 人` : (UNIT[m] ?? '件')}
          onClick={() => onDrill(f.drill, label)}
        />
      </Col>
    );
  };
  const rate = stats.conclusionRate;
  return (
    <>
      <Typography.Title level={5}>收件情况</Typography.Title>
      <Row gutter={[12, 12]}>{INTAKE.map(card)}</Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        办理情况
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {HANDLING.slice(0, 3).map(card)}
        <Col xs={12} sm={8} md={6} xl={4}>
          <StatCard
            title="办结率"
            hint={`${CONCLUSION_RATE_HINT}。本期：办结 ${rate.concluded} 件 ÷ 受理 ${rate.accepted} 件`}
            value={rate.value === null ? '—' : rate.value.toFixed(1)}
            suffix={rate.value === null ? undefined : '%'}
            onClick={() => onDrill(rate.drill, '办结')}
          />
        </Col>
        {HANDLING.slice(3).map(card)}
      </Row>
    </>
  );
}
