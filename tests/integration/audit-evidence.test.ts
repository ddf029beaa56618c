import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rectificationAttachments, rectificationItems } from '../../src/server/modules/audits/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { auditWorld } from '../support/audit-world.js';
import { upload } from '../support/lrmx-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// 证明材料 as files: the rectifying unit attaches them, 申请销号 counts them, the 审计台帐 lists them.
let t: TestApp;
let w: Awaited<ReturnType<typeof auditWorld>>;
let itemId: number;
let auditId: number;
// a 1×1 PNG
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const step = (who: string, body: Record<string, unknown>) =>
  w.api(who, 'POST', `/api/v1/rectification-items/${itemId}/steps`, body);
const version = async () =>
  (await t.ctx.db.select().from(rectificationItems).where(eq(rectificationItems.id, itemId)))[0].version;

beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China
  w = await auditWorld(t);
  const audit = await w.api('auditor', 'POST', '/api/v1/econ-audits', {
    orgId: w.unitA,
    kind: 'periodic',
    title: '农业服务中心2025年度财务收支审计',
    subjectCadreId: w.cadres.zhang,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    auditorUserIds: [w.ids.auditor2],
  });
  expect(audit.statusCode, audit.body).toBe(200);
  auditId = audit.json().id;
  const f = await w.api('auditor', 'POST', `/api/v1/econ-audits/${audit.json().id}/findings`, w.finding(1));
  expect(f.statusCode, f.body).toBe(200);
  itemId = f.json().findings[0].item.id;
  const plan = await step('headA', {
    version: 1,
    action: 'plan',
    measures: '清退违规补贴',
    responsibleUnit: '农业服务中心',
    responsiblePerson: '李四',
    deadline: '2026-06-30',
  });
  expect(plan.statusCode, plan.body).toBe(200);
});
afterAll(async () => t.close());

describe('证明材料 files on a rectification item', () => {
  const url = () => `/api/v1/rectification-items/${itemId}/evidence`;

  it('only the rectifying unit uploads; a bad file is a 4xx; nothing written', async () => {
    expect((await upload(t, w.s.headB, url(), { name: '凭证.png', bytes: png })).statusCode).toBe(404);
    expect((await upload(t, w.s.auditor, url(), { name: '凭证.png', bytes: png })).statusCode).toBe(403);
    const bad = await upload(t, w.s.headA, url(), { name: '凭证.png', bytes: Buffer.from('not a picture') });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(await t.ctx.db.select().from(rectificationAttachments)).toEqual([]);
  });

  it('the unit head attaches a scan; the item shows it; the auditor downloads it; a relative cannot', async () => {
    const res = await upload(t, w.s.headA, url(), { name: '清退收款凭证.png', bytes: png });
    expect(res.statusCode, res.body).toBe(200);
    const fileId = res.json().id;
    const item = (await w.api('auditor', 'GET', `/api/v1/rectification-items/${itemId}`)).json();
    expect(item.evidenceFiles).toEqual([
      { id: fileId, fileName: '清退收款凭证.png', uploadedOn: '2026-03-02' },
    ]);
    const got = await w.api('auditor2', 'GET', `${url()}/${fileId}`);
    expect(got.statusCode).toBe(200);
    expect(Buffer.from(got.rawPayload).equals(png)).toBe(true);
    expect((await w.api('spouse', 'GET', `${url()}/${fileId}`)).statusCode).toBe(404);
    expect((await w.api('headB', 'GET', `${url()}/${fileId}`)).statusCode).toBe(404);
    // the audit log names the item by number, never the file's name
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'rectification.attachment_upload'));
    expect(JSON.stringify(logged)).toContain(`"attachmentId":${fileId}`);
    expect(JSON.stringify(logged)).not.toContain('清退收款凭证');
  });

  it('申请销号 with the file as its only evidence; no more files until it is returned', async () => {
    const res = await step('headA', { version: await version(), action: 'apply' });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.ctx.db.select().from(rectificationItems).where(eq(rectificationItems.id, itemId));
    expect(row.status).toBe('applied');
    expect(row.evidenceFileIds).toHaveLength(1);
    const late = await upload(t, w.s.headA, url(), { name: '补充.png', bytes: png });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('已申请销号');
  });

  it('the 审计台帐’s 证明材料 lists the text and each file with its date', async () => {
    const accept = await step('auditor2', { version: await version(), action: 'accept' });
    expect(accept.statusCode, accept.body).toBe(200);
    const res = await w.api('auditor', 'GET', '/api/v1/rectification-items/ledger.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = ws.getRow(2).values as string[];
    const row = ws.getRow(3);
    expect(row.getCell(headers.indexOf('证明材料')).value).toBe('附件：清退收款凭证.png（2026-03-02）');
    expect(String(row.getCell(headers.indexOf('销号')).value)).toBe('已销号 2026-03-02');
  });
});

describe('the audit report as a file', () => {
  const url = () => `/api/v1/econ-audits/${auditId}/report-files`;

  it('an auditor of the audit uploads it; another officer, a unit head and a bad file are refused', async () => {
    expect((await upload(t, w.s.bystander, url(), { name: '审计报告.png', bytes: png })).statusCode).toBe(
      403,
    );
    expect((await upload(t, w.s.headA, url(), { name: '审计报告.png', bytes: png })).statusCode).toBe(403);
    const bad = await upload(t, w.s.auditor, url(), { name: '审计报告.png', bytes: Buffer.from('x') });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    const res = await upload(t, w.s.auditor, url(), { name: '审计报告.png', bytes: png });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await w.api('auditor2', 'GET', `/api/v1/econ-audits/${auditId}`)).json();
    expect(detail.reportFiles).toEqual([
      { id: res.json().id, fileName: '审计报告.png', uploadedOn: '2026-03-02' },
    ]);
    const got = await w.api('secretary', 'GET', `${url()}/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(Buffer.from(got.rawPayload).equals(png)).toBe(true);
    expect((await w.api('spouse', 'GET', `${url()}/${res.json().id}`)).statusCode).toBe(404);
    expect((await w.api('otherTown', 'GET', `${url()}/${res.json().id}`)).statusCode).toBe(404);
  });
});
