import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date picker whose value is the ISO string the API speaks (YYYY-MM-DD), or null. */
export function DateInput(props: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
}) {
  return (
    <DatePicker
      id={props.id}
      value={props.value ? dayjs(props.value) : null}
      onChange={(d) => props.onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      placeholder={props.placeholder ?? '选择日期'}
      disabled={props.disabled}
      style={props.style ?? { width: '100%' }}
    />
  );
}
