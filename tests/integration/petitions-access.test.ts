import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { call, type Session } from '../support/factories.js';
import { upload } from '../support/lrmx-helpers.js';
import {
  act,
  type PetitionWorld,
  petitionWorkflowWorld,
  postPetition,
} from '../support/petition-workflow-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { standInUnderNotice } from '../support/under-notice.js';

let t: TestApp;
let w: PetitionWorld;
let named: { id: number; code: string };
let assigned: { id: number };
let plain: { id: number };
const REPORTER = {
  name: '公孙秀兰',
  phone: '13711112222',
  address: '东湖镇柳树湾村七组',
  idNumber: '420106198001011237',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await petitionWorkflowWorld(t);
  const body = (over: Record<string, unknown>) => ({
    orgId: w.town.id,
    channel: 'letter',
    receivedOn: '2026-02-27',
    realName: true,
    reporter: REPORTER,
    title: '反映干部作风问题',
    content: '村干部办事拖拉，作风漂浮。',
    category: 'work_style',
    ...over,
  });
  named = await postPetition(t, w.s.officer, body({ subjects: [{ cadreId: w.cadreId }] }));
  assigned = await postPetition(
    t,
    w.s.officer,
    body({ channel: 'phone', title: '反映惠农补贴发放问题', content: '补贴迟迟未发。', category: 'finance' }),
  );
  await act(t, w.s.officer, assigned.id, 'accept');
  await act(t, w.s.officer, assigned.id, 'investigate', {
    disposal: 'preliminary_check',
    assignedUnitOrgId: w.unit.id,
  });
  plain = await postPetition(
    t,
    w.s.officer,
    body({
      realName: false,
      reporter: null,
      channel: 'visit',
      visitors: 4,
      title: '反映宅基地审批问题',
      content: '审批不公开。',
      category: 'land',
    }),
  );
});
afterAll(async () => t.close());

const listIds = async (s: Session, query = '') =>
  (await call(t, s, 'GET', `/api/v1/petitions?pageSize=200${query}`)).json().items.map((x: any) => x.id);

describe('who sees a petition', () => {
  it('another township’s officer: nothing in the list, 404 by id (audited), no step, no upload', async () => {
    expect(await listIds(w.s.otherTown)).toEqual([]);
    const r = await call(t, w.s.otherTown, 'GET', `/api/v1/petitions/${named.id}`);
    expect(r.statusCode).toBe(404);
    const step = await call(t, w.s.otherTown, 'POST', `/api/v1/petitions/${plain.id}/actions/accept`, {
      version: 1,
    });
    expect(step.statusCode).toBe(404);
    const up = await upload(t, w.s.otherTown, `/api/v1/petitions/${plain.id}/attachments`, {
      name: 'a.pdf',
      bytes: Buffer.from('%PDF-1.4\n'),
    });
    expect(up.statusCode).toBe(404);
    const denied = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.ids.otherTown), eq(auditLog.result, 'denied')));
    expect(denied.map((d) => d.action)).toEqual([
      'petition.view',
      'petition.action',
      'petition.attachment_upload',
    ]);
    const reg = await call(t, w.s.otherTown, 'POST', '/api/v1/petitions', {
      orgId: w.town.id,
      channel: 'letter',
      receivedOn: '2026-03-01',
      realName: false,
      title: '某事',
      content: '某事',
    });
    expect(reg.statusCode).toBe(404);
  });

  it('the named cadre and his wife do not see the case naming him, though they hold the role', async () => {
    for (const s of [w.s.named, w.s.wife]) {
      const ids = await listIds(s);
      expect(ids).not.toContain(named.id);
      expect(ids).toContain(plain.id);
      expect((await call(t, s, 'GET', `/api/v1/petitions/${named.id}`)).statusCode).toBe(404);
      expect(await listIds(s, `&q=${encodeURIComponent('作风')}`)).not.toContain(named.id);
    }
    expect(await listIds(w.s.officer)).toContain(named.id);
  });

  it('a unit head sees only what is assigned to their unit', async () => {
    expect(await listIds(w.s.unitHead)).toEqual([assigned.id]);
    expect((await call(t, w.s.unitHead, 'GET', `/api/v1/petitions/${assigned.id}`)).statusCode).toBe(200);
    expect((await call(t, w.s.unitHead, 'GET', `/api/v1/petitions/${plain.id}`)).statusCode).toBe(404);
    expect((await call(t, w.s.unitHead, 'POST', '/api/v1/petitions', {})).statusCode).toBe(403);
  });

  it('the township head reads but takes no step; the party secretary may only approve or return', async () => {
    expect((await call(t, w.s.head, 'GET', `/api/v1/petitions/${plain.id}`)).json().actions).toEqual([]);
    expect((await act(t, w.s.head, plain.id, 'accept')).statusCode).toBe(403);
    expect((await act(t, w.s.secretary, plain.id, 'accept')).statusCode).toBe(403);
  });
});

