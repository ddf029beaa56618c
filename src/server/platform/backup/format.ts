import { createReadStream, existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { isStorageKey } from '../files/store.js';
import { BackupError } from './errors.js';

export const BACKUP_FORMAT = 'jiandu-backup';
/** 1: rows only. 2: rows, then the stored files the rows refer to, then an end line. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

/**
 * The first line of a backup file. Then one line per row, `{"t":"<table>","r":{…}}`, every table
 * in turn. From version 2 on, the stored files follow (see `fileLines`), and the last line is
 * `{"end":{…}}` (a `FilesSummary`).
 */
export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: number;
  tables: { name: string; rows: number; columns: string[] }[];
  audit: { lastId: number | null; lastHash: string | null };
  /** The field key's check value (its fingerprint, never the key); absent in backups made before it was kept. */
  fieldKey?: { check: string } | null;
  /**
   * Version 2: the backup carries every stored file these columns (`table.column`) refer to.
   * Absent (version 1): the backup holds rows only, and a restore has no files to put back.
   */
  files?: { columns: string[] } | null;
}

/** What the files part of a backup holds: its end line, and what `backup` reports. */
export interface FilesSummary {
  /** Files carried whole, each with its size and digest. */
  count: number;
  bytes: number;
  /**
   * Files a row refers to that the backup could not carry as they should be: `absent` (not in the
   * data folder when it was read) or `damaged` (its content no longer has the digest its key
   * names; carried as found, and a restore refuses it). The first few, and how many in all.
   */
  problems: { key: string; problem: 'absent' | 'damaged' }[];
  problemCount: number;
}
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Files travel in lines of at most this many bytes (base64, so a line is 256 KiB of text): a file
 * of any size streams through, neither side holds it whole.
 */
export const FILE_CHUNK_BYTES = 192 * 1024;

export const rowLine = (table: string, rowJson: string) => `{"t":${JSON.stringify(table)},"r":${rowJson}}\n`;

/**
 * The lines of one stored file: its content in chunks, `{"f":"<key>","d":"<base64>"}`, then
 * `{"f":"<key>","size":<bytes>,"sha256":"<hex>"}` with the size and digest of what was read. A file
 * the rows refer to but the data folder no longer has is one line `{"f":"<key>","absent":true}`.
 */
export const fileChunkLine = (key: string, bytes: Uint8Array) =>
  `{"f":"${key}","d":"${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}"}\n`;
export const fileEndLine = (key: string, size: number, sha256: string) =>
  `{"f":"${key}","size":${size},"sha256":"${sha256}"}\n`;
export const fileAbsentLine = (key: string) => `{"f":"${key}","absent":true}\n`;
export const endLine = (summary: FilesSummary) => `${JSON.stringify({ end: summary })}\n`;

export type BackupLine =
  | { kind: 'row'; table: string; row: string }
  | { kind: 'chunk'; key: string; data: string }
  | { kind: 'file'; key: string; size: number; sha256: string }
  | { kind: 'absent'; key: string }
  | { kind: 'end'; summary: FilesSummary };

const ROW_PREFIX = /^\{"t":"([A-Za-z0-9_]+)","r":/;
const malformed = (what: string) => new BackupError(`备份文件格式不正确：${what}`);

/** What one line after the manifest is. A row's JSON text is kept untouched (no number is rounded on the way). */
export function parseLine(line: string): BackupLine {
  const m = ROW_PREFIX.exec(line);
  if (m && line.endsWith('}')) return { kind: 'row', table: m[1], row: line.slice(m[0].length, -1) };
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw malformed('有一行不是 JSON');
  }
  if (typeof parsed.t === 'string' && typeof parsed.r === 'object' && parsed.r !== null)
    return { kind: 'row', table: parsed.t, row: JSON.stringify(parsed.r) };
  if (typeof parsed.f === 'string') {
    // the key becomes a path under DATA_DIR/files: nothing but `<yy>/<sha256>` is accepted
    if (!isStorageKey(parsed.f)) throw malformed('有一个文件的名称不是存储键');
    const key = parsed.f;
    if (typeof parsed.d === 'string') return { kind: 'chunk', key, data: parsed.d };
    if (typeof parsed.size === 'number' && typeof parsed.sha256 === 'string')
      return { kind: 'file', key, size: parsed.size, sha256: parsed.sha256 };
    if (parsed.absent === true) return { kind: 'absent', key };
  }
  if (typeof parsed.end === 'object' && parsed.end !== null) {
    const e = parsed.end as Partial<FilesSummary>;
    return {
      kind: 'end',
      summary: {
        count: Number(e.count ?? 0),
        bytes: Number(e.bytes ?? 0),
        problems: Array.isArray(e.problems) ? e.problems : [],
        problemCount: Number(e.problemCount ?? 0),
      },
    };
  }
  throw malformed('有一行既不是数据行也不是文件行');
}

/**
 * Reads a backup file line by line (streaming: the file is never held in memory whole). Only the
 * newly decoded text is searched for the end of a line, so a long line (a file's chunk) costs no
 * more than a short one.
 */
export async function* backupLines(file: string): AsyncGenerator<string> {
  if (!existsSync(file)) throw new BackupError(`找不到备份文件：${file}`);
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  const take = (tail: string) => {
    parts.push(tail);
    const line = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    return line;
  };
  try {
    for await (const chunk of gunzip) {
      const text = decoder.write(chunk);
      let start = 0;
      let at = text.indexOf('\n');
      while (at >= 0) {
        const line = take(text.slice(start, at));
        if (line) yield line;
        start = at + 1;
        at = text.indexOf('\n', start);
      }
      if (start < text.length) parts.push(text.slice(start));
    }
    const last = take(decoder.end());
    if (last) yield last;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw new BackupError('备份文件已损坏（解压失败），无法恢复');
    throw e;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

export function parseManifest(line: string | undefined): Manifest {
  let m: Partial<Manifest> | null = null;
  try {
    m = line ? JSON.parse(line) : null;
  } catch {}
  if (!m || m.format !== BACKUP_FORMAT) throw new BackupError('这不是监督 Jiandu 的备份文件（缺少备份清单）');
  if (!READABLE_VERSIONS.includes(m.version as number))
    throw new BackupError(`不支持的备份格式版本：${m.version}`);
  return m as Manifest;
}

/** Does this backup carry the stored files (version 2), or rows only (version 1)? */
export const carriesFiles = (m: Manifest) => !!m.files;
