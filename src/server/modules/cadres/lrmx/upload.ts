import { unzipSync } from 'fflate';
import { isStorableText } from '../../../../domain/storable-text.js';
import { badRequest } from '../../../platform/http/errors.js';
import { isZip, zipKind } from './decode.js';
import { EXCEL_NOT_LRMX, notLrmx, WORD_NOT_LRMX } from './elements.js';

export { isZip } from './decode.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 2000;
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Zip entry names without the UTF-8 flag are the bytes of the writer's code page (GBK on Chinese Windows). */
function entryName(raw: string): string {
  if (![...raw].some((c) => c.charCodeAt(0) > 0x7f) || [...raw].some((c) => c.charCodeAt(0) > 0xff))
    return raw;
  const bytes = Uint8Array.from([...raw].map((c) => c.charCodeAt(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A name safe to show: the last path segment, without control characters, at most 100 characters. */
export function displayName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return (
    [...base]
      .filter((c) => c.charCodeAt(0) >= 0x20)
      .join('')
      .slice(0, 100) || '未命名文件'
  );
}

/**
 * The .lrmx files of an upload, decided by content: a zip of many (flat, within the limits) or a
 * single file. Junk entries of archivers (__MACOSX, hidden files, folders) are passed over.
 */
export function filesOfUpload(name: string, bytes: Uint8Array): UploadedFile[] {
  if (bytes.length === 0) throw badRequest('上传的文件是空的');
  if (!isZip(bytes)) return [{ name: displayName(name), bytes }];
  // say what was chosen by mistake rather than what it lacks as an archive of .lrmx files
  const kind = zipKind(bytes);
  if (kind === 'xlsx') throw badRequest(EXCEL_NOT_LRMX);
  if (kind === 'docx') throw badRequest(WORD_NOT_LRMX);
  if (kind === 'broken')
    throw badRequest(
      /\.zip$/i.test(name)
        ? '压缩包已损坏，无法读取'
        : `文件“${displayName(name)}”${notLrmx('内容不是 XML 文本，也不是完整的压缩包')}`,
    );
  const wanted = new Map<string, string>(); // raw entry name → shown name
  let unzipped = 0;
  let unsafe = false;
  let nested = false;
  let badName = false;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        const n = entryName(f.name);
        if (n.split(/[/\\]/).includes('..') || /^([/\\]|[A-Za-z]:)/.test(n)) unsafe = true;
        if (!isStorableText(n)) badName = true;
        if (n.endsWith('/') || n.startsWith('__MACOSX/') || /(^|[/\\])\./.test(n)) return false;
        if (/[/\\]/.test(n)) nested = true;
        wanted.set(f.name, n);
        unzipped += f.originalSize;
        return false;
      },
    });
  } catch {
    throw badRequest('压缩包已损坏，无法读取');
  }
  if (unsafe) throw badRequest('压缩包中含有不安全的文件路径，已拒绝');
  if (badName) throw badRequest('压缩包中的文件名含有无法保存的字符（如空字符），已拒绝');
  if (nested) throw badRequest('压缩包内不能有子文件夹：请把 .lrmx 文件直接放在压缩包里再上传');
  if (wanted.size === 0) throw badRequest('压缩包中没有文件');
  if (wanted.size > MAX_FILES) throw badRequest(`压缩包中的文件不能超过 ${MAX_FILES} 个`);
  if (unzipped > MAX_UNZIPPED_BYTES) throw badRequest('压缩包解压后超过 50 MB，请分批上传');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch {
    throw badRequest('压缩包已损坏，无法读取');
  }
  return [...wanted].map(([raw, shown]) => ({ name: displayName(shown), bytes: entries[raw] }));
}
