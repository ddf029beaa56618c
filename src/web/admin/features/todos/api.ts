import { api, type Page, qs } from '../../shared/api';

export interface Todo {
  id: number;
  title: string;
  recordType: string;
  recordId: string;
  link: string | null;
  orgId: number;
  orgName: string | null;
  assigneeUserId: number | null;
  assigneeRole: string | null;
  /** The due date in China, shown as it is: no time of day, no time zone. */
  dueOn: string | null;
  kind: 'step' | 'personal';
  status: string;
  createdAt: string;
  doneAt: string | null;
  dueState: 'overdue' | 'soon' | 'normal' | 'none';
  overdueDays: number;
}

export interface TodoSummary {
  open: number;
  dueSoon: number;
  overdue: number;
  unreadNotifications: number;
}

export interface Notification {
  id: number;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const fetchTodos = (p: {
  status: 'open' | 'done';
  overdue?: boolean;
  page: number;
  pageSize: number;
}) => api<Page<Todo>>('GET', `/api/v1/todos${qs(p)}`);
export const fetchTodoSummary = () => api<TodoSummary>('GET', '/api/v1/todos/summary');
export const completeTodo = (id: number) => api<Todo>('POST', `/api/v1/todos/${id}/done`);
export const createPersonalTodo = (body: { title: string; dueOn: string | null }) =>
  api<Todo>('POST', '/api/v1/todos', body);

export const fetchNotifications = (p: { unread?: boolean; page: number; pageSize: number }) =>
  api<Page<Notification>>('GET', `/api/v1/notifications${qs(p)}`);
export const readNotification = (id: number) => api('POST', `/api/v1/notifications/${id}/read`);
export const readAllNotifications = () => api('POST', '/api/v1/notifications/read-all');

/** Every query of this feature starts with this key, so one invalidation refreshes the bell and the page. */
export const TODO_KEYS = { all: ['todos'] as const };
