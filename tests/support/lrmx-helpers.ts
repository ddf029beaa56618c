import { readFileSync } from 'node:fs';
import path from 'node:path';
import { call, type Session } from './factories.js';
import type { TestApp } from './test-app.js';

export const lrmxFixture = (name: string) => readFileSync(path.resolve('tests/fixtures/lrmx', name));

/** A complete sample form for someone else: the complete fixture with another name, ID number, birth month and gender. */
export function lrmxFor(name: string, idNumber: string): Buffer {
  const text = lrmxFixture('complete.lrmx')
    .toString('utf8')
    .replace('<XingMing>王建国</XingMing>', `<XingMing>${name}</XingMing>`)
    .replace('330102197805120031', idNumber)
    .replace(
      '<ChuShengNianYue>197805</ChuShengNianYue>',
      `<ChuShengNianYue>${idNumber.slice(6, 12)}</ChuShengNianYue>`,
    )
    .replace('<XingBie>男</XingBie>', `<XingBie>${Number(idNumber[16]) % 2 ? '男' : '女'}</XingBie>`);
  return Buffer.from(text, 'utf8');
}

/** POSTs one file with form fields as multipart/form-data, the way the browser's FormData does. */
export function upload(
  t: TestApp,
  s: Session,
  url: string,
  file: { name: string; bytes: Uint8Array },
  fields: Record<string, string | number> = {},
) {
  const boundary = `----jiandu${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(chunks),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
    },
  });
}

/** Polls an import job until it leaves 'running'. */
export async function waitForJob(t: TestApp, s: Session, id: number) {
  for (let i = 0; i < 500; i++) {
    const res = await call(t, s, 'GET', `/api/v1/cadre-imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`job ${id}: ${res.statusCode} ${res.body}`);
    if (res.json().status !== 'running') return res.json();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} did not finish`);
}
