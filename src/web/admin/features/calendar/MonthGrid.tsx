import dayjs from 'dayjs';
import type { CalendarDay } from './api';

const HEAD = ['一', '二', '三', '四', '五', '六', '日'];
const cell = {
  width: 30,
  height: 30,
  textAlign: 'center' as const,
  fontSize: 12,
  lineHeight: '15px',
  borderRadius: 3,
};

/** One month, Monday first; holidays marked 休 in red, make-up working days 班 in blue, weekends grey. */
export function MonthGrid(props: {
  year: number;
  month: number; // 1–12
  days: Map<string, CalendarDay>;
  onPick?: (day: string) => void;
}) {
  const first = dayjs(`${props.year}-${String(props.month).padStart(2, '0')}-01`);
  const blanks = (first.day() + 6) % 7;
  const dates = Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day'));
  return (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{props.month} 月</div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 30px)', gap: 2 }}>
        {HEAD.map((h) => (
          <div key={h} style={{ ...cell, height: 18, color: '#999' }}>
            {h}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed leading blanks
          <div key={`b${i}`} />
        ))}
        {dates.map((d) => {
          const iso = d.format('YYYY-MM-DD');
          const ex = props.days.get(iso);
          const weekend = d.day() === 0 || d.day() === 6;
          const kind = ex?.kind === 'ordinary' ? undefined : ex?.kind;
          const style = {
            ...cell,
            cursor: props.onPick ? 'pointer' : 'default',
            border: 'none',
            padding: 0,
            font: 'inherit',
            color:
              kind === 'holiday' ? '#cf1322' : kind === 'workday' ? '#0958d9' : weekend ? '#aaa' : '#333',
            background: kind === 'holiday' ? '#fff1f0' : kind === 'workday' ? '#e6f4ff' : 'transparent',
          };
          return (
            <button
              type="button"
              key={iso}
              title={ex ? `${iso} ${ex.name}` : iso}
              style={style}
              disabled={!props.onPick}
              onClick={() => props.onPick?.(iso)}
            >
              {d.date()}
              <div style={{ fontSize: 10 }}>
                {kind === 'holiday' ? '休' : kind === 'workday' ? '班' : '\u00a0'}
              </div>
            </button>
          );
        })}
      </div>
    </div>
  );
}
