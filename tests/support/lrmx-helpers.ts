import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import type { CadreFields } from '../../src/server/modules/cadres/contract.js';
import { cadres, familyMembers } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { call, makeOrg, makeUser, type Session, signIn } from './factories.js';
import { createTestApp, type TestApp } from './test-app.js';

export const lrmxFixture = (name: string) => readFileSync(path.resolve('tests/fixtures/lrmx', name));

/**
 * A complete sample form for someone else: the complete fixture with another name, ID number, birth
 * month and gender; `resume` replaces its 简历 (empty: none), `current` its 现任职务.
 */
export function lrmxFor(
  name: string,
  idNumber: string,
  opts: { resume?: string; current?: string } = {},
): Buffer {
  let text = lrmxFixture('complete.lrmx')
    .toString('utf8')
    .replace('<XingMing>王建国</XingMing>', `<XingMing>${name}</XingMing>`)
    .replace('330102197805120031', idNumber)
    .replace(
      '<ChuShengNianYue>197805</ChuShengNianYue>',
      `<ChuShengNianYue>${idNumber.slice(6, 12)}</ChuShengNianYue>`,
    )
    .replace('<XingBie>男</XingBie>', `<XingBie>${Number(idNumber[16]) % 2 ? '男' : '女'}</XingBie>`);
  if (opts.resume !== undefined)
    text = text.replace(/<JianLi>[^<]*<\/JianLi>/, `<JianLi>${opts.resume}</JianLi>`);
  if (opts.current !== undefined)
    text = text.replace(
      /<XianRenZhiWu>[^<]*<\/XianRenZhiWu>/,
      `<XianRenZhiWu>${opts.current}</XianRenZhiWu>`,
    );
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

/** Uploads an .lrmx (or a zip) into an org, waits for the reading and confirms every file that can be imported. */
export async function importConfirmed(
  t: TestApp,
  s: Session,
  orgId: number,
  file: { name: string; bytes: Uint8Array },
) {
  const res = await upload(t, s, '/api/v1/cadres/import/lrmx', file, { orgId });
  if (res.statusCode !== 200) throw new Error(`upload ${file.name}: ${res.statusCode} ${res.body}`);
  const job = await waitForJob(t, s, res.json().id);
  if (job.status !== 'awaiting_confirmation') return job;
  const files = job.result.files
    .filter((f: { status: string }) => f.status !== 'refused')
    .map((f: { name: string }) => f.name);
  const done = await call(t, s, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`, { files });
  if (done.statusCode !== 200) throw new Error(`confirm ${file.name}: ${done.statusCode} ${done.body}`);
  return done.json();
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

/** Two townships with an organization officer each, and the helpers the .lrmx tests share. */
export async function lrmxWorld() {
  const t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const townA = await makeOrg(t.ctx, '大兴镇', district.id);
  const townB = await makeOrg(t.ctx, '红星镇', district.id);
  const a = await makeUser(t.ctx, { orgId: townA.id, roles: ['org_officer'], dataScope: 'subtree' });
  const b = await makeUser(t.ctx, { orgId: townB.id, roles: ['org_officer'], dataScope: 'subtree' });
  const sA = await signIn(t, a.username);
  const sB = await signIn(t, b.username);
  return {
    t,
    townA,
    townB,
    sA,
    sB,
    /** Uploads into an org and waits for the job to leave 'running'. */
    async importFile(s: Session, orgId: number, name: string, bytes: Uint8Array) {
      const res = await upload(t, s, '/api/v1/cadres/import/lrmx', { name, bytes }, { orgId });
      if (res.statusCode !== 200) throw new Error(`upload ${name}: ${res.statusCode} ${res.body}`);
      return waitForJob(t, s, res.json().id);
    },
    /** Confirms an import that waits, importing the named files (default: every file that can be imported). */
    async confirm(
      s: Session,
      job: { id: number; result: { files: { name: string; status: string }[] } },
      files?: string[],
    ) {
      const names = files ?? job.result.files.filter((f) => f.status !== 'refused').map((f) => f.name);
      return call(t, s, 'POST', `/api/v1/cadre-imports/${job.id}/confirm`, { files: names });
    },
    live: (name: string) =>
      t.ctx.db
        .select()
        .from(cadres)
        .where(and(eq(cadres.name, name), isNull(cadres.deletedAt))),
    familyOf: (cadreId: number) =>
      t.ctx.db
        .select()
        .from(familyMembers)
        .where(eq(familyMembers.cadreId, cadreId))
        .orderBy(familyMembers.sort),
    addCadre: async (fields: Record<string, unknown>) =>
      (await insertCadres(t.ctx.db, t.ctx, [{ status: 'active', ...fields } as CadreFields], 'manual'))[0],
  };
}
