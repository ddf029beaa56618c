import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTokens } from '../../src/domain/search-tokens.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { reindexPetitionSearch } from '../../src/server/modules/petitions/search/reindex-search.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { makeOrg } from '../support/factories.js';
import { seedPetition } from '../support/petition-stats-world.js';
import { embeddedSuite, runCli } from '../support/run-cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrg(t.ctx, '大兴镇');
  const texts = [
    '反映干部作风问题',
    '反映村道修建资金使用',
    '作为风险提示的材料',
    'Report on 村务 budget 2026',
  ];
  for (const [i, title] of texts.entries())
    await seedPetition(t, org.id, {
      code: `XF2026-000${i + 1}`,
      channel: 'letter',
      receivedOn: '2026-01-05',
      status: 'registered',
      title,
    });
  // a reply is searched too
  await seedPetition(t, org.id, {
    code: 'XF2026-0005',
    channel: 'letter',
    receivedOn: '2026-01-06',
    status: 'replied',
    title: '反映低保评定',
    acceptedOn: '2026-01-07',
    repliedOn: '2026-02-01',
    reply: '经核查，相关干部工作作风简单粗暴，已批评教育。',
  });
});
afterAll(async () => t.close());

/** The codes a query finds through the GIN-indexed column, as the list's q filter does. */
async function find(q: string): Promise<string[]> {
  const tokens = `{${queryTokens(q)
    .map((x) => `"${x}"`)
    .join(',')}}`;
  const res = await t.ctx.db.execute(
    sql`select ${petitions.code} as code from ${petitions} where ${petitions.searchTokens} @> ${tokens}::text[] order by 1`,
  );
  return rowsOf<{ code: string }>(res).map((r) => r.code);
}

describe('Chinese full-text search on petitions.search_tokens', () => {
  it('finds 作风 in “反映干部作风问题” and in a reply, not in unrelated text nor in 作…风 apart', async () => {
    expect(await find('作风')).toEqual(['XF2026-0001', 'XF2026-0005']);
    // every bigram must be there: the reply's 干部工作作风 holds no 部作
    expect(await find('干部作风')).toEqual(['XF2026-0001']);
    expect(await find('修建资金')).toEqual(['XF2026-0002']);
    expect(await find('风险')).toEqual(['XF2026-0003']);
    expect(await find('BUDGET 村务')).toEqual(['XF2026-0004']);
    expect(await find('作风问题严重')).toEqual([]);
  });

  it('reads one GIN index of org and tokens, for a township and for the whole district', async () => {
    // five rows: the planner must be told a table scan or a btree walk would cost too much, and the
    // btree indexes that lead with org_id are set aside (in a transaction rolled back)
    const plan = async (where: ReturnType<typeof sql>) => {
      let text = '';
      await t.ctx.db
        .transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          await tx.execute(sql`set local enable_indexscan = off`);
          await tx.execute(
            sql`drop index petitions_org_received_idx, petitions_org_status_idx, petitions_org_code_uq`,
          );
          const res = await tx.execute(sql`explain select id from ${petitions} where ${where}`);
          text = rowsOf<Record<string, string>>(res)
            .map((r) => Object.values(r)[0])
            .join('\n');
          tx.rollback();
        })
        .catch(() => {});
      return text;
    };
    const tokens = sql`${petitions.searchTokens} @> array['作风']::text[]`;
    expect(await plan(tokens)).toContain('petitions_org_search_idx');
    const township = await plan(sql`${petitions.orgId} = 1::bigint and ${tokens}`);
    expect(township).toContain('petitions_org_search_idx');
    expect(township).toMatch(/Index Cond: \(\(org_id = '1'::bigint\) AND \(search_tokens @>/);
  });

  it('reindexes every row in batches, writing only the rows whose tokens changed', async () => {
    await t.ctx.db.execute(
      sql`update ${petitions} set search_tokens = '{}' where code in ('XF2026-0001', 'XF2026-0005')`,
    );
    expect(await find('作风')).toEqual([]);
    expect(await reindexPetitionSearch(t.ctx.db)).toEqual({ rows: 5, changed: 2 });
    expect(await find('作风')).toEqual(['XF2026-0001', 'XF2026-0005']);
    expect(await reindexPetitionSearch(t.ctx.db)).toEqual({ rows: 5, changed: 0 });
  });

  it.runIf(embeddedSuite)(
    'is the command jiandu reindex-petitions',
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-reindex-'));
      const r = await runCli(['reindex-petitions'], { dataDir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/已检查 0 件信访件的检索词，更新 0 件/);
    },
    120_000,
  );
});
