import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRows } from '../support/admins.js';
import { cadreFileWorld } from '../support/cadre-file-world.js';
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

describe('the supervision file', () => {
  it('shows basic data with the ID number masked, eligibility today and the timeline by year', async () => {
    const res = await w.file('officer');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.cadre).toMatchObject({
      name: '张三',
      orgName: '甲镇',
      post: '副镇长',
      postLevel: '副科副职',
      education: '大学本科',
      age: 46,
      gender: '男',
      hasPhoto: false,
    });
    expect(body.cadre.idNumberMasked).toMatch(/^110101\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(body)).not.toContain('19800101');
    expect(body.eligibility.eligible).toBe(false);
    const mine = body.timeline.map((y: any) => [
      y.year,
      y.entries.filter((e: any) => e.kind.startsWith('test_')),
    ]);
    expect(mine.filter(([, e]: any) => e.length > 0)).toEqual([
      ['2026', [{ date: '2026-01-10', kind: 'test_admonition', title: '诫勉谈话', link: '/admonitions/7' }]],
      ['2024', [{ date: '2024-11-03', kind: 'test_petition', title: '反映问题线索' }]],
    ]);
    expect(body.legend).toEqual(
      expect.arrayContaining([
        { key: 'test_admonition', label: '谈话诫勉（测试）' },
        { key: 'test_petition', label: '信访举报（测试）' },
      ]),
    );
  });

  it('shows the cadre module’s own records: posts held and concurrent posts', async () => {
    const body = (await w.file('officer')).json();
    const y2025 = body.timeline.find((y: any) => y.year === '2025').entries;
    expect(y2025.map((e: any) => [e.date, e.kind, e.title])).toEqual([
      ['2025-09-01', 'concurrent_post', '兼任：甲村党支部第一书记'],
      ['2025-06-01', 'tenure', '任职：甲镇副镇长'],
    ]);
    expect(body.legend.map((l: any) => l.key)).toEqual(expect.arrayContaining(['tenure', 'concurrent_post']));
  });

  it('omits a provider’s entries and legend when the viewer lacks its permission', async () => {
    const body = (await w.file('secretary')).json();
    const kinds = body.timeline.flatMap((y: any) => y.entries.map((e: any) => e.kind));
    expect(kinds).toContain('test_admonition');
    expect(kinds).not.toContain('test_petition');
    expect(body.timeline.map((y: any) => y.year)).not.toContain('2024');
    expect(body.legend.map((l: any) => l.key)).not.toContain('test_petition');
  });

  it('a cadre without records has an empty timeline and is not judged 符合: the facts are missing', async () => {
    const body = (await w.file('officer', w.plain)).json();
    expect(body.timeline).toEqual([]);
    expect(body.eligibility).toMatchObject({
      eligible: false,
      verdict: 'undetermined',
      reasons: [],
      current: null,
    });
    expect(body.eligibility.missing.map((m: any) => m.code)).toEqual(['no_current_post', 'annual_grade']);
  });

  it('writes a cadre.file_view audit record for every viewing', async () => {
    const before = (await auditRows(t, 'cadre.file_view', w.subject)).length;
    await w.file('officer');
    await w.file('officer');
    // the view is audited once the response is sent
    await vi.waitFor(async () => {
      const rows = (await auditRows(t, 'cadre.file_view', w.subject)).slice(before);
      expect(rows.map((r) => [r.objectType, r.result])).toEqual([
        ['cadre', 'success'],
        ['cadre', 'success'],
      ]);
    });
  });

  it('is 404 to another township, to a family member and to the cadre themself; 403 without cadre.file', async () => {
    const denials = async () =>
      (await auditRows(t, 'cadre.file_view')).filter((r) => r.result === 'denied').length;
    const before = await denials();
    for (const who of ['otherTown', 'spouse', 'self']) {
      for (const res of [await w.file(who), await w.eligibility(who)]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error.message).toBe('记录不存在');
      }
    }
    expect((await denials()) - before).toBe(3);
    expect((await w.file('unitHead')).statusCode).toBe(403);
    expect((await w.eligibility('unitHead')).statusCode).toBe(403);
    expect((await w.file('officer', 999_999)).statusCode).toBe(404);
  });
});
