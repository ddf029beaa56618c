import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/server/platform/audit/export-audit.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { seedAuditHistory } from '../support/audit-history.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let auditor: Session;
let auditorName: string;
let orgId: number;

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrg(t.ctx, '审计镇')).id;
  const a = await makeUser(t.ctx, { orgId, roles: ['audit_admin'], dataScope: 'all' });
  auditorName = a.username;
  auditor = await signIn(t, a.username);
  await seedAuditHistory(t.ctx, orgId);
});
afterAll(async () => t.close());

describe('audit log export', () => {
  it('returns a real .xlsx with Chinese headers and the rows, and audits the export with its filters', async () => {
    const res = await call(t, auditor, 'GET', '/api/v1/audit/export?username=clerk&action=org.delete');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('审计日志-20260302.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('审计日志')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '时间',
      '用户',
      '单位',
      '操作',
      '对象类型',
      '对象',
      '结果',
      '来源地址',
      '详情',
      '哈希',
    ]);
    expect(ws.rowCount).toBe(6);
    const first = (ws.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 8)).toEqual([
      '2026-02-28 00:20:00',
      'clerk',
      '审计镇',
      '删除组织',
      '组织',
      '120',
      '成功',
      '10.1.1.1',
    ]);
    expect(first[8]).toBe('{"n":20}');
    expect(first[9]).toMatch(/^[0-9a-f]{64}$/);

    const [rec] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'audit.export'));
    expect(rec.username).toBe(auditorName);
    expect(rec.detail).toEqual({ filters: { username: 'clerk', action: 'org.delete' }, rows: 5 });
  });

  it('refuses an export over the cap with a Chinese request to narrow the filter', async () => {
    const actor = { userId: 1, username: auditorName, orgId, ip: null } as any;
    await expect(
      exportAudit({ ctx: t.ctx, actor, filters: { username: 'clerk' }, limit: 10 }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('请缩小时间范围或增加筛选条件'),
    });
  });
});

describe('tamper evidence', () => {
  it('the application cannot update or delete audit rows', async () => {
    await expect(t.ctx.db.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, 1))).rejects.toThrow();
    await expect(t.ctx.db.delete(auditLog).where(eq(auditLog.id, 1))).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('the verifier passes an intact chain and reports the first edited row', async () => {
    const ok = await call(t, auditor, 'GET', '/api/v1/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, firstBreak: null });
    expect(ok.json().checked).toBeGreaterThan(26);
    const [victim] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, '110'));
    await t.ctx.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    try {
      await t.ctx.db.update(auditLog).set({ action: 'org.create' }).where(eq(auditLog.id, victim.id));
    } finally {
      await t.ctx.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
    const res = await call(t, auditor, 'GET', '/api/v1/audit/verify');
    expect(res.json()).toMatchObject({ ok: false, firstBreak: { id: victim.id, reason: 'hash_mismatch' } });
    expect(res.json().checked).toBe(victim.id - 1);
    const [rec] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.verify'))
      .orderBy(sql`id desc`)
      .limit(1);
    expect(rec.result).toBe('failure');
  });
});
