import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptDigest } from '../../src/server/modules/petitions/portal/receipt.js';
import {
  petitionAttachments,
  petitionEvents,
  petitions,
  portalSubmissions,
} from '../../src/server/modules/petitions/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { MB } from '../../src/server/platform/files/store.js';
import { makeUser, signIn } from '../support/factories.js';
import {
  anonymousReport,
  docx,
  formKey,
  jpeg,
  portalPost,
  portalWorld,
  solved,
  submitReport,
} from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof portalWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await portalWorld(t);
});
afterAll(async () => t.close());

/** Where the file store keeps these bytes (content-addressed, under the year of the fake clock). */
const stored = (bytes: Buffer) =>
  path.join(t.ctx.config.dataDir, 'files', '26', createHash('sha256').update(bytes).digest('hex'));
const count = async () => (await t.ctx.db.select().from(petitions)).length;
const CODE = /^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/;

describe('portal: the form', () => {
  it('offers the townships (not the district or departments) and the problem categories', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/orgs' });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .orgs.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(['东湖镇', '西岭镇'].sort());
    expect(res.json().categories).toContainEqual({ code: 'work_style', label: '干部作风' });
  });

  it('refuses an org that does not accept reports', async () => {
    const res = await submitReport(t, anonymousReport(w.unit.id), [], '10.1.0.1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('请选择受理乡镇');
  });
});

