import { Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { ROUNDING_VALUES, RULE_UNITS } from '../../../../domain/rule-values';

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
  // the ladder, the delegated-authority table and the score weights are edited as JSON; the server checks them
  if (unit === 'ladder' || unit === 'authority' || unit === 'weights')
    return <LadderInput value={value} onChange={onChange} />;
  if (unit === 'rounding')
    return (
      <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value)}>
        {Object.entries(ROUNDING_VALUES).map(([code, label]) => (
          <Radio key={code} value={code}>
            {label}
          </Radio>
        ))}
      </Radio.Group>
    );
  const bounds =
    unit === 'percent'
      ? { max: 100 }
      : unit === 'ratio'
        ? { max: 1, step: 0.01 }
        : unit === 'to_one'
          ? { min: 1, max: 10, step: 0.1 }
          : {};
  const whole = !['percent', 'ratio', 'years', 'to_one'].includes(unit);
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

/** 工作失误处理档次: edited as JSON (类别编码 → light/serious/grave → 处理种类编码); the server checks it. */
function LadderInput(props: { value?: unknown; onChange?: (v: unknown) => void }) {
  const [text, setText] = useState(() => JSON.stringify(props.value ?? {}, null, 2));
  return (
    <Input.TextArea
      rows={10}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        try {
          props.onChange?.(JSON.parse(e.target.value));
        } catch {
          props.onChange?.(e.target.value);
        }
      }}
      style={{ fontFamily: 'monospace' }}
    />
  );
}
