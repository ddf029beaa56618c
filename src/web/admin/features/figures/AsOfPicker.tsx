import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const DAY = 'YYYY-MM-DD';

/**
 * 统计截至: the as-of date of a figures page. It shows the date the answer states, offers no day
 * after today nor before the period starts, and hands the chosen day back as YYYY-MM-DD.
 */
export function AsOfPicker(props: {
  asOf: string | undefined;
  today: string | undefined;
  from: string | undefined;
  onChange: (asOf: string) => void;
}) {
  const { asOf, today, from, onChange } = props;
  return (
    <DatePicker
      value={asOf ? dayjs(asOf) : null}
      allowClear={false}
      disabledDate={(d) =>
        (today ? d.isAfter(dayjs(today), 'day') : false) || (from ? d.isBefore(dayjs(from), 'day') : false)
      }
      onChange={(d) => d && onChange(d.format(DAY))}
      prefix="统计截至"
      aria-label="统计截至日期"
    />
  );
}
