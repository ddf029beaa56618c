import { readFileSync } from 'node:fs';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { cadres } from '../../src/server/modules/cadres/schema.js';
import { COUNT_CAP } from '../../src/server/platform/http/capped-count.js';
import { idNumberFor, postCadre } from '../support/cadre-helpers.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { importConfirmed, lrmxFor } from '../support/lrmx-helpers.js';
import { rosterRow, rosterWorkbook, upload as uploadSheet, waitForJob } from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let town: { id: number };
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  town = await makeOrg(t.ctx, '大兴镇', district.id);
  s = await signIn(t, (await makeUser(t.ctx, { orgId: town.id, roles: ['org_officer'] })).username);
});
afterAll(async () => t.close());

const found = async (q: string) => {
  const res = await call(t, s, 'GET', `/api/v1/cadres?pageSize=100&q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .items.map((c: { name: string }) => c.name)
    .sort();
};

describe('search by Chinese name through the name tokens', () => {
  it('finds cadres registered through the API, the Excel import and the .lrmx import', async () => {
    await postCadre(t, s, { orgId: town.id, name: '买买提·艾力' });
    const sheet = await rosterWorkbook([
      { ...rosterRow(1, '大兴镇'), 姓名: '阿依古丽·买买提' },
      { ...rosterRow(2, '大兴镇'), 姓名: '欧阳娜娜' },
    ]);
    const res = await uploadSheet(t, s, '/api/v1/cadres/import/excel', sheet);
    expect(res.statusCode, res.body).toBe(200);
    expect(await waitForJob(t, s, res.json().id)).toMatchObject({ status: 'succeeded' });
    const lrmx = await importConfirmed(t, s, town.id, {
      name: '次仁卓玛.lrmx',
      bytes: lrmxFor('次仁卓玛', idNumberFor('1980-01-01', 12, '330102')),
    });
    expect(lrmx).toMatchObject({ status: 'succeeded' });

    expect(await found('买买提')).toEqual(['买买提·艾力', '阿依古丽·买买提']);
    expect(await found('提·艾')).toEqual(['买买提·艾力']);
    expect(await found('艾')).toEqual(['买买提·艾力']);
    expect(await found('阳娜')).toEqual(['欧阳娜娜']);
    expect(await found('卓玛')).toEqual(['次仁卓玛']);
    expect(await found('玛 卓')).toEqual([]);
    const stored = await t.ctx.db
      .select({ name: cadres.name, tokens: cadres.nameTokens })
      .from(cadres)
      .where(inArray(cadres.name, ['买买提·艾力', '阿依古丽·买买提', '次仁卓玛']));
    for (const c of stored) expect(new Set(c.tokens)).toEqual(new Set(searchTokens(c.name)));
  });

  it('finds a renamed cadre by the new name and no longer by the old one (edit and .lrmx update)', async () => {
    const edited = await postCadre(t, s, { orgId: town.id, name: '钱学森' });
    const put = await call(t, s, 'PUT', `/api/v1/cadres/${edited.id}`, {
      orgId: town.id,
      name: '钱伟长',
      version: edited.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await found('学森')).toEqual([]);
    expect(await found('伟长')).toEqual(['钱伟长']);

    const idNumber = idNumberFor('1982-03-03', 15, '330102');
    await postCadre(t, s, { orgId: town.id, name: '司马相如', idNumber });
    const res = await importConfirmed(t, s, town.id, {
      name: '司马光.lrmx',
      bytes: lrmxFor('司马光', idNumber),
    });
    expect(res).toMatchObject({
      status: 'succeeded',
      result: { created: 0, updated: 1 },
    });
    expect(await found('相如')).toEqual([]);
    expect(await found('马光')).toEqual(['司马光']);
    expect(await found('司马')).toEqual(['司马光']);
  });

  it('finds only names containing the query, not names that merely hold its tokens', async () => {
    await postCadre(t, s, { orgId: town.id, name: '三丰张三' });
    await postCadre(t, s, { orgId: town.id, name: '张三丰' });
    expect(await found('张三丰')).toEqual(['张三丰']);
    expect(await found('三丰')).toEqual(['三丰张三', '张三丰']);
    expect(await found('张丰')).toEqual([]);
  });
});

/** The backfill statement of the migration that added cadres.name_tokens. */
const backfill = readFileSync('migrations/0008_cadres_name_tokens.sql', 'utf8')
  .split('--> statement-breakpoint')
  .map((part) => part.trim())
  .find((part) => part.includes('UPDATE "cadres" SET "name_tokens"'))!;

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
const chunks = (text: string, size: number) => {
  const chars = [...text];
  return Array.from({ length: Math.ceil(chars.length / size) }, (_, i) =>
    chars.slice(i * size, (i + 1) * size).join(''),
  );
};

describe('the migration backfills the tokens of cadres registered before it', () => {
  it('computes in SQL exactly what searchTokens computes', async () => {
    const names = [
      '张三',
      '买买提·艾力',
      '艾力·买买提·吐尔逊',
      '玉素甫江・吾斯曼',
      '李小明Tom',
      'Mary Jane王',
      "O'Brien·张",
      '赵2号',
      '张3丰12',
      '刘ＡＢ华１２',
      '𠮷野家',
      '〇一二々',
      '豈子',
      '⼀二三',
      '㈠王①',
      'İlhan·伊力哈木',
      'ſtraße张',
      'K氏Ⅷ',
      '·',
      '',
      // whole blocks, so that every character of them is compared: Latin, punctuation, letterlike
      // symbols, enclosed alphanumerics, CJK radicals, symbols, ideographs, full-width forms
      ...chunks(range(0x21, 0x24f), 120),
      ...chunks(range(0x2000, 0x33ff), 120),
      ...chunks(range(0x4e00, 0x4fff), 120),
      ...chunks(range(0xf900, 0xfaff), 120),
      ...chunks(range(0xff01, 0xffee), 120),
      ...chunks(range(0x20000, 0x200ff), 120),
      ...chunks(range(0x2f800, 0x2f8ff), 120),
    ];
    const rows = names.map((name) => ({ orgId: town.id, name, namePinyin: '', nameInitials: '' }));
    const ids = (await t.ctx.db.insert(cadres).values(rows).returning({ id: cadres.id })).map((r) => r.id);
    await t.ctx.db.execute(sql.raw(backfill));
    const after = await t.ctx.db
      .select({ name: cadres.name, tokens: cadres.nameTokens })
      .from(cadres)
      .where(inArray(cadres.id, ids));
    expect(after).toHaveLength(names.length);
    for (const c of after)
      expect([...c.tokens].sort(), JSON.stringify(c.name.slice(0, 8))).toEqual(searchTokens(c.name).sort());
    expect(after.find((c) => c.name === 'İlhan·伊力哈木')!.tokens).toContain('i');
  });
});

describe('the roster count', () => {
  it('stops at the cap for a search matching more cadres, and says the total is a lower bound', async () => {
    const rows = Array.from({ length: COUNT_CAP + 20 }, (_, i) => ({
      orgId: town.id,
      name: `张某${i}`,
      namePinyin: `zhangmou${i}`,
      nameInitials: 'zm',
      nameTokens: searchTokens(`张某${i}`),
    }));
    for (let i = 0; i < rows.length; i += 2000) await t.ctx.db.insert(cadres).values(rows.slice(i, i + 2000));
    const broad = (
      await call(t, s, 'GET', `/api/v1/cadres?pageSize=20&q=${encodeURIComponent('张某')}`)
    ).json();
    expect(broad).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(broad.items).toHaveLength(20);
    const narrow = (await call(t, s, 'GET', `/api/v1/cadres?q=${encodeURIComponent('张某1234')}`)).json();
    expect(narrow).toMatchObject({ total: 1, totalCapped: false, items: [{ name: '张某1234' }] });
    const some = (await call(t, s, 'GET', `/api/v1/cadres?q=${encodeURIComponent('张某999')}`)).json();
    expect(some).toMatchObject({ total: 11, totalCapped: false }); // 999 and 9990…9999
  });
});
