import { type App, actorOf } from '../http/types.js';
import { clearDay } from './clear-day.js';
import {
  calendarDayOut,
  dayBody,
  dayParam,
  workingDaysOut,
  workingDaysQuery,
  yearOut,
  yearQuery,
} from './contract.js';
import { listYear } from './list-year.js';
import { reseedCalendar } from './reseed.js';
import { setDay } from './set-day.js';
import { workingDays } from './working-days.js';

export async function calendarRoutes(app: App) {
  const { ctx } = app;
  const tags = ['calendar'];

  app.get(
    '/api/v1/calendar',
    {
      schema: { tags, querystring: yearQuery, response: { 200: yearOut } },
      config: { access: 'calendar.read' },
    },
    (req) => listYear({ ctx, year: req.query.year }),
  );
  app.get(
    '/api/v1/calendar/working-days',
    {
      schema: { tags, querystring: workingDaysQuery, response: { 200: workingDaysOut } },
      config: { access: 'calendar.read' },
    },
    (req) => workingDays({ ctx, query: req.query }),
  );
  app.put(
    '/api/v1/calendar/:day',
    {
      schema: { tags, params: dayParam, body: dayBody, response: { 200: calendarDayOut } },
      config: { access: 'calendar.manage', audit: 'calendar.set_day' },
    },
    (req) => setDay({ ctx, actor: actorOf(req), day: req.params.day, input: req.body }),
  );
  app.delete(
    '/api/v1/calendar/:day',
    {
      schema: { tags, params: dayParam },
      config: { access: 'calendar.manage', audit: 'calendar.clear_day' },
    },
    async (req) => {
      await clearDay({ ctx, actor: actorOf(req), day: req.params.day });
      return { ok: true };
    },
  );
  app.post(
    '/api/v1/calendar/reseed',
    { schema: { tags }, config: { access: 'calendar.manage', audit: 'calendar.reseed' } },
    (req) => reseedCalendar({ ctx, actor: actorOf(req) }),
  );
}
