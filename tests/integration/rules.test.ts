import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Session;
let cadre: Session;
beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrg(t.ctx, '规则镇');
  admin = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: org.id, roles: ['sys_admin'], dataScope: 'all' })).username,
  );
  cadre = await signIn(t, (await makeUser(t.ctx, { orgId: org.id, roles: ['cadre'] })).username);
});
afterAll(async () => t.close());

const revise = (key: string, body: object, s = admin) =>
  call(t, s, 'POST', `/api/v1/rules/${key}/versions`, body);

describe('rules are data', () => {
  it('lists every rule with the version in force today and its history, to any signed-in role', async () => {
    const res = await call(t, cadre, 'GET', '/api/v1/rules');
    expect(res.statusCode).toBe(200);
    const rules = res.json() as any[];
    expect(rules[0].key).toBe('appointment.notice_period');
    const acceptance = rules.find((r) => r.key === 'petition.acceptance');
    expect(acceptance).toMatchObject({ area: 'petition', unit: 'days', name: '信访事项受理告知期限' });
    expect(acceptance.current).toMatchObject({
      version: 1,
      value: 15,
      effectiveFrom: '2000-01-01',
      effectiveTo: null,
    });
    expect((await call(t, cadre, 'GET', '/api/v1/rules/no.such_rule')).json().error.message).toBe(
      '规则不存在',
    );
  });

  it('a new version applies from its date: the old value before it, the new one on and after it', async () => {
    const res = await revise('petition.acceptance', {
      value: 10,
      effectiveFrom: '2026-05-01',
      source: '信访工作条例（修订）',
      note: '按新规缩短',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().versions.map((v: any) => [v.version, v.value, v.effectiveFrom, v.effectiveTo])).toEqual(
      [
        [2, 10, '2026-05-01', null],
        [1, 15, '2000-01-01', '2026-04-30'],
      ],
    );
    expect(res.json().current.version).toBe(1); // today is 2026-03-02
    expect(await t.ctx.rules.value('petition.acceptance', '2026-04-30')).toBe(15);
    expect(await t.ctx.rules.value('petition.acceptance', '2026-05-01')).toBe(10);
    expect(await t.ctx.rules.value('petition.acceptance')).toBe(15);
    t.clock.current = new Date('2026-04-30T16:00:00Z'); // 2026-05-01 00:00 in China
    expect(await t.ctx.rules.value('petition.acceptance')).toBe(10);
    t.clock.current = new Date('2026-03-02T01:00:00Z');

    const [rec] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rule.new_version'), eq(auditLog.objectId, 'petition.acceptance')));
    expect(rec.detail).toMatchObject({
      before: { value: 15 },
      after: { version: 2, value: 10 },
      text: '15 天 → 10 天',
    });
  });

  it('refuses a start not after the current version’s start', async () => {
    for (const effectiveFrom of ['2026-05-01', '2026-04-15']) {
      const res = await revise('petition.acceptance', { value: 12, effectiveFrom, source: '某文件' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields.effectiveFrom).toContain(
        '生效日期须晚于现行版本的生效日期（2026-05-01）',
      );
    }
  });

  it('checks the value against the rule’s unit, the date and the source, in Chinese', async () => {
    const cases: [string, object, string, string][] = [
      ['review.excellent_cap', { value: 150 }, 'value', '0 到 100'],
      ['appointment.committee_quorum', { value: 1.5 }, 'value', '0 到 1'],
      ['petition.handling', { value: -1 }, 'value', '不小于 0'],
      ['petition.handling', { value: '60' }, 'value', '不小于 0'],
      ['security.password.reject_common', { value: 'yes' }, 'value', '是'],
      ['promotion.blocking_grades', { value: [] }, 'value', '一项或多项'],
      ['petition.handling', { value: null }, 'value', '请输入规则值'],
      ['petition.handling', { value: 30, effectiveFrom: '2026-02-30' }, 'effectiveFrom', '生效日期不正确'],
      ['petition.handling', { value: 30, source: ' ' }, 'source', '请填写依据'],
    ];
    for (const [key, body, field, text] of cases) {
      const res = await revise(key, { effectiveFrom: '2027-01-01', source: '文件', ...body });
      expect(res.statusCode, `${key} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.fields[field], `${key} ${JSON.stringify(body)}`).toContain(text);
    }
    const list = await revise('promotion.blocking_grades', {
      value: ['不称职'],
      effectiveFrom: '2027-01-01',
      source: '文件',
    });
    expect(list.statusCode).toBe(200);
    expect(await t.ctx.rules.value('promotion.blocking_grades', '2027-01-01')).toEqual(['不称职']);
  });

  it('numbers concurrent revisions once: of two with the same date, one wins', async () => {
    const body = { value: 45, effectiveFrom: '2026-09-01', source: '文件' };
    const results = await Promise.all([revise('petition.handling', body), revise('petition.handling', body)]);
    // The loser either waited for the winner (422: not after its date) or raced it to the insert (409).
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([409, 422]).toContain(codes[1]);
    const rule = (await call(t, cadre, 'GET', '/api/v1/rules/petition.handling')).json();
    expect(rule.versions.map((v: any) => v.version)).toEqual([2, 1]);
  });

  it('only a rule manager may revise', async () => {
    const res = await revise(
      'petition.handling',
      { value: 30, effectiveFrom: '2027-01-01', source: '文件' },
      cadre,
    );
    expect(res.statusCode).toBe(403);
  });
});
