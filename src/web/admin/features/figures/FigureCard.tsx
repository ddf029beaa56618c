import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Statistic, Tooltip } from 'antd';
import { type Figure, shownValue } from './api';

/**
 * A figure as a card: its value and unit, its definition on hover, a click opens the records behind
 * it (a ratio opens its numerator's).
 */
export function FigureCard(props: { figure: Figure; danger?: boolean; onOpen: () => void }) {
  const f = props.figure;
  const parts = f.ratio ? `。本期：${f.ratio.numeratorValue} ÷ ${f.ratio.denominatorValue}` : '';
  const value = shownValue(f);
  return (
    <Card
      size="small"
      hoverable
      onClick={props.onOpen}
      role="button"
      aria-label={`${f.label}：${value}${f.value === null ? '' : f.unit}，点击查看明细`}
      tabIndex={0}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && props.onOpen()}
    >
      <Statistic
        title={
          <Tooltip title={`${f.definition}${parts}`}>
            <span>
              {f.label} <QuestionCircleOutlined aria-label={`${f.label}的定义`} />
            </span>
          </Tooltip>
        }
        value={value}
        suffix={f.value === null ? undefined : f.unit}
        styles={props.danger ? { content: { color: '#cf1322' } } : undefined}
      />
    </Card>
  );
}
