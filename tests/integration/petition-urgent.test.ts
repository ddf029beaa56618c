import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { standInUnderNotice } from '../support/under-notice.js';

let t: TestApp;
let officer: Session;
let townId: number;
let zhang: number; // under 任前公示 while the double says so
let li: number;
const asked: { ids: number[]; date: string }[] = [];

beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  const town = await makeOrg(t.ctx, '甲镇');
  townId = town.id;
  [zhang, li] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [
      { orgId: town.id, name: '张三', status: 'active' },
      { orgId: town.id, name: '李四', status: 'active' },
    ],
    'manual',
  );
  officer = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: town.id, roles: ['discipline_officer'] })).username,
  );
}, 60_000);
afterAll(async () => t.close());

/** The double the appointments module will replace: 张三 is under notice. */
const zhangUnderNotice = () =>
  standInUnderNotice(async (_db, ids, date) => {
    asked.push({ ids, date });
    return new Set(ids.filter((id) => id === zhang));
  });

const register = async (title: string, cadreIds: number[], receivedOn = '2026-03-02') => {
  const res = await call(t, officer, 'POST', '/api/v1/petitions', {
    orgId: townId,
    channel: 'letter',
    receivedOn,
    realName: false,
    title,
    content: `${title}，请核查。`,
    subjects: cadreIds.map((cadreId) => ({ cadreId })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const todosOf = async (id: number) =>
  (await call(t, officer, 'GET', '/api/v1/todos?pageSize=100'))
    .json()
    .items.filter((x: any) => x.link === `/petitions/${id}`);

describe('a report naming a cadre under public notice', () => {
  it('is marked urgent, listed first and put on the discipline officer’s to-do list due today', async () => {
    zhangUnderNotice();
    const older = await register('反映李四作风问题', [li], '2026-02-20');
    const plain = await register('反映村务公开问题', []);
    const urgent = await register('反映张三违规收受礼金', [zhang, li]);
    expect(asked.at(-1)).toEqual({ ids: [zhang, li], date: '2026-03-02' });
    expect([older.urgent, plain.urgent, urgent.urgent]).toEqual([false, false, true]);

    const list = (await call(t, officer, 'GET', '/api/v1/petitions')).json();
    expect(list.items.map((r: any) => r.id)).toEqual([urgent.id, older.id, plain.id]);
    expect(list.items[0]).toMatchObject({ urgent: true, subjects: ['张三', '李四'] });
    const filtered = (await call(t, officer, 'GET', '/api/v1/petitions?urgent=true')).json();
    expect(filtered.items.map((r: any) => r.id)).toEqual([urgent.id]);

    const [todo] = await todosOf(urgent.id);
    expect(todo.title).toMatch(/^【紧急】受理信访件 JZ-XF2026-\d{4}/);
    expect(todo.dueOn).toBe('2026-03-02'); // due today, a date in China
    const [normal] = await todosOf(older.id);
    expect(normal.title).not.toContain('紧急');
  });

  it('is not urgent when no one it names is under notice', async () => {
    const p = await register('反映张三工作作风问题', [zhang]);
    expect(p.urgent).toBe(false);
    const [todo] = await todosOf(p.id);
    expect(todo.title).not.toContain('紧急');
  });
});
