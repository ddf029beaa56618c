import { InputNumber, Radio, Select } from 'antd';
import { RULE_UNITS } from '../../../../domain/rule-values';

/** The editor that suits a rule's unit: a number with its bounds, yes/no, or a list of words. */
export function RuleValueInput(props: { unit: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const { unit, value, onChange } = props;
  if (unit === 'boolean') {
    return (
      <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value)}>
        <Radio value={true}>是</Radio>
        <Radio value={false}>否</Radio>
      </Radio.Group>
    );
  }
  if (unit === 'list') {
    return (
      <Select
        mode="tags"
        value={value as string[]}
        onChange={onChange}
        placeholder="输入后回车添加"
        open={false}
        style={{ width: '100%' }}
      />
    );
  }
  const bounds = unit === 'percent' ? { max: 100 } : unit === 'ratio' ? { max: 1, step: 0.01 } : {};
  const whole = !['percent', 'ratio', 'years'].includes(unit);
  return (
    <InputNumber
      min={0}
      {...bounds}
      precision={whole ? 0 : undefined}
      step={unit === 'years' ? 0.5 : undefined}
      value={value as number}
      onChange={onChange}
      suffix={unit === 'percent' ? '%' : RULE_UNITS[unit] || undefined}
      style={{ width: 200 }}
    />
  );
}
