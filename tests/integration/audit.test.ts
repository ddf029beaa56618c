import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditWhere } from '../../src/server/platform/audit/filters.js';
import { auditPage } from '../../src/server/platform/audit/list-audit.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { rowsOf } from '../../src/server/platform/db/rows.js';
import { seedAuditHistory } from '../support/audit-history.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let auditor: Session;
let auditorName: string;
let sysAdmin: Session;
let orgId: number;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrg(t.ctx, '审计镇')).id;
  const a = await makeUser(t.ctx, { orgId, roles: ['audit_admin'], dataScope: 'all' });
  auditorName = a.username;
  auditor = await signIn(t, a.username);
  sysAdmin = await signIn(
    t,
    (await makeUser(t.ctx, { orgId, roles: ['sys_admin'], dataScope: 'all' })).username,
  );
  await seedAuditHistory(t.ctx, orgId);
});
afterAll(async () => t.close());

const list = (query: string) => call(t, auditor, 'GET', `/api/v1/audit?${query}`);

describe('audit log list', () => {
  it('filters by day in China time, user, action prefix or code, result and object, newest first, paged', async () => {
    const day = await list('from=2026-02-28&to=2026-02-28&username=clerk&pageSize=10');
    expect(day.statusCode).toBe(200);
    expect(day.json().total).toBe(25);
    expect(day.json().items.map((r: any) => r.objectId)).toEqual([
      '124',
      '123',
      '122',
      '121',
      '120',
      '119',
      '118',
      '117',
      '116',
      '115',
    ]);
    const page3 = await list('from=2026-02-28&to=2026-02-28&username=clerk&pageSize=10&page=3');
    expect(page3.json().items.map((r: any) => r.objectId)).toEqual(['104', '103', '102', '101', '100']);
    expect(page3.json().items[0]).toMatchObject({ orgName: '审计镇', ip: '10.1.1.1', detail: { n: 4 } });

    expect((await list('username=clerk')).json().total).toBe(26);
    expect((await list('username=clerk&to=2026-02-27')).json().total).toBe(1);
    expect((await list('username=clerk&action=org.delete')).json().total).toBe(5);
    expect((await list('username=clerk&action=org.')).json().total).toBe(26);
    expect((await list('username=clerk&action=org.upd')).json().total).toBe(20);
    expect((await list('username=clerk&result=failure')).json().items[0].objectId).toBe('107');
    expect((await list('objectType=org&objectId=99')).json().items[0].action).toBe('org.create');
    expect((await list('from=2026-02-27T16:10:00Z&to=2026-02-27T16:12:00Z')).json().total).toBe(3);
    expect((await list('username=nobody')).json().total).toBe(0);
  });

  it('finds an account’s records by its id, and refuses bad filters with a Chinese message', async () => {
    const mine = await list(`username=${auditorName}&action=auth.login`);
    expect(mine.json().total).toBe(1);
    const bad = await list('from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('开始日期：日期不存在，请检查年月日');
    expect((await list('result=ok')).json().error.message).toContain('结果只能是');
    expect((await list('pageSize=1000')).statusCode).toBe(400);
  });

  it('refuses dates it cannot compute with, and a range that ends before it starts, on the list and the export', async () => {
    const cases: [string, string][] = [
      ['from=9999-12-31', '开始日期：日期应在 1900 年至 2100 年之间'],
      ['to=9999-12-31', '结束日期：日期应在 1900 年至 2100 年之间'],
      ['from=0001-01-01', '开始日期：日期应在 1900 年至 2100 年之间'],
      ['from=9999-12-31T23:59:59Z', '开始日期：日期应在 1900 年至 2100 年之间'],
      ['to=2026-13-01', '结束日期：日期不存在，请检查年月日'],
      ['from=2026-03-02&to=2026-03-01', '结束日期：不能早于开始日期'],
      ['from=2026-03-02T10:00:00Z&to=2026-03-02T09:00:00Z', '结束日期：不能早于开始日期'],
      [
        'from=yesterday',
        '开始日期：请输入日期（如 2026-03-01）或带时区的时间（如 2026-03-01T08:00:00+08:00）',
      ],
      [
        `username=${encodeURIComponent('a\u0000b')}`,
        '用户名：含有无法保存的字符（如空字符或不完整的字符），请删除后重试',
      ],
    ];
    for (const path of ['/api/v1/audit', '/api/v1/audit/export']) {
      for (const [query, message] of cases) {
        const res = await call(t, auditor, 'GET', `${path}?${query}`);
        expect(res.statusCode, `${path}?${query} → ${res.body}`).toBe(400);
        expect(res.json().error.message, `${path}?${query}`).toBe(message);
      }
    }
    // the same day as from and to is one whole day, not an empty range
    expect((await list('from=2026-02-27&to=2026-02-27')).statusCode).toBe(200);
  });

  it('records each viewing of the log', async () => {
    await list('objectId=42424');
    // The viewing is recorded by the onResponse hook, which may finish just after the reply.
    await expect
      .poll(async () => {
        const views = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'audit.view'));
        return views.some((v) => (v.detail as any).url.includes('objectId=42424'));
      })
      .toBe(true);
  });

  it('is read only by the audit administrator: the system administrator gets 403, audited', async () => {
    for (const url of ['/api/v1/audit', '/api/v1/audit/export', '/api/v1/audit/verify']) {
      const res = await call(t, sysAdmin, 'GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.message).toBe('没有权限执行此操作');
    }
    const denied = await list('action=access.denied&result=denied');
    expect(denied.json().total).toBeGreaterThanOrEqual(3);
  });

  it('runs the filtered page query on the audit_log indexes', async () => {
    const plan = async (filters: object) =>
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const q = auditPage(tx, await auditWhere(tx, filters), 20, 0);
        return rowsOf<Record<string, string>>(await tx.execute(sql`explain ${q}`))
          .map((r) => Object.values(r)[0])
          .join('\n');
      });
    expect(await plan({ from: '2026-02-28', to: '2026-02-28' })).toContain('audit_at_idx');
    expect(await plan({ action: 'org.delete' })).toContain('audit_action_at_idx');
    expect(await plan({ username: auditorName })).toContain('audit_user_at_idx');
    expect(await plan({ objectType: 'org', objectId: '99' })).toContain('audit_object_idx');
  });
});
