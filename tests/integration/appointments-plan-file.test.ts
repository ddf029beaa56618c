import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentPlanFiles } from '../../src/server/modules/appointments/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { appointmentWorld } from '../support/appointment-world.js';
import { upload } from '../support/lrmx-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof appointmentWorld>>;
beforeAll(async () => {
  t = await createTestApp(); // today is Monday 2026-03-02 in China
  w = await appointmentWorld(t);
}, 60_000);
afterAll(async () => t.close());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const url = (id: number, rest = '') => `/api/v1/appointments/${id}${rest}`;

describe('工作方案 as a file of the 动议', () => {
  let id: number;
  let version: number;

  it('the officer managing the case uploads the plan; it is listed on the case and downloads as it was', async () => {
    const created = await w.api('org', 'POST', '/api/v1/appointments', {
      orgId: w.townA,
      title: '财政所所长竞争上岗',
      method: 'competitive',
      decidingBody: 'cadre_group',
      positionIds: [w.posts.director],
      proposedOn: '2026-03-02',
      plan: '见附件',
      proposer: { cadreId: w.cadres.wang },
      handler: { name: '周立新' },
    });
    expect(created.statusCode, created.body).toBe(200);
    id = created.json().id;
    version = created.json().version;
    expect(created.json().planFiles).toEqual([]);
    const res = await upload(t, w.s.org, url(id, '/plan-files'), {
      name: '竞争上岗工作方案.pdf',
      bytes: pdf,
    });
    expect(res.statusCode, res.body).toBe(200);
    const fileId = res.json().id;
    const c = (await w.api('org', 'GET', url(id))).json();
    expect(c.planFiles).toEqual([{ id: fileId, fileName: '竞争上岗工作方案.pdf', uploadedOn: '2026-03-02' }]);
    expect(c.version).toBe(version); // a file is not a change of the case's facts
    const got = await w.api('discipline', 'GET', url(id, `/plan-files/${fileId}`));
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(Buffer.from(got.rawPayload).equals(pdf)).toBe(true);
    // audited by number, never by the file's name
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appointment.plan_download'), eq(auditLog.objectId, String(id))));
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0].detail)).not.toContain('竞争上岗工作方案');
  });

  it('refuses a file that is not a document, a reader without appointment.manage and another township; nothing written', async () => {
    const before = await t.ctx.db.select().from(appointmentPlanFiles);
    const bad = await upload(t, w.s.org, url(id, '/plan-files'), {
      name: '方案.pdf',
      bytes: Buffer.from('MZ not a document'),
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(
      (await upload(t, w.s.discipline, url(id, '/plan-files'), { name: 'a.pdf', bytes: pdf })).statusCode,
    ).toBe(403);
    expect(
      (await upload(t, w.s.otherTown, url(id, '/plan-files'), { name: 'a.pdf', bytes: pdf })).statusCode,
    ).toBe(404);
    const [first] = before;
    expect((await w.api('otherTown', 'GET', url(id, `/plan-files/${first.id}`))).statusCode).toBe(404);
    expect(await t.ctx.db.select().from(appointmentPlanFiles)).toHaveLength(before.length);
  });

  it('takes no more files once the case is 撤销', async () => {
    const stop = await w.api('org', 'POST', url(id, '/stop'), {
      version,
      reason: '岗位调整，停止本次竞争上岗',
    });
    expect(stop.statusCode, stop.body).toBe(200);
    const late = await upload(t, w.s.org, url(id, '/plan-files'), { name: '补充方案.pdf', bytes: pdf });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toBe('该事项已撤销，不能再上传工作方案');
    // what was filed stays readable
    expect((await w.api('org', 'GET', url(id))).json().planFiles).toHaveLength(1);
  });
});
