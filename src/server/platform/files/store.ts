import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { AppError, notFound, unprocessable } from '../http/errors.js';
import { detectFileType, FILE_KINDS, type FileKind } from './detect.js';

export { detectFileType, FILE_KINDS, type FileKind } from './detect.js';

/** Which kinds a use accepts, and how big one file may be. */
export interface UploadPolicy {
  kinds: readonly FileKind[];
  maxBytes: number;
  /** How many files one request may carry (checked by the caller that reads the request). */
  maxFiles?: number;
}

export const MB = 1024 * 1024;
/** Attachments from the public portal: pictures, PDF and Word, 10 MB each, 5 at a time. */
export const PORTAL_UPLOADS: UploadPolicy = {
  kinds: ['jpeg', 'png', 'pdf', 'docx'],
  maxBytes: 10 * MB,
  maxFiles: 5,
};
const DEFAULT_MAX = 20 * MB;

export interface StoredFile {
  storageKey: string;
  contentType: string;
  kind: FileKind;
  size: number;
  sha256: string;
  /** The name as uploaded, without any folder part or control characters (for display only). */
  fileName: string;
}

/** A stored file's key: `<yy>/<sha256>`. Nothing else is ever accepted as a key. */
const KEY = /^\d{2}\/[0-9a-f]{64}$/;
export const isStorageKey = (key: string) => KEY.test(key);
/** The SHA-256 a stored file's content must have: its key names it. */
export const digestOfKey = (key: string) => key.slice(3);
export const filesRoot = (ctx: Pick<AppContext, 'config'>) => path.join(ctx.config.dataDir, 'files');

/** Chinese names of the accepted kinds, for messages and hints: “JPG 图片、PNG 图片或 PDF”. */
export const kindsLabel = (kinds: readonly FileKind[]) => kinds.map((k) => FILE_KINDS[k].label).join('、');

/** A file checked by its content and ready to be kept: nothing is written yet. */
export interface CheckedFile extends Omit<StoredFile, 'storageKey'> {
  bytes: Uint8Array;
}

/**
 * Checks a file by its content, writing nothing: refusals are 413 (too big) or 422 (not an
 * accepted kind, whatever its name says). `keepFile` then stores it.
 */
export function checkFile(
  bytes: Uint8Array,
  name: string,
  allowed: UploadPolicy | readonly FileKind[],
): CheckedFile {
  const policy = Array.isArray(allowed)
    ? { kinds: allowed, maxBytes: DEFAULT_MAX }
    : (allowed as UploadPolicy);
  const fileName = cleanFileName(name);
  if (bytes.length > policy.maxBytes)
    throw new AppError(
      413,
      'too_large',
      `文件“${fileName}”超过 ${policy.maxBytes / MB} MB，请压缩或拆分后再上传`,
    );
  if (bytes.length === 0) throw unprocessable(`文件“${fileName}”是空文件`);
  const kind = detectFileType(bytes);
  if (!kind || !policy.kinds.includes(kind))
    throw unprocessable(`文件“${fileName}”的类型不受支持，只能上传${kindsLabel(policy.kinds)}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, contentType: FILE_KINDS[kind].contentType, kind, size: bytes.length, sha256, fileName };
}

/**
 * Keeps a checked file under DATA_DIR/files (outside the web root), readable and writable by the
 * server only (0600), never executable. A file no row refers to is removed by the orphan sweep
 * (`sweep.ts`) after a grace period.
 */
export async function keepFile(
  ctx: Pick<AppContext, 'config' | 'clock'>,
  file: CheckedFile,
): Promise<StoredFile> {
  const yy = String(ctx.clock.now().getUTCFullYear() % 100).padStart(2, '0');
  const storageKey = `${yy}/${file.sha256}`;
  await writeOnce(filesRoot(ctx), storageKey, file.bytes, ctx.clock.now());
  const { bytes: _bytes, ...rest } = file;
  return { ...rest, storageKey };
}

/** Checks a file by its content and keeps it (checkFile, then keepFile). */
export async function storeFile(
  ctx: Pick<AppContext, 'config' | 'clock'>,
  bytes: Uint8Array,
  name: string,
  allowed: UploadPolicy | readonly FileKind[],
): Promise<StoredFile> {
  return keepFile(ctx, checkFile(bytes, name, allowed));
}

/** The bytes of a stored file; 404 for a key that is malformed, missing or whose content changed. */
export async function readStoredFile(ctx: Pick<AppContext, 'config'>, key: string): Promise<Buffer> {
  if (!KEY.test(key)) throw notFound('文件不存在');
  const bytes = await readFile(path.join(filesRoot(ctx), key)).catch(() => null);
  if (!bytes) throw notFound('文件不存在');
  if (createHash('sha256').update(bytes).digest('hex') !== key.slice(3)) throw notFound('文件已损坏');
  return bytes;
}

/**
 * Content-addressed: the same bytes are kept once. Written to a temporary name, then renamed. A
 * file kept again is touched, so the orphan sweep does not take it while its new row is written.
 */
async function writeOnce(root: string, key: string, bytes: Uint8Array, now: Date): Promise<void> {
  const target = path.join(root, key);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const exists = await utimes(target, now, now).then(
    () => true,
    () => false,
  );
  if (exists) return;
  const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const h = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
  await rename(tmp, target).catch(async (e) => {
    await rm(tmp, { force: true });
    throw e;
  });
}

/** A display name: the last path segment, no control or quote characters, at most 100 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|*?:'.includes(c))
    .join('')
    .trim()
    .slice(-100);
  return clean || '附件';
}