describe('no identity in the list or the detail', () => {
  it('never returns the reporter’s name, phone, address or ID number, nor the sealed blob', async () => {
    const list = await call(t, w.s.officer, 'GET', '/api/v1/petitions?pageSize=200');
    const detail = await call(t, w.s.officer, 'GET', `/api/v1/petitions/${named.id}`);
    for (const body of [list.body, detail.body]) {
      for (const secret of Object.values(REPORTER)) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/reporterEnc|receiptDigest|sm4:/);
    }
    expect(detail.json()).toMatchObject({ realName: true, hasReporterInfo: true });
    expect(Object.keys(list.json().items[0]).sort()).toEqual(
      [
        'category',
        'channel',
        'code',
        'dueKind',
        'dueOn',
        'id',
        'imported',
        'orgId',
        'orgName',
        'overdueDays',
        'realName',
        'receivedOn',
        'status',
        'subjects',
        'title',
        'urgent',
        'visitors',
      ].sort(),
    );
  });
});

describe('list filters, search and order', () => {
  it('finds 作风 in “反映干部作风问题” and in the content; filters by status, channel, category, dates and org', async () => {
    expect(await listIds(w.s.officer, `&q=${encodeURIComponent('作风')}`)).toEqual([named.id]);
    expect(await listIds(w.s.officer, `&q=${encodeURIComponent('宅基地 审批')}`)).toEqual([plain.id]);
    expect(await listIds(w.s.officer, `&q=${encodeURIComponent('作风宅基')}`)).toEqual([]);
    expect(await listIds(w.s.officer, '&status=investigating')).toEqual([assigned.id]);
    expect(await listIds(w.s.officer, '&channel=visit')).toEqual([plain.id]);
    expect(await listIds(w.s.officer, '&category=finance')).toEqual([assigned.id]);
    expect(await listIds(w.s.officer, '&receivedFrom=2026-02-28')).toEqual([]);
    expect((await listIds(w.s.officer, '&receivedTo=2026-02-27')).length).toBe(3);
    expect(await listIds(w.s.officer, `&orgId=${w.other.id}`)).toEqual([]);
    expect((await listIds(w.s.officer, `&orgId=${w.town.id}`)).length).toBe(3);
    const bad = await call(t, w.s.officer, 'GET', '/api/v1/petitions?status=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/状态/);
  });

  it('marks a case naming a cadre under public notice urgent and lists it first', async () => {
    standInUnderNotice(async (_db, ids) => new Set(ids.filter((id) => id === w.cadreId)));
    const u = await postPetition(t, w.s.officer, {
      orgId: w.town.id,
      channel: 'phone',
      receivedOn: '2026-03-01',
      realName: false,
      title: '反映拟任人选问题',
      content: '拟提拔人选存在问题。',
      subjects: [{ cadreId: w.cadreId }],
    });
    expect(u.urgent).toBe(true);
    const items = (await call(t, w.s.officer, 'GET', '/api/v1/petitions')).json().items;
    expect(items[0]).toMatchObject({ id: u.id, urgent: true, subjects: ['王建军'] });
    expect(await listIds(w.s.officer, '&urgent=true')).toEqual([u.id]);
  });
});

describe('attachments', () => {
  it('keeps a PDF, lists it and serves it as a download; refuses a disguised file', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await upload(t, w.s.officer, `/api/v1/petitions/${plain.id}/attachments`, {
      name: '来信扫描件.pdf',
      bytes: pdf,
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({
      fileName: '来信扫描件.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    const detail = (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${plain.id}`)).json();
    expect(detail.attachments.map((a: any) => a.fileName)).toEqual(['来信扫描件.pdf']);
    const dl = await call(t, w.s.officer, 'GET', `/api/v1/petitions/${plain.id}/attachments/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(
      (await call(t, w.s.otherTown, 'GET', `/api/v1/petitions/${plain.id}/attachments/${up.json().id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t, w.s.officer, 'GET', `/api/v1/petitions/${named.id}/attachments/${up.json().id}`))
        .statusCode,
    ).toBe(404);
    const exe = await upload(t, w.s.officer, `/api/v1/petitions/${plain.id}/attachments`, {
      name: '照片.pdf',
      bytes: Buffer.from('MZ\x90\x00fake exe'),
    });
    expect(exe.statusCode).toBe(422);
    expect(exe.json().error.message).toMatch(/类型不受支持/);
  });
});
