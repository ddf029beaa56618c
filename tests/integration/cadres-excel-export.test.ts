import { desc, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadres, tenures } from '../../src/server/modules/cadres/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import {
  rosterRow,
  rosterWorkbook,
  type SheetRow,
  sheetRows,
  upload,
  waitForJob,
} from '../support/roster-sheets.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let officer: Session; // 大兴镇, may see full ID numbers
let secretary: Session; // 大兴镇, may export but sees masked ID numbers
let neighbour: Session; // 长安镇
let village: number;
let source: SheetRow[];

async function importRows(s: Session, rows: SheetRow[]) {
  const res = await upload(t, s, '/api/v1/cadres/import/excel', await rosterWorkbook(rows));
  const job = await waitForJob(t, s, res.json().id);
  expect(job.status, job.message).toBe('succeeded');
}

async function exported(s: Session, query = '') {
  const res = await call(t, s, 'GET', `/api/v1/cadres/export.xlsx${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as any);
  const ws = wb.getWorksheet('干部花名册')!;
  return { res, ws, rows: sheetRows(ws, 2) };
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  await makeOrg(t.ctx, '党政办', daxing.id, 'department');
  village = (await makeOrg(t.ctx, '红星村', daxing.id, 'village')).id;
  const changan = await makeOrg(t.ctx, '长安镇', district.id);
  await makeOrg(t.ctx, '党政办', changan.id, 'department');
  const user = (orgId: number, role: string) =>
    makeUser(t.ctx, { orgId, roles: [role] }).then((u) => signIn(t, u.username));
  officer = await user(daxing.id, 'org_officer');
  secretary = await user(daxing.id, 'party_secretary');
  neighbour = await user(changan.id, 'org_officer');
  source = Array.from({ length: 40 }, (_, i) => rosterRow(i, i % 2 ? '大兴镇/党政办' : '红星村'));
  await importRows(officer, source);
  await importRows(neighbour, [rosterRow(900, '长安镇/党政办'), rosterRow(901, '长安镇')]);
});
afterAll(async () => t.close());

describe('roster export', () => {
  it('writes the 花名册 with a title, the caller’s cadres only, and full ID numbers for cadre.id_number', async () => {
    const { res, ws, rows } = await exported(officer);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('干部花名册-20260302.xlsx')}`,
    );
    expect(ws.getCell(1, 1).value).toBe('干部花名册（大兴镇 / 2026-03-02 09:00）');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => r.姓名).sort()).toEqual(source.map((r) => r.姓名).sort());
    const byName = new Map(rows.map((r) => [r.姓名, r]));
    for (const s of source) {
      const r = byName.get(s.姓名)!;
      expect(r.身份证号码).toBe(s.身份证号码);
      expect(r.所在单位).toBe(s.所在单位 === '红星村' ? '红星村' : '党政办'); // unique within the caller's scope
    }
    expect(rows.some((r) => String(r.姓名).startsWith('干部009'))).toBe(false); // 长安镇's
    expect(rows[0].序号).toBe(1);

    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cadre.export'))
      .orderBy(desc(auditLog.id));
    expect(audit.detail).toEqual({ filters: {}, rows: 40, idNumbers: 'full' });
  });

  it('masks ID numbers for a caller without cadre.id_number, and applies the roster filters', async () => {
    const { rows } = await exported(secretary, `?orgId=${village}&level=fuke`);
    const wanted = source.filter((s) => s.所在单位 === '红星村' && s.职务层次 === '副科');
    expect(rows.map((r) => r.姓名).sort()).toEqual(wanted.map((s) => s.姓名).sort());
    for (const r of rows) expect(r.身份证号码).toMatch(/^110101\*{8}\d{3}[\dX]$/);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cadre.export'))
      .orderBy(desc(auditLog.id));
    expect(audit.detail).toEqual({
      filters: { orgId: village, level: 'fuke' },
      rows: wanted.length,
      idNumbers: 'masked',
    });
  });

  it('keeps another township’s cadres to that township', async () => {
    const { rows, ws } = await exported(neighbour);
    expect(rows.map((r) => r.姓名)).toEqual(['干部00901', '干部00900']); // by unit, then name
    expect(rows.map((r) => r.所在单位)).toEqual(['长安镇', '党政办']);
    expect(String(ws.getCell(1, 1).value)).toContain('长安镇');
  });

  it('reads back to the same data when re-imported with full ID numbers', async () => {
    const snapshot = async () => {
      const live = await t.ctx.db.select().from(cadres).where(isNull(cadres.deletedAt));
      const posts = await t.ctx.db.select().from(tenures);
      return live
        .filter((c) => !c.name.startsWith('干部009'))
        .map(({ id, version, createdAt, updatedAt, deletedAt, idNumberEnc, ...c }) => ({
          ...c,
          post: posts
            .filter((p) => p.cadreId === id && p.endDate === null)
            .map(({ id: _, cadreId, createdAt: __, ...p }) => p),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    };
    const before = await snapshot();
    expect(before).toHaveLength(40);
    expect(before.filter((c) => c.post.length === 1)).toHaveLength(30);
    const { res } = await exported(officer);
    await t.ctx.db.update(cadres).set({ deletedAt: t.clock.now() }).where(isNull(cadres.deletedAt));
    const again = await upload(t, officer, '/api/v1/cadres/import/excel', res.rawPayload, 'export.xlsx');
    const job = await waitForJob(t, officer, again.json().id);
    expect(job).toMatchObject({ status: 'succeeded', result: { imported: 40 } });
    expect(await snapshot()).toEqual(before);
  });
});
