import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import jsQR from 'jsqr';
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

/** The objects of a PDF by the cross-reference table, each checked to start where the table says. */
function pdfObjects(pdf: Buffer): Map<number, Buffer> {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first, count] = /^xref\s+(\d+) (\d+)\s/.exec(text.slice(startxref))!;
  const entries = text
    .slice(startxref)
    .split('\n')
    .slice(2, 2 + Number(count));
  const out = new Map<number, Buffer>();
  entries.forEach((e, i) => {
    const [offset, , use] = e.split(' ');
    if (use !== 'n') return;
    const id = Number(first) + i;
    const at = Number(offset);
    expect(text.slice(at, at + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
    out.set(id, pdf.subarray(at, text.indexOf('endobj', at)));
  });
  return out;
}

/** Each `/QR BMC … EMC` block of a content stream: its filled squares drawn onto pixels and decoded. */
function decodeQrs(content: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const [, block] of content.matchAll(/\/QR BMC([\s\S]*?)EMC/g)) {
    const rects = [...block.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re/g)].map((m) =>
      m.slice(1, 5).map(Number),
    );
    const module = Math.min(...rects.map((r) => r[3]));
    const x0 = Math.min(...rects.map((r) => r[0]));
    const y1 = Math.max(...rects.map((r) => r[1] + r[3]));
    const n = Math.round((Math.max(...rects.map((r) => r[0] + r[2])) - x0) / module);
    const scale = 4;
    const size = (n + 8) * scale;
    const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
    for (const [x, y, w, h] of rects) {
      const c0 = Math.round((x - x0) / module);
      const c1 = Math.round((x + w - x0) / module);
      const r0 = Math.round((y1 - (y + h)) / module);
      const r1 = Math.round((y1 - y) / module);
      for (let r = r0; r < r1; r++)
        for (let c = c0; c < c1; c++)
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) {
              const p = ((r + 4) * scale + dy) * size + (c + 4) * scale + dx;
              rgba.set([0, 0, 0, 255], p * 4);
            }
    }
    out.push(jsQR(rgba, size, size)?.data ?? null);
  }
  return out;
}

it('prints the slips as a PDF too: one slip per code, its code printed and its QR code drawn to scan', async () => {
  const ev = await call(t, s, 'POST', '/api/v1/assessments/evaluations', {
    orgId: town,
    title: '干部甲年度民主测评',
    subjectKind: 'cadre',
    subjectCadreIds: [cadre],
    electorate: 10,
    heldOn: '2026-03-02',
  });
  const res = await call(t, s, 'POST', `/api/v1/assessments/evaluations/${ev.json().id}/codes.pdf`, {
    count: 7,
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/pdf/);
  const objects = pdfObjects(Buffer.from(res.rawPayload));
  const bodies = [...objects.values()].map((b) => b.toString('latin1'));
  // seven slips, six a page: two pages
  expect(bodies.filter((b) => /\/Type \/Page\b(?!s)/.test(b))).toHaveLength(2);
  expect(bodies.some((b) => b.includes('/Count 2'))).toBe(true);
  const contents = bodies
    .filter((b) => b.includes('/FlateDecode'))
    .map((b) => {
      const raw = Buffer.from(b, 'latin1');
      const from = b.indexOf('stream\n') + 'stream\n'.length;
      return inflateSync(raw.subarray(from, b.lastIndexOf('\nendstream'))).toString('latin1');
    });
  const urls = contents.flatMap(decodeQrs);
  expect(urls).toHaveLength(7);
  const printed = contents.flatMap((c) =>
    [...c.matchAll(/\/F2 \d+ Tf [\d.]+ [\d.]+ Td \((.+?)\) Tj/g)].map((m) => m[1]),
  );
  expect(printed).toHaveLength(7);
  // the Chinese text is there in the standard CJK font's encoding (UTF-16BE)
  const hex = Buffer.from('干部甲年度民主测评', 'utf16le').swap16().toString('hex').toUpperCase();
  expect(contents[0]).toContain(hex);
  for (const [i, url] of urls.entries()) {
    const m = /^http:\/\/localhost(:\d+)?\/portal\/ballot\?c=([^&]+)$/.exec(url ?? '');
    expect(m, String(url)).not.toBeNull();
    const code = decodeURIComponent(m![2]);
    expect(printed[i]).toBe(code);
    const open = await call(t, null, 'POST', '/api/v1/portal/ballots/open', { code });
    expect(open.statusCode).toBe(200);
  }
  expect(new Set(urls).size).toBe(7);
});
