import { describe, expect, it } from 'vitest';
import { CacheSet } from './caches.js';
import { CalendarService } from './calendar/service.js';
import type { Queryable } from './db/client.js';
import { RulesService } from './rules/service.js';

/**
 * The freeze of issue 8 came from a cache that reloaded itself, through the outer handle, when a
 * read found it stale — inside a transaction. By construction a read must never touch the
 * database: here the handle throws on any use, every cache is long stale, and every read method of
 * each cache is called. Only `CacheSet.refreshStale` (run outside transactions) may load.
 */
function forbiddenHandle(): { db: Queryable; touched: string[] } {
  const touched: string[] = [];
  const db = new Proxy(
    {},
    {
      get(_t, prop) {
        touched.push(String(prop));
        throw new Error(`the database handle was used (${String(prop)}) by a cache read`);
      },
    },
  ) as Queryable;
  return { db, touched };
}

/** Every method of the class's prototype that is not the loader or the staleness check. */
const readMethods = (o: object) =>
  Object.getOwnPropertyNames(Object.getPrototypeOf(o)).filter(
    (m) => !['constructor', 'load', 'isStale'].includes(m),
  );

describe('cache reads never touch the database, however stale', () => {
  it('the rules and the calendar answer every read from memory when stale', async () => {
    let now = new Date('2026-03-02T01:00:00Z');
    const { db, touched } = forbiddenHandle();
    const rules = new RulesService(db, () => now, 30_000);
    const calendar = new CalendarService(db, () => now, 60_000);
    (rules as unknown as { versions: unknown[] }).versions = [
      {
        id: 1,
        key: 'k',
        version: 1,
        name: '测试规则',
        value: 7,
        unit: 'days',
        source: '测试',
        effectiveFrom: '2020-01-01',
        effectiveTo: null,
        note: null,
      },
    ];
    now = new Date(now.getTime() + 24 * 3600_000); // a day later: long past every interval
    expect(rules.isStale()).toBe(true);
    expect(calendar.isStale()).toBe(true);

    const args: Record<string, unknown[]> = {
      all: [],
      inForce: ['k', '2026-03-02'],
      value: ['k', '2026-03-02'],
      current: [],
      addWorkingDays: ['2026-03-02', 5],
      workingDaysBetween: ['2026-03-02', '2026-03-20'],
      isWorkingDay: ['2026-03-07'],
    };
    const called: string[] = [];
    for (const cache of [rules, calendar] as object[]) {
      for (const m of readMethods(cache)) {
        expect(args, `a new read method ${m}: add its arguments here`).toHaveProperty(m);
        await (cache as Record<string, (...a: unknown[]) => unknown>)[m](...args[m]);
        called.push(m);
      }
    }
    expect(called).toEqual(expect.arrayContaining(Object.keys(args)));
    expect(touched).toEqual([]);
    expect(await rules.value('k')).toBe(7);
    expect(await calendar.isWorkingDay('2026-03-07')).toBe(false); // a Saturday, from the built-in rules
  });

  it('only the refresh loads, one load per cache however many ask at once', async () => {
    let loads = 0;
    const cache = {
      name: 'c',
      refreshMs: 1,
      stale: true,
      isStale() {
        return this.stale;
      },
      async load() {
        loads++;
        await Promise.resolve();
        this.stale = false;
      },
    };
    const set = new CacheSet([cache]);
    await Promise.all([set.refreshStale(), set.refreshStale(), set.refreshStale()]);
    expect(loads).toBe(1);
    await set.refreshStale();
    expect(loads).toBe(1);
  });
});
