import { readFileSync } from 'node:fs';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionSearchTokens } from '../../src/domain/petition-code.js';
import { searchTokens } from '../../src/domain/search-tokens.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { petitionSubjects, petitions } from '../../src/server/modules/petitions/schema.js';
import { reindexPetitionSearch } from '../../src/server/modules/petitions/search/reindex-search.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { auditRows } from '../support/admins.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { letter, postPetition, registerDirect } from '../support/petition-workflow-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let district: { id: number };
let daxing: { id: number };
let dongxing: { id: number };
let cadreId: number;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  district = await makeOrg(t.ctx, '清河区', null, 'district');
  daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  dongxing = await makeOrg(t.ctx, '东兴镇', district.id);
  [cadreId] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: daxing.id, name: '周德明', status: 'active' }],
    'manual',
  );
  const as = async (key: string, orgId: number, roles: string[], dataScope?: string) =>
    (s[key] = await signIn(t, (await makeUser(t.ctx, { orgId, roles, dataScope })).username));
  await as('daxing', daxing.id, ['discipline_officer']);
  await as('dongxing', dongxing.id, ['discipline_officer']);
  await as('district', district.id, ['district_discipline']);
  await as('admin', district.id, ['sys_admin'], 'all');
});
afterAll(async () => t.close());

const codesOf = async (who: string, q: string) =>
  (await call(t, s[who], 'GET', `/api/v1/petitions?q=${encodeURIComponent(q)}`))
    .json()
    .items.map((p: { code: string; orgName: string }) => `${p.orgName} ${p.code}`);
const body = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  channel: 'letter',
  receivedOn: '2026-03-02',
  realName: false,
  title: '反映村务公开不及时',
  content: '村务公开栏半年未更新。',
  ...over,
});

describe('case numbers unique across the district', () => {
  it('numbers each township’s cases under its own prefix, continuing its year; numbers given before stay', async () => {
    // a case numbered before prefixes existed, as the migration leaves it
    const old = await registerDirect(
      t,
      letter(daxing.id, { receivedOn: '2026-01-10', imported: true, code: 'XF2026-0052' }),
    );
    const a = await postPetition(t, s.daxing, body(daxing.id));
    // 东兴镇's initials are 大兴镇's too: the second to need them gets DX2
    const b = await postPetition(t, s.dongxing, body(dongxing.id));
    expect([a.code, b.code]).toEqual(['DX-XF2026-0053', 'DX2-XF2026-0001']);
    const [kept] = await t.ctx.db.select().from(petitions).where(eq(petitions.id, old.id));
    expect(kept.code).toBe('XF2026-0052');
    const prefixes = await t.ctx.db
      .select({ id: orgs.id, prefix: orgs.petitionPrefix })
      .from(orgs)
      .where(inArray(orgs.id, [daxing.id, dongxing.id]));
    expect(new Map(prefixes.map((o) => [o.id, o.prefix]))).toEqual(
      new Map([
        [daxing.id, 'DX'],
        [dongxing.id, 'DX2'],
      ]),
    );
  });

  it('lets the system administrator set a township’s prefix on the org form, never one another org holds', async () => {
    const org = (await call(t, s.admin, 'GET', `/api/v1/orgs/${dongxing.id}`)).json();
    expect(org).toMatchObject({ petitionPrefix: 'DX2', petitionPrefixSuggested: 'DX2' });
    const put = (who: string, petitionPrefix: string | null, version: number) =>
      call(t, s[who], 'PUT', `/api/v1/orgs/${dongxing.id}`, {
        name: '东兴镇',
        sort: 0,
        petitionPrefix,
        version,
      });
    expect((await put('dongxing', 'DOX', org.version)).statusCode).toBe(403);
    const taken = await put('admin', 'dx', org.version);
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error).toMatchObject({
      message: '信访编号前缀 DX 已由“大兴镇”使用，请换一个',
      fields: { petitionPrefix: '信访编号前缀 DX 已由“大兴镇”使用，请换一个' },
    });
    const bad = await put('admin', '2东', org.version);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('信访编号前缀应为 1 至 8 位大写字母或数字');
    const saved = await put('admin', 'dox', org.version);
    expect(saved.json()).toMatchObject({ petitionPrefix: 'DOX' });
    const [audit] = (await auditRows(t, 'org.update', dongxing.id)).slice(-1);
    expect(audit.detail).toMatchObject({
      before: { petitionPrefix: 'DX2' },
      after: { petitionPrefix: 'DOX' },
    });

    const next = await postPetition(t, s.dongxing, body(dongxing.id));
    expect(next.code).toBe('DOX-XF2026-0002');
    const earlier = await t.ctx.db
      .select({ code: petitions.code })
      .from(petitions)
      .where(eq(petitions.orgId, dongxing.id));
    expect(earlier.map((p) => p.code).sort()).toEqual(['DOX-XF2026-0002', 'DX2-XF2026-0001']);
  });

  it('finds a case by its number, by the ledger’s own 登记编号 and by the cadre it names', async () => {
    const named = await postPetition(
      t,
      s.daxing,
      body(daxing.id, {
        title: '反映干部违规收受礼金',
        subjects: [{ cadreId }, { name: '钱有才', unitText: '红星村' }],
      }),
    );
    const ledger = await registerDirect(
      t,
      letter(daxing.id, { receivedOn: '2025-06-03', imported: true, code: '大纪信〔2025〕12号' }),
    );
    expect(await codesOf('daxing', named.code)).toEqual([`大兴镇 ${named.code}`]);
    expect(await codesOf('daxing', named.code.toLowerCase())).toEqual([`大兴镇 ${named.code}`]);
    expect(await codesOf('daxing', '大纪信〔2025〕12号')).toEqual(['大兴镇 大纪信〔2025〕12号']);
    expect(await codesOf('daxing', '周德明')).toEqual([`大兴镇 ${named.code}`]);
    expect(await codesOf('daxing', '钱有才')).toEqual([`大兴镇 ${named.code}`]);
    expect(await codesOf('daxing', 'XF2026-0052')).toEqual(['大兴镇 XF2026-0052']);
    // the district asks for the year's first number and sees each township's own first case
    expect((await codesOf('district', 'XF2026-0001')).sort()).toEqual(['东兴镇 DX2-XF2026-0001']);
    expect(await codesOf('district', 'DX-XF2026-0053')).toEqual(['大兴镇 DX-XF2026-0053']);
    // another township's officer finds nothing of it
    expect(await codesOf('dongxing', '周德明')).toEqual([]);
    expect(ledger.code).toBe('大纪信〔2025〕12号');
  });
});

