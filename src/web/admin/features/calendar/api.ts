import { api, qs } from '../../shared/api';

export interface CalendarDay {
  day: string;
  /** ordinary: a package holiday or make-up day turned back into an ordinary day. */
  kind: 'holiday' | 'workday' | 'ordinary';
  name: string;
  source: string;
  updatedAt: string;
}

export const KIND_LABELS: Record<CalendarDay['kind'], string> = {
  holiday: '休',
  workday: '班',
  ordinary: '普通日',
};
export const SOURCE_LABELS: Record<string, string> = { 'chinese-days': '节假日数据包', manual: '手工维护' };
export const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export const fetchYear = (year: number) =>
  api<{ year: number; days: CalendarDay[] }>('GET', `/api/v1/calendar${qs({ year })}`);
export const setDay = (day: string, body: { kind: 'holiday' | 'workday'; name: string }) =>
  api<CalendarDay>('PUT', `/api/v1/calendar/${day}`, body);
export const clearDay = (day: string) => api('DELETE', `/api/v1/calendar/${day}`);
export const reseedCalendar = () => api<{ added: number }>('POST', '/api/v1/calendar/reseed');
export const addWorkingDays = (start: string, add: number) =>
  api<{ date: string }>('GET', `/api/v1/calendar/working-days${qs({ start, add })}`);
export const countWorkingDays = (from: string, to: string) =>
  api<{ workingDays: number }>('GET', `/api/v1/calendar/working-days${qs({ from, to })}`);
