import { createReadStream, existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BackupError } from './errors.js';

export const BACKUP_FORMAT = 'jiandu-backup';
export const BACKUP_VERSION = 1;

/** The first line of a backup file. Every later line is one row: `{"t":"<table>","r":{…}}`. */
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
}

export const rowLine = (table: string, rowJson: string) => `{"t":${JSON.stringify(table)},"r":${rowJson}}\n`;

const ROW_PREFIX = /^\{"t":"([A-Za-z0-9_]+)","r":/;

/** Splits a row line into its table and the row's JSON text, untouched (no number is rounded on the way). */
export function parseRowLine(line: string): { table: string; row: string } {
  const m = ROW_PREFIX.exec(line);
  if (m && line.endsWith('}')) return { table: m[1], row: line.slice(m[0].length, -1) };
  const parsed = JSON.parse(line) as { t?: unknown; r?: unknown };
  if (typeof parsed.t !== 'string' || typeof parsed.r !== 'object' || parsed.r === null)
    throw new BackupError('备份文件格式不正确：有一行不是数据行');
  return { table: parsed.t, row: JSON.stringify(parsed.r) };
}

/** Reads a backup file line by line (streaming: the file is never held in memory whole). */
export async function* backupLines(file: string): AsyncGenerator<string> {
  if (!existsSync(file)) throw new BackupError(`找不到备份文件：${file}`);
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk);
      let at = rest.indexOf('\n');
      while (at >= 0) {
        if (at > 0) yield rest.slice(0, at);
        rest = rest.slice(at + 1);
        at = rest.indexOf('\n');
      }
    }
    rest += decoder.end();
    if (rest) yield rest;
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
  if (m.version !== BACKUP_VERSION) throw new BackupError(`不支持的备份格式版本：${m.version}`);
  return m as Manifest;
}
