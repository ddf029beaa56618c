import { unzipSync } from 'fflate';

/** The kinds of file Jiandu accepts anywhere, each recognised by its content, never by its name. */
export const FILE_KINDS = {
  pdf: { contentType: 'application/pdf', ext: 'pdf', label: 'PDF' },
  jpeg: { contentType: 'image/jpeg', ext: 'jpg', label: 'JPG 图片' },
  png: { contentType: 'image/png', ext: 'png', label: 'PNG 图片' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    label: 'Word 文档（.docx）',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
    label: 'Excel 表格（.xlsx）',
  },
  mp3: { contentType: 'audio/mpeg', ext: 'mp3', label: 'MP3 录音' },
  m4a: { contentType: 'audio/mp4', ext: 'm4a', label: 'M4A 录音' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const startsWith = (b: Uint8Array, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * What a file really is, from its first bytes (and, for Office files, the names inside the zip).
 * Anything else — executables, HTML, SVG, plain zips, old .doc — is null.
 */
export function detectFileType(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  if (
    startsWith(bytes, ascii('ID3')) ||
    (bytes.length > 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)
  )
    return 'mp3';
  if (
    startsWith(bytes, ascii('ftyp'), 4) &&
    /^(M4A |mp4|isom|iso2)/.test(String.fromCharCode(...bytes.subarray(8, 12)))
  )
    return 'm4a';
  return null;
}

/** A zip is a .docx or .xlsx when it carries [Content_Types].xml and the part folder of its kind. */
function officeKind(bytes: Uint8Array): FileKind | null {
  const names: string[] = [];
  try {
    // the filter sees every entry of the central directory; returning false inflates nothing
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}
