import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { PetitionAction } from '../../src/domain/petition-workflow.js';
import { petitions } from '../../src/server/modules/petitions/schema.js';
import { applyTransition } from '../../src/server/modules/petitions/workflow/apply-transition.js';
import type { TransitionExtra } from '../../src/server/modules/petitions/workflow/transition-contract.js';
import { solveChallenge } from '../../src/web/portal/pow/solve.js';
import { makeOrg } from './factories.js';
import type { TestApp } from './test-app.js';

/** 清江区 with two townships that accept reports and a department that does not. */
export async function portalWorld(t: TestApp) {
  const district = await makeOrg(t.ctx, '清江区', null, 'district');
  const town = await makeOrg(t.ctx, '东湖镇', district.id);
  const other = await makeOrg(t.ctx, '西岭镇', district.id);
  const unit = await makeOrg(t.ctx, '东湖镇农业服务中心', town.id, 'department');
  return { district, town, other, unit };
}

/** A fresh challenge answered the way the portal's worker answers it. */
export async function solved(t: TestApp, ip = '127.0.0.1') {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/challenge', remoteAddress: ip });
  const { token, difficulty } = res.json();
  return { token: token as string, counter: solveChallenge(token, difficulty) };
}

export const formKey = () => randomBytes(16).toString('base64url');

export const anonymousReport = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  anonymous: true,
  title: '反映村干部优亲厚友问题',
  content: '东湖村村委会主任在低保评定中优亲厚友，群众意见很大，请予核查。',
  category: 'village_affairs',
  subjects: [{ name: '赵有才', unitText: '东湖村村委会主任' }],
  idempotencyKey: formKey(),
  ...over,
});

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** POSTs a portal form: JSON without files, multipart (`data` + files) with them. */
export function portalPost(t: TestApp, url: string, data: unknown, files: Upload[] = [], ip = '127.0.0.1') {
  if (!files.length) return t.app.inject({ method: 'POST', url, payload: data as object, remoteAddress: ip });
  const boundary = `----portal${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    remoteAddress: ip,
  });
}

/** Sends a report with a freshly solved challenge. */
export async function submitReport(
  t: TestApp,
  data: Record<string, unknown>,
  files: Upload[] = [],
  ip = '127.0.0.1',
) {
  return portalPost(t, '/api/v1/portal/submissions', { ...data, challenge: await solved(t, ip) }, files, ip);
}

export const jpeg = (extra = 'photo') =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(extra)]);
export const docx = () =>
  Buffer.from(
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
  );

/** Takes workflow steps as the officers would (no actor: the tests of the workflow cover who may). */
export async function advance(
  t: Pick<TestApp, 'ctx'>,
  petitionId: number,
  steps: [PetitionAction, TransitionExtra?][],
) {
  for (const [action, extra] of steps) {
    await t.ctx.db.transaction(async (tx) => {
      const [p] = await tx.select().from(petitions).where(eq(petitions.id, petitionId));
      await applyTransition(tx, t.ctx, null, p, action, extra ?? {});
    });
  }
}

/** registered → accepted → 予以了结 → approved → replied (→ concluded). */
export const toReplied: [PetitionAction, TransitionExtra?][] = [
  ['accept'],
  ['close', { opinion: '内部处理意见：经初核，反映问题部分属实，对赵有才进行批评教育。' }],
  ['approve', { note: '内部审批意见：同意' }],
  ['reply', { reply: '经核查，您反映的问题部分属实，已责令整改。' }],
];
export const toConcluded: [PetitionAction, TransitionExtra?][] = [...toReplied, ['conclude']];
