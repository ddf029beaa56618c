import type { LightMyRequestResponse } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../support/admins.js';
import { call } from '../support/factories.js';
import { petitionIdentityWorld, REPORTER, SECRETS } from '../support/petition-identity-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof petitionIdentityWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await petitionIdentityWorld(t);
}, 60_000);
afterAll(async () => t.close());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const url = (id: number, file: string) => `/api/v1/petitions/${id}/documents/${file}`;

/** The text of a .docx: the runs of word/document.xml, joined; and every part of the package raw. */
function docxText(res: LightMyRequestResponse) {
  const parts = unzipSync(new Uint8Array(res.rawPayload));
  const xml = strFromU8(parts['word/document.xml']);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return {
    text,
    raw: Object.values(parts)
      .map((p) => strFromU8(p))
      .join('\n'),
  };
}
const leaks = (s: string) => SECRETS.filter((v) => s.includes(v));
const get = async (who: string, id: number, file: string) => {
  const res = await call(t, w.s[who], 'GET', url(id, file));
  expect(res.statusCode, `${who} ${file} ${res.body.slice(0, 200)}`).toBe(200);
  expect(res.headers['content-type']).toBe(DOCX);
  return { res, ...docxText(res) };
};

describe('printable case documents (.docx)', () => {
  it('lists on the petition what may be printed now', async () => {
    const { named, contact } = w.petitions;
    expect((await call(t, w.s.clerk, 'GET', `/api/v1/petitions/${named.id}`)).json().printable).toEqual([
      'registration',
      'approval',
      'reply_notice',
    ]);
    expect((await call(t, w.s.clerk, 'GET', `/api/v1/petitions/${contact.id}`)).json().printable).toEqual([
      'registration',
    ]);
  });

  it('prints the 登记表 for whoever may see the case, the reporter shown as 实名 with the identity sealed, audited', async () => {
    const { named } = w.petitions;
    const { res, text, raw } = await get('clerk', named.id, 'registration.docx');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`信访举报登记表-${named.code}.docx`)}`,
    );
    expect(text).toContain('信访举报登记表');
    expect(text).toContain(named.code);
    expect(text).toContain('反映干部作风问题');
    expect(text).toContain('张三');
    expect(text).toContain('实名（反映人身份信息已加密保存，本表未显示）');
    expect(leaks(raw)).toEqual([]);
    const [audit] = (await auditRows(t, 'petition.print', named.id)).slice(-1);
    expect(audit.detail).toMatchObject({ code: named.code, document: 'registration', identity: false });
    // the anonymous contact stays sealed too
    const contact = await get('clerk', w.petitions.contact.id, 'registration.docx');
    expect(contact.text).toContain('匿名（留有联系方式，已加密保存，本表未显示）');
    expect(leaks(contact.raw)).toEqual([]);
  });

  it('prints the 审批表 with the report and the opinions, and the 答复告知书 with the reply, never the reporter', async () => {
    const { named } = w.petitions;
    const approval = await get('clerk', named.id, 'approval.docx');
    expect(approval.text).toContain('处理意见审批表');
    expect(approval.text).toContain('经核实，农机补贴发放存在优亲厚友问题。');
    expect(approval.text).toContain('建议对张三进行批评教育。');
    expect(approval.text).toContain('审批通过');
    expect(leaks(approval.raw)).toEqual([]);
    const notice = await get('unitHead', named.id, 'reply-notice.docx');
    expect(notice.text).toContain('答复告知书');
    expect(notice.text).toContain('您反映的问题已查实，已责令整改。');
    expect(notice.text).toContain('30 日内');
    expect(leaks(notice.raw)).toEqual([]);
    const early = await call(t, w.s.clerk, 'GET', url(w.petitions.contact.id, 'reply-notice.docx'));
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe('该信访件尚未答复反映人，暂不能打印答复告知书');
  });

  it('prints the 登记表 with the identity only for a holder of petition.reveal_identity stating a reason, audited as a reveal', async () => {
    const { named, anonymous } = w.petitions;
    const reason = { reason: '打印登记表归档' };
    const res = await call(t, w.s.officer, 'POST', url(named.id, 'registration.docx'), reason);
    expect(res.statusCode, res.body).toBe(200);
    const { text } = docxText(res);
    for (const v of [REPORTER.name, REPORTER.phone, REPORTER.idNumber, REPORTER.address])
      expect(text).toContain(v);
    const [print] = (await auditRows(t, 'petition.print', named.id)).slice(-1);
    expect(print.detail).toMatchObject({
      document: 'registration',
      identity: true,
      reason: '打印登记表归档',
    });
    const [reveal] = (await auditRows(t, 'petition.reveal_identity', named.id)).slice(-1);
    expect(reveal.detail).toMatchObject({ reason: '打印登记表归档', document: 'registration' });
    expect(leaks(JSON.stringify([print, reveal]))).toEqual([]);

    expect(
      (await call(t, w.s.officer, 'POST', url(named.id, 'registration.docx'), { reason: '看' })).statusCode,
    ).toBe(400);
    const none = await call(t, w.s.officer, 'POST', url(anonymous.id, 'registration.docx'), reason);
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toContain('匿名');
    for (const who of ['clerk', 'head']) {
      const denied = await call(t, w.s[who], 'POST', url(named.id, 'registration.docx'), reason);
      expect(denied.statusCode, who).toBe(403);
      expect(leaks(denied.body)).toEqual([]);
    }
  });

  it('is refused outside the scope, to the named cadre’s relative, and to those who may not read petitions', async () => {
    const { named } = w.petitions;
    for (const who of ['otherTown', 'spouse']) {
      for (const file of ['registration.docx', 'approval.docx', 'reply-notice.docx']) {
        const res = await call(t, w.s[who], 'GET', url(named.id, file));
        expect(res.statusCode, `${who} ${file}`).toBe(404);
        expect(leaks(res.body)).toEqual([]);
      }
      expect(
        (await call(t, w.s[who], 'POST', url(named.id, 'registration.docx'), { reason: '打印登记表归档' }))
          .statusCode,
      ).toBe(404);
    }
    expect((await call(t, w.s.orgOfficer, 'GET', url(named.id, 'registration.docx'))).statusCode).toBe(403);
  });
});