describe('portal: a report', () => {
  it('registers an anonymous online report with its files and answers the receipt code once', async () => {
    const res = await submitReport(t, anonymousReport(w.town.id), [
      { name: '现场照片.jpg', bytes: jpeg() },
      { name: '情况说明.docx', bytes: docx() },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({
      duplicate: false,
      orgName: '东湖镇',
      status: { stage: 'received', stageLabel: '已收到，等待受理' },
    });
    expect(out.receiptCode).toMatch(CODE);
    const [p] = await t.ctx.db
      .select()
      .from(petitions)
      .where(eq(petitions.receiptDigest, receiptDigest(t.ctx, out.receiptCode.replaceAll('-', ''))));
    expect(p).toMatchObject({
      channel: 'online',
      realName: false,
      reporterEnc: null,
      status: 'registered',
      orgId: w.town.id,
    });
    expect(JSON.stringify(p)).not.toContain(out.receiptCode.replaceAll('-', ''));
    const files = await t.ctx.db
      .select()
      .from(petitionAttachments)
      .where(eq(petitionAttachments.petitionId, p.id));
    expect(files.map((f) => [f.fileName, f.contentType, f.fromPublic]).sort()).toEqual([
      ['情况说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', true],
      ['现场照片.jpg', 'image/jpeg', true],
    ]);
    const events = await t.ctx.db.select().from(petitionEvents).where(eq(petitionEvents.petitionId, p.id));
    expect(events.map((e) => e.action)).toEqual(['register']);
  });

  it('seals a real-name reporter and asks for a way to reach them', async () => {
    const noPhone = await submitReport(
      t,
      anonymousReport(w.town.id, { anonymous: false, reporter: { name: '李群众' } }),
    );
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error.message).toContain('联系电话');
    const res = await submitReport(
      t,
      anonymousReport(w.town.id, { anonymous: false, reporter: { name: '李群众', phone: '13800001111' } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const [p] = await t.ctx.db
      .select()
      .from(petitions)
      .orderBy(petitions.id)
      .limit(1)
      .offset((await count()) - 1);
    expect(p.realName).toBe(true);
    expect(p.reporterEnc).toMatch(/^sm4:/);
    expect(p.reporterEnc).not.toContain('李群众');
  });

  it('checks the reporter’s ID number as the cadre form does, under the field', async () => {
    const before = await count();
    const report = (idNumber: string) =>
      submitReport(
        t,
        anonymousReport(w.town.id, {
          anonymous: false,
          reporter: { name: '李群众', phone: '13800001111', idNumber },
        }),
        [],
        '10.9.0.1', // an address of its own: the portal's throttle counts per address
      );
    for (const [idNumber, message] of [
      ['12345', '身份证号码应为 18 位（最后一位可为 X）'],
      ['420106198001011234', '身份证号码校验位不正确'],
      ['420106198002301230', '身份证号码中的出生日期无效'],
    ]) {
      const res = await report(idNumber);
      expect(res.statusCode, idNumber).toBe(400);
      expect(res.json().error.fields, idNumber).toEqual({ 'reporter.idNumber': message });
    }
    expect(await count()).toBe(before);
    expect((await report(' 43010219850715432x')).statusCode).toBe(200);
  });
});

describe('portal: anonymous by construction', () => {
  it('ties nothing to a signed-in user whose session the browser carries, and keeps no address', async () => {
    const officer = await makeUser(t.ctx, { orgId: w.town.id, roles: ['discipline_officer'] });
    const s = await signIn(t, officer.username);
    const data = { ...anonymousReport(w.town.id), challenge: await solved(t, '10.1.0.9') };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/submissions',
      payload: data,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      remoteAddress: '10.1.0.9',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [p] = await t.ctx.db.select().from(petitions).orderBy(desc(petitions.id)).limit(1);
    expect(p.createdBy).toBeNull();
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'petition'), eq(auditLog.objectId, String(p.id))));
    expect(audits.map((a) => [a.action, a.userId, a.ip])).toEqual([['petition.register', null, null]]);
    const all = await t.ctx.db.select().from(auditLog).where(eq(auditLog.userId, officer.id));
    expect(all.map((a) => a.action)).not.toContain('petition.register');
    expect(JSON.stringify(await t.ctx.db.select().from(auditLog))).not.toContain('10.1.0.9');
  });
});

describe('portal: the same form sent twice', () => {
  it('creates one record; the resend shows the same code while it is remembered, then only the status', async () => {
    const data = anonymousReport(w.town.id);
    const challenge = await solved(t);
    const before = await count();
    const first = await portalPost(t, '/api/v1/portal/submissions', { ...data, challenge });
    const again = await portalPost(t, '/api/v1/portal/submissions', { ...data, challenge });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, receiptCode: first.json().receiptCode });
    expect(await count()).toBe(before + 1);
    t.clock.advanceMinutes(6);
    const later = await portalPost(t, '/api/v1/portal/submissions', { ...data, challenge });
    expect(later.json()).toMatchObject({ duplicate: true, receiptCode: null, status: { title: data.title } });
    expect(await count()).toBe(before + 1);
  });

  it('creates one record for a double click (two requests at once)', async () => {
    const data = { ...anonymousReport(w.town.id), challenge: await solved(t) };
    const before = await count();
    const answers = await Promise.all([
      portalPost(t, '/api/v1/portal/submissions', data),
      portalPost(t, '/api/v1/portal/submissions', data),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => a.json().duplicate).sort()).toEqual([false, true]);
    expect(await count()).toBe(before + 1);
    const keys = await t.ctx.db.select().from(portalSubmissions);
    expect(new Set(keys.map((k) => k.petitionId)).size).toBe(keys.length);
  });
});

