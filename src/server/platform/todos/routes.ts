import { z } from 'zod';
import { pageOf } from '../http/pagination.js';
import { type App, actorOf } from '../http/types.js';
import { completeTodo } from './complete-todo.js';
import {
  idParam,
  notificationListQuery,
  notificationOut,
  personalTodoBody,
  todoListQuery,
  todoOut,
  todoSummary,
} from './contract.js';
import { createPersonalTodo } from './create-personal-todo.js';
import { listNotifications } from './list-notifications.js';
import { listTodos } from './list-todos.js';
import { readAllNotifications, readNotification } from './read-notifications.js';
import { summarizeTodos } from './todo-summary.js';

export async function todoRoutes(app: App) {
  const { ctx } = app;
  const tags = ['todos'];
  const ok = z.object({ ok: z.boolean(), count: z.number().optional() });

  app.get(
    '/api/v1/todos',
    {
      schema: { tags, querystring: todoListQuery, response: { 200: pageOf(todoOut) } },
      config: { access: 'todo.read' },
    },
    (req) => listTodos({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/todos',
    {
      schema: { tags, body: personalTodoBody, response: { 200: todoOut } },
      config: { access: 'todo.manage', audit: 'todo.create' },
    },
    (req) => createPersonalTodo({ ctx, actor: actorOf(req), input: req.body }),
  );
  // Every signed-in user has a bell; the to-do counts are zero without todo.read.
  app.get(
    '/api/v1/todos/summary',
    { schema: { tags, response: { 200: todoSummary } }, config: { access: 'authenticated' } },
    (req) => summarizeTodos({ ctx, actor: actorOf(req) }),
  );
  app.post(
    '/api/v1/todos/:id/done',
    {
      schema: { tags, params: idParam, response: { 200: todoOut } },
      config: { access: 'todo.manage', audit: 'todo.done' },
    },
    (req) => completeTodo({ ctx, actor: actorOf(req), id: req.params.id }),
  );

  app.get(
    '/api/v1/notifications',
    {
      schema: { tags, querystring: notificationListQuery, response: { 200: pageOf(notificationOut) } },
      config: { access: 'authenticated' },
    },
    (req) => listNotifications({ ctx, actor: actorOf(req), query: req.query }),
  );
  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: { tags, response: { 200: ok } },
      config: { access: 'authenticated', audit: 'notification.read_all' },
    },
    (req) => readAllNotifications({ ctx, actor: actorOf(req) }),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: { tags, params: idParam, response: { 200: ok } },
      config: { access: 'authenticated', audit: 'notification.read' },
    },
    (req) => readNotification({ ctx, actor: actorOf(req), id: req.params.id }),
  );
}
