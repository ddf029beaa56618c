import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor, postCadre } from '../support/cadre-helpers.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

// The fake clock stands at 23:50 on 2026-03-02, China time: ten minutes later it is the 3rd.
let t: TestApp;
let s: Session;
let town: { id: number };
let village: { id: number };
let other: { id: number };
const ids = new Map<string, number>();
const zhangId = idNumberFor('1985-06-15', 123);

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date('2026-03-02T15:50:00Z')) });
  town = await makeOrg(t.ctx, '大兴镇');
  village = await makeOrg(t.ctx, '东村', town.id, 'village');
  other = await makeOrg(t.ctx, '西坝镇');
  const u = await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] });
  s = await signIn(t, u.username);
  const add = async (name: string, f: Record<string, unknown>) => {
    ids.set(name, (await postCadre(t, s, { orgId: town.id, name, ...f })).id);
  };
  await add('张三', { idNumber: zhangId, education: 'bachelor', politicalStatus: 'cpc' });
  await add('张思远', { birthDate: '1990-03-03', education: 'college' }); // 35 until tomorrow
  await add('李明', { birthDate: '1990-03-02', orgId: village.id, status: 'left' }); // 36 today
  await add('王小红', { birthDate: '1980-03-03', status: 'retired' }); // 45
  await add('赵刚', { birthDate: '1970-03-02' }); // 56 today
  await add('钱进', { birthDate: '1970-03-03' }); // 55
  const p = await call(t, s, 'POST', `/api/v1/cadres/${ids.get('赵刚')}/tenures`, {
    orgId: town.id,
    title: '党委副书记',
    level: 'fuke',
    startDate: '2022-01-01',
  });
  expect(p.statusCode).toBe(200);
});
afterAll(async () => t.close());

const names = async (query: string) => {
  const res = await call(t, s, 'GET', `/api/v1/cadres?pageSize=50&${query}`);
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((c: { name: string }) => c.name)
    .sort();
};

describe('roster list', () => {
  it('names a unit with its township, so a reader above it knows whose 东村 it is', async () => {
    const res = (await call(t, s, 'GET', '/api/v1/cadres?pageSize=50')).json();
    const li = res.items.find((c: any) => c.name === '李明');
    expect(li.orgName).toBe('大兴镇/东村');
    expect(res.items.find((c: any) => c.name === '张三').orgName).toBe('大兴镇');
    expect((await call(t, s, 'GET', `/api/v1/cadres/${ids.get('李明')}`)).json().orgName).toBe('大兴镇/东村');
  });

  it('masks the ID number and shows age, org and the post held now', async () => {
    const res = await call(t, s, 'GET', `/api/v1/cadres?q=${encodeURIComponent('张三')}`);
    const [row] = res.json().items;
    expect(row.idNumberMasked).toBe(`110101********${zhangId.slice(-4)}`);
    expect(res.body).not.toContain(zhangId);
    expect(row).toMatchObject({ age: 40, orgName: '大兴镇', birthDate: '1985-06-15', gender: '男' });
    const zhao = (await call(t, s, 'GET', `/api/v1/cadres?q=${encodeURIComponent('赵刚')}`)).json().items[0];
    expect(zhao).toMatchObject({ positionTitle: '党委副书记', positionLevel: 'fuke', age: 56 });
  });

  it('pages in the database and sorts by name (pinyin), birth date or org', async () => {
    const page = (await call(t, s, 'GET', '/api/v1/cadres?pageSize=2&page=2&sort=name&order=asc')).json();
    expect(page.total).toBe(6);
    expect(page.items.map((c: any) => c.name)).toEqual(['王小红', '张三']); // li, qian | wang, zhangsan | …
    const oldest = (await call(t, s, 'GET', '/api/v1/cadres?pageSize=1&sort=birthDate&order=asc')).json();
    expect(oldest.items[0].name).toBe('赵刚');
    const bad = await call(t, s, 'GET', '/api/v1/cadres?pageSize=500');
    expect(bad.statusCode).toBe(400);
  });
});

describe('search', () => {
  it('finds by pinyin initials, by full pinyin prefix, by Chinese and by ID number', async () => {
    expect(await names('q=zs')).toEqual(['张三', '张思远']);
    expect(await names('q=ZSY')).toEqual(['张思远']);
    expect(await names('q=zhangs')).toEqual(['张三', '张思远']);
    expect(await names('q=zhangsan')).toEqual(['张三']);
    expect(await names('q=hangsan')).toEqual([]); // prefix, not contains
    expect(await names(`q=${encodeURIComponent('思')}`)).toEqual(['张思远']);
    expect(await names(`q=${encodeURIComponent('张')}`)).toEqual(['张三', '张思远']);
    expect(await names(`q=${zhangId}`)).toEqual(['张三']);
    expect(await names(`q=${zhangId.slice(0, 17)}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });
});

describe('filters', () => {
  it('filters by org with its subtree', async () => {
    expect(await names(`orgId=${village.id}`)).toEqual(['李明']);
    expect((await names(`orgId=${town.id}`)).length).toBe(6);
    expect(await names(`orgId=${other.id}`)).toEqual([]);
  });

  it('puts a cadre in the older band on their birthday and not the day before', async () => {
    expect(await names('ageBand=-35')).toEqual(['张思远']);
    expect(await names('ageBand=36-45')).toEqual(['张三', '李明', '王小红']);
    expect(await names('ageBand=46-55')).toEqual(['钱进']);
    expect(await names('ageBand=56-')).toEqual(['赵刚']);
    t.clock.advanceMinutes(15); // 2026-03-03 00:05: 张思远 turns 36, 王小红 46, 钱进 56
    try {
      expect(await names('ageBand=-35')).toEqual([]);
      expect(await names('ageBand=46-55')).toEqual(['王小红']);
      expect(await names('ageBand=56-')).toEqual(['赵刚', '钱进']);
    } finally {
      t.clock.advanceMinutes(-15);
    }
    expect((await call(t, s, 'GET', '/api/v1/cadres?ageBand=30-40')).statusCode).toBe(400);
  });

  it('filters by level of the post held now, by status and by education', async () => {
    expect(await names('level=fuke')).toEqual(['赵刚']);
    expect(await names('level=zhengke')).toEqual([]);
    expect(await names('status=left')).toEqual(['李明']);
    expect(await names('status=retired')).toEqual(['王小红']);
    expect(await names('education=bachelor')).toEqual(['张三']);
    expect(await names('education=college&q=zs')).toEqual(['张思远']);
    const bad = await call(t, s, 'GET', '/api/v1/cadres?status=gone');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('状态');
  });
});