describe('portal: the anti-bot check', () => {
  const refused = (res: { statusCode: number; json(): any }) => {
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('challenge');
    expect(res.json().error.message).toContain('安全校验');
  };

  it('refuses a tampered, unsolved, expired or replayed challenge', async () => {
    const before = await count();
    const good = await solved(t);
    const [nonce, exp, diff, mac] = good.token.split('.');
    const url = '/api/v1/portal/submissions';
    refused(
      await portalPost(t, url, {
        ...anonymousReport(w.town.id),
        challenge: { ...good, token: `${nonce}.${Number(exp) + 3_600_000}.${diff}.${mac}` },
      }),
    );
    refused(
      await portalPost(t, url, {
        ...anonymousReport(w.town.id),
        challenge: { ...good, token: `${nonce}.${exp}.1.${mac}` },
      }),
    );
    refused(
      await portalPost(t, url, {
        ...anonymousReport(w.town.id),
        challenge: { ...good, counter: good.counter + 1 },
      }),
    );
    refused(
      await portalPost(t, url, { ...anonymousReport(w.town.id), challenge: { token: 'x', counter: 0 } }),
    );
    const missing = await portalPost(t, url, anonymousReport(w.town.id));
    expect(missing.statusCode).toBe(400);
    expect(await count()).toBe(before);

    expect((await portalPost(t, url, { ...anonymousReport(w.town.id), challenge: good })).statusCode).toBe(
      200,
    );
    refused(await portalPost(t, url, { ...anonymousReport(w.town.id), challenge: good })); // another form, same answer
    const late = await solved(t);
    t.clock.advanceMinutes(11);
    refused(await portalPost(t, url, { ...anonymousReport(w.town.id), challenge: late }));
    expect(await count()).toBe(before + 1);
  });

  it('stores no file for a replayed (already spent) challenge, nor for a refused file among good ones', async () => {
    const ip = '10.1.0.7'; // its own rate-limit bucket
    const good = await solved(t, ip);
    const url = '/api/v1/portal/submissions';
    const first = await portalPost(t, url, { ...anonymousReport(w.town.id), challenge: good }, [], ip);
    expect(first.statusCode).toBe(200);
    const before = await count();
    const replayed = jpeg(`replayed ${formKey()}`);
    const again = { ...anonymousReport(w.town.id), challenge: good };
    refused(await portalPost(t, url, again, [{ name: '重放.jpg', bytes: replayed }], ip));
    expect(existsSync(stored(replayed))).toBe(false);
    // a good file and a disguised one: the request is refused before either is written
    const photo = jpeg(`photo ${formKey()}`);
    const mixed = await submitReport(
      t,
      anonymousReport(w.town.id),
      [
        { name: '照片.jpg', bytes: photo },
        { name: '伪装.jpg', bytes: Buffer.from('MZ\x90\x00') },
      ],
      ip,
    );
    expect(mixed.statusCode).toBe(422);
    expect(existsSync(stored(photo))).toBe(false);
    expect(await count()).toBe(before);
  });

  it('refuses a form whose hidden field was filled, saying no more than for a bad challenge', async () => {
    const before = await count();
    refused(await submitReport(t, anonymousReport(w.town.id, { website: 'http://spam.example' })));
    expect(await count()).toBe(before);
  });
});

describe('portal: attachments', () => {
  it('refuses an oversized file, a disguised one and a sixth one, and registers nothing', async () => {
    const before = await count();
    const big = await submitReport(
      t,
      anonymousReport(w.town.id),
      [{ name: '大图.jpg', bytes: Buffer.concat([jpeg(), Buffer.alloc(10 * MB)]) }],
      '10.1.0.2',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('10 MB');
    for (const bytes of [
      Buffer.from('<html><script>alert(1)</script></html>'),
      Buffer.from('MZ\x90\x00\x03'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    ]) {
      const res = await submitReport(
        t,
        anonymousReport(w.town.id),
        [{ name: '照片.jpg', bytes }],
        '10.1.0.2',
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('照片.jpg');
    }
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, bytes: jpeg(String(i)) }));
    const many = await submitReport(t, anonymousReport(w.town.id), six, '10.1.0.2');
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toContain('附件最多 5 个');
    expect(await count()).toBe(before);
  });

  it('answers a broken form in Chinese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/submissions',
      payload: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{not json\r\n--x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      remoteAddress: '10.1.0.3',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const key = await portalPost(t, '/api/v1/portal/submissions', {
      ...anonymousReport(w.town.id),
      idempotencyKey: 'short',
      challenge: { token: 'x', counter: 1 },
    });
    expect(key.json().error.message).toContain('提交编号');
    expect(formKey()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
