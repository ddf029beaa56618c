import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { qrPng } from '../../src/server/modules/assessments/ballot-qr.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { readQr } from '../support/qr-read.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let s: Session;
let town: number;
let cadre: number;

beforeAll(async () => {
  t = await createTestApp();
  town = (await makeOrg(t.ctx, '甲镇')).id;
  [cadre] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: town, name: '干部甲', status: 'active' }],
    'manual',
  );
  await makeUser(t.ctx, { orgId: town, roles: ['org_officer'], username: 'qr_org' });
  s = await signIn(t, 'qr_org');
});
afterAll(async () => t?.app.close());

it('encodes the text it is given as a readable QR code', () => {
  const url = 'https://jiandu.example.gov.cn/portal/ballot?c=AB12-CD34';
  expect(readQr(qrPng(url))).toBe(url);
});

it('prints each slip with its code and a QR code opening the portal’s voting page with that code', async () => {
  const ev = await call(t, s, 'POST', '/api/v1/assessments/evaluations', {
    orgId: town,
    title: '干部甲民主测评',
    subjectKind: 'cadre',
    subjectCadreIds: [cadre],
    electorate: 5,
    heldOn: '2026-03-02',
  });
  const res = await call(t, s, 'POST', `/api/v1/assessments/evaluations/${ev.json().id}/codes.docx`, {
    count: 3,
  });
  expect(res.statusCode, res.body).toBe(200);
  const files = unzipSync(new Uint8Array(res.rawPayload));
  const xml = Buffer.from(files['word/document.xml']).toString('utf8');
  const images = Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f));
  expect(images).toHaveLength(3);
  const urls = images.map((f) => readQr(Buffer.from(files[f])));
  for (const url of urls) {
    const m = /^http:\/\/localhost(:\d+)?\/portal\/ballot\?c=([^&]+)$/.exec(url ?? '');
    expect(m, String(url)).not.toBeNull();
    const code = decodeURIComponent(m![2]);
    expect(xml).toContain(code);
    // the code the QR carries is the slip's live one-time code
    const open = await call(t, null, 'POST', '/api/v1/portal/ballots/open', { code });
    expect(open.statusCode).toBe(200);
  }
  expect(new Set(urls).size).toBe(3);
});