/** The statement of the migration that adds the number and the named cadres to the search tokens. */
const backfill = readFileSync('migrations/0015_petition_prefix.sql', 'utf8')
  .split('--> statement-breakpoint')
  .map((part) => part.trim())
  .find((part) => part.includes('UPDATE "petitions" SET "search_tokens"'))!;

describe('the migration', () => {
  it('adds the tokens of the number and of the named cadres to cases registered before, as petitionSearchTokens does', async () => {
    const cases = [
      { code: 'XF2025-0007', names: ['王建军', '买买提·艾力'] },
      { code: 'ＸＦ２０２５－００08', names: [] },
      { code: '大纪信〔2025〕3号', names: ['Tom李'] },
    ];
    const ids: number[] = [];
    for (const c of cases) {
      const [row] = await t.ctx.db
        .insert(petitions)
        .values({
          orgId: daxing.id,
          code: c.code,
          channel: 'letter',
          receivedOn: '2025-05-05',
          title: '反映低保评定问题',
          content: '低保评定不公开。',
          reply: '已责令重新评议。',
          // as written before: the matter and the reply only
          searchTokens: searchTokens('反映低保评定问题', '低保评定不公开。', '已责令重新评议。'),
        })
        .returning();
      if (c.names.length)
        await t.ctx.db.insert(petitionSubjects).values(c.names.map((name) => ({ petitionId: row.id, name })));
      ids.push(row.id);
    }
    await t.ctx.db.execute(sql.raw(backfill));
    const after = await t.ctx.db.select().from(petitions).where(inArray(petitions.id, ids));
    for (const [i, c] of cases.entries()) {
      const row = after.find((r) => r.id === ids[i])!;
      expect(new Set(row.searchTokens), c.code).toEqual(new Set(petitionSearchTokens(row, c.names)));
    }
    expect((await reindexPetitionSearch(t.ctx.db)).changed).toBe(0);
  });
});
