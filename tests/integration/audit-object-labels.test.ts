import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/server/modules/cadres/audit-labels.js';
import { objectLabels } from '../../src/server/platform/audit/object-labels.js';
import { call, makeUser, signIn } from '../support/factories.js';
import { petitionWorkflowWorld, postPetition } from '../support/petition-workflow-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the audit log names its objects as people do', () => {
  it('a petition by its number, a cadre by name, a user by name and account — never an id alone, never a title', async () => {
    const w = await petitionWorkflowWorld(t);
    const p = await postPetition(t, w.s.officer, {
      orgId: w.town.id,
      channel: 'letter',
      receivedOn: '2026-03-02',
      realName: false,
      title: '反映干部违规吃喝',
      content: '某干部多次公款吃喝。',
      subjects: [],
    });
    expect((await call(t, w.s.officer, 'GET', `/api/v1/petitions/${p.id}`)).statusCode).toBe(200);
    const auditor = await makeUser(t.ctx, { orgId: w.district.id, roles: ['audit_admin'], dataScope: 'all' });
    const s = await signIn(t, auditor.username);
    const rows = (await call(t, s, 'GET', '/api/v1/audit?pageSize=200')).json().items as any[];
    const ofPetition = rows.filter((r) => r.objectType === 'petition' && r.objectId === String(p.id));
    expect(ofPetition.length).toBeGreaterThan(0);
    expect(ofPetition.every((r) => r.objectLabel === p.code)).toBe(true);
    expect(JSON.stringify(ofPetition)).not.toContain('违规吃喝');
    const labels = await objectLabels(t.ctx.db, [
      { objectType: 'user', objectId: String(w.ids.officer) },
      { objectType: 'org', objectId: String(w.town.id) },
      { objectType: 'cadre', objectId: String(w.cadreId) },
    ]);
    expect(labels.get(`user:${w.ids.officer}`)).toMatch(/^测试用户\d+（user\d+_\d+）$/);
    expect(labels.get(`org:${w.town.id}`)).toBe('东湖镇');
    expect(labels.get(`cadre:${w.cadreId}`)).toBe('王建军');

    const xlsx = await call(t, s, 'GET', '/api/v1/audit/export');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const cells = wb.getWorksheet('审计日志')!.getColumn(6).values.map(String);
    expect(cells).toContain(`${p.code}（#${p.id}）`);
  });
});
