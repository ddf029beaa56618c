import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { calendarDays } from '../../src/server/platform/calendar/schema.js';
import { seedCalendar } from '../../src/server/platform/calendar/seed.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrg(t.ctx, '日历镇');
  admin = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: org.id, roles: ['sys_admin'], dataScope: 'all' })).username,
  );
  officer = await signIn(t, (await makeUser(t.ctx, { orgId: org.id, roles: ['org_officer'] })).username);
});
afterAll(async () => t.close());

describe('working-day calendar', () => {
  it('lists a year’s holidays and make-up days from the package, to every signed-in role', async () => {
    const res = await call(t, officer, 'GET', '/api/v1/calendar?year=2025');
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { day: string; kind: string; name: string }[];
    expect(days.find((d) => d.day === '2025-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(days.find((d) => d.day === '2025-09-28')).toMatchObject({
      kind: 'workday',
      name: '国庆节调休上班',
    });
    expect(days.every((d) => d.day.startsWith('2025-'))).toBe(true);
    expect((await call(t, officer, 'GET', '/api/v1/calendar')).json().year).toBe(2026);
  });

  it('answers the working-day helpers on the real calendar', async () => {
    const add = await call(t, officer, 'GET', '/api/v1/calendar/working-days?start=2025-09-26&add=15');
    expect(add.json()).toEqual({ start: '2025-09-26', add: 15, date: '2025-10-23' });
    const between = await call(
      t,
      officer,
      'GET',
      '/api/v1/calendar/working-days?from=2025-09-26&to=2025-10-23',
    );
    expect(between.json().workingDays).toBe(15);
  });

  it('refuses malformed dates and incomplete questions with Chinese messages, never a 500', async () => {
    const cases: [string, string, unknown?][] = [
      ['PUT', '/api/v1/calendar/2025-02-30', { kind: 'holiday', name: '假' }],
      ['PUT', '/api/v1/calendar/2025-1-5', { kind: 'holiday', name: '假' }],
      ['DELETE', '/api/v1/calendar/tomorrow'],
      ['GET', '/api/v1/calendar/working-days?start=abc&add=1'],
      ['GET', '/api/v1/calendar/working-days?start=2025-09-26'],
      ['GET', '/api/v1/calendar/working-days?from=2025-09-26&add=3'],
      ['GET', '/api/v1/calendar/working-days?start=2025-09-26&add=-1'],
      ['GET', '/api/v1/calendar/working-days?from=1990-01-01&to=2025-01-01'],
      ['GET', '/api/v1/calendar?year=1999'],
      ['PUT', '/api/v1/calendar/2025-12-27', { kind: 'rest', name: '假' }],
      ['PUT', '/api/v1/calendar/2025-12-27', { kind: 'holiday', name: '' }],
    ];
    for (const [method, url, body] of cases) {
      const res = await call(t, admin, method, url, body);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toMatch(/\p{Script=Han}/u);
    }
    const weekday = await call(t, admin, 'PUT', '/api/v1/calendar/2025-12-24', {
      kind: 'workday',
      name: '班',
    });
    expect(weekday.statusCode).toBe(422);
    expect(weekday.json().error.message).toContain('只有周末才能设为调休上班');
  });

  it('an edit by the administrator changes ctx.calendar at once, and is audited', async () => {
    expect(await t.ctx.calendar.addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
    const put = await call(t, admin, 'PUT', '/api/v1/calendar/2025-10-23', {
      kind: 'holiday',
      name: '镇庆日',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ day: '2025-10-23', kind: 'holiday', source: 'manual' });
    expect(await t.ctx.calendar.addWorkingDays('2025-09-26', 15)).toBe('2025-10-24');
    const sat = await call(t, admin, 'PUT', '/api/v1/calendar/2025-10-25', { kind: 'workday', name: '补班' });
    expect(sat.statusCode).toBe(200);
    expect(await t.ctx.calendar.isWorkingDay('2025-10-25')).toBe(true);
    const [rec] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.set_day'), eq(auditLog.objectId, '2025-10-23')));
    expect(rec.detail).toEqual({ before: null, after: { kind: 'holiday', name: '镇庆日' } });

    expect((await call(t, admin, 'DELETE', '/api/v1/calendar/2025-10-23')).statusCode).toBe(200);
    expect(await t.ctx.calendar.addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
    expect(await t.ctx.db.select().from(calendarDays).where(eq(calendarDays.day, '2025-10-23'))).toEqual([]);
    expect((await call(t, admin, 'DELETE', '/api/v1/calendar/2025-10-23')).statusCode).toBe(404);
  });

  it('a package day turned ordinary stays ordinary through reseeding; reseed restores only missing days', async () => {
    expect(await t.ctx.calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect((await call(t, admin, 'DELETE', '/api/v1/calendar/2025-10-08')).statusCode).toBe(200);
    expect(await t.ctx.calendar.isWorkingDay('2025-10-08')).toBe(true);
    await t.ctx.db.delete(calendarDays).where(eq(calendarDays.day, '2026-10-01')); // lost somehow
    const reseed = await call(t, admin, 'POST', '/api/v1/calendar/reseed');
    expect(reseed.json()).toEqual({ added: 1 });
    expect(await seedCalendar(t.ctx.db)).toBe(0); // as at the next start
    await t.ctx.calendar.load();
    expect(await t.ctx.calendar.isWorkingDay('2025-10-08')).toBe(true);
    expect(await t.ctx.calendar.isWorkingDay('2026-10-01')).toBe(false);
    const year = (await call(t, admin, 'GET', '/api/v1/calendar?year=2025')).json();
    expect(year.days.find((d: any) => d.day === '2025-10-08')).toMatchObject({
      kind: 'ordinary',
      source: 'manual',
    });
  });

  it('refuses edits from a role that may only read the calendar', async () => {
    const res = await call(t, officer, 'PUT', '/api/v1/calendar/2025-12-27', { kind: 'holiday', name: '假' });
    expect(res.statusCode).toBe(403);
    expect((await call(t, officer, 'POST', '/api/v1/calendar/reseed')).statusCode).toBe(403);
  });
});
