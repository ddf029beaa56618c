import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { auditRows } from '../support/admins.js';
import { cadreFileWorld } from '../support/cadre-file-world.js';
import { call } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof cadreFileWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await cadreFileWorld(t);
});
afterAll(async () => {
  w?.unregister();
  await t.close();
});

describe('eligibility through the API', () => {
  it('reflects a provider’s admonition and the time in post, each with its rule and the day it clears', async () => {
    const res = await w.eligibility('officer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      eligible: false,
      onDate: '2026-03-02',
      current: { title: '副镇长', level: 'fuke', isPrincipal: false, since: '2025-06-01' },
      target: { level: 'zhengke', isPrincipal: true },
    });
    expect(res.json().reasons.map((r: any) => [r.code, r.rule.key, r.clearsOn])).toEqual([
      ['admonition', 'admonition.promotion_block', '2026-07-10'],
      ['min_tenure', 'promotion.min_tenure.deputy_to_principal', '2027-06-01'],
    ]);
    expect(res.json().reasons[0].rule.name).toBe('诫勉影响期');
    const later = await w.eligibility('officer', '?date=2026-07-10');
    expect(later.json().reasons.map((r: any) => r.code)).toEqual(['min_tenure']);
    await vi.waitFor(async () =>
      expect((await auditRows(t, 'cadre.eligibility_view', w.subject)).length).toBeGreaterThanOrEqual(2),
    );
  });

  it('follows a rule changed through the rules API from its effective date', async () => {
    const revised = await call(t, w.s.admin, 'POST', '/api/v1/rules/admonition.promotion_block/versions', {
      value: 12,
      effectiveFrom: '2026-03-01',
      source: '镇党委会议决定（测试）',
    });
    expect(revised.statusCode).toBe(200);
    const now = (await w.eligibility('officer')).json().reasons[0];
    expect(now).toMatchObject({ clearsOn: '2027-01-10', rule: { source: '镇党委会议决定（测试）' } });
    const before = (await w.eligibility('officer', '?date=2026-02-28')).json().reasons[0];
    expect(before).toMatchObject({ clearsOn: '2026-07-10' });
    expect((await w.file('officer')).json().eligibility.reasons[0].clearsOn).toBe('2027-01-10');
  });

  it('refuses a bad date in Chinese, and a date before any rule version', async () => {
    const bad = await w.eligibility('officer', '?date=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('日期');
    const early = await w.eligibility('officer', '?date=1990-01-01');
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('没有现行的规则版本');
  });
});

describe('无法判断 through the API', () => {
  it('a post imported without a level is never 符合; a chosen post and the missing facts are named', async () => {
    const officer = w.s.officer;
    const made = await call(t, officer, 'POST', '/api/v1/cadres', {
      orgId: w.townA,
      name: '赵导入',
      status: 'active',
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id;
    // as a roster or .lrmx import leaves it: the post's title without its level
    await t.ctx.db
      .insert(tenures)
      .values({ cadreId: id, orgId: w.townA, title: '党政办主任', startDate: '2022-01-01' });
    const e = (await call(t, officer, 'GET', `/api/v1/cadres/${id}/eligibility`)).json();
    expect(e).toMatchObject({ eligible: false, verdict: 'undetermined', reasons: [] });
    expect(e.missing.map((m: any) => m.code)).toEqual(['post_level', 'annual_grade']);
    const chosen = (
      await call(t, officer, 'GET', `/api/v1/cadres/${id}/eligibility?targetLevel=fuke&targetPrincipal=false`)
    ).json();
    expect(chosen.target).toEqual({ level: 'fuke', isPrincipal: false });
  });

  it('refuses a parameter it does not know instead of ignoring it', async () => {
    const res = await w.eligibility('officer', '?asOf=2026-01-01');
    expect(res.statusCode).toBe(400);
    const bad = await w.eligibility('officer', '?targetLevel=ting');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('拟任职务层次不正确');
  });
});
