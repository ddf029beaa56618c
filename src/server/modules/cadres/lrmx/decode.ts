import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { EXCEL_NOT_LRMX, notLrmx, OLD_OFFICE_NOT_LRMX, WORD_NOT_LRMX } from './elements.js';

/** A file the import cannot read at all; the message says why, in Chinese. */
export class LrmxRefused extends Error {}

export const isZip = (b: Uint8Array) =>
  b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

/** What a zip is by its parts: an Excel workbook, a Word document, another archive, or a broken one. */
export function zipKind(bytes: Uint8Array): 'xlsx' | 'docx' | 'zip' | 'broken' {
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        return false;
      },
    });
  } catch {
    return 'broken';
  }
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  return 'zip';
}

/** Why bytes that are not an .lrmx were refused, saying what they are when it can be told. */
export function notLrmxReason(bytes: Uint8Array): string {
  if (isZip(bytes)) {
    const kind = zipKind(bytes);
    if (kind === 'xlsx') return EXCEL_NOT_LRMX;
    if (kind === 'docx') return WORD_NOT_LRMX;
    if (kind === 'zip') return notLrmx('这是一个压缩包（压缩包中不能再套压缩包）');
    return notLrmx('内容不是 XML 文本，也不是完整的压缩包');
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return OLD_OFFICE_NOT_LRMX;
  if (bytes.length === 0) return notLrmx('文件是空的');
  return notLrmx('内容不是文本（任免审批表是 XML 文本文件）');
}

/** The bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 when the declaration says so. */
function bytesToText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    if (/encoding\s*=\s*["']?(gb2312|gbk|gb18030)/i.test(head))
      return new TextDecoder('gb18030').decode(bytes);
    throw new LrmxRefused(notLrmxReason(bytes));
  }
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // the five XML entities and numeric character references; DOCTYPE entities are refused before parsing
  htmlEntities: true,
  isArray: (name) => name === 'Item',
  maxNestedTags: 20,
});

/**
 * The <Person> element of an .lrmx file as a plain object. Refuses anything that is not
 * well-formed XML with a Person root, and any DOCTYPE or entity declaration (entity expansion).
 */
export function decodePerson(bytes: Uint8Array): Record<string, unknown> {
  if (bytes.length === 0 || isZip(bytes)) throw new LrmxRefused(notLrmxReason(bytes));
  const text = bytesToText(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new LrmxRefused(notLrmxReason(bytes));
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new LrmxRefused(notLrmx('含有不允许的文档类型（DOCTYPE）或实体声明'));
  }
  if (!text.trimStart().startsWith('<'))
    throw new LrmxRefused(notLrmx('内容不是 XML（应以 <?xml 或 <Person> 开头）'));
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new LrmxRefused(notLrmx(`XML 格式有误（第 ${valid.err.line} 行）`));
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text);
  } catch {
    throw new LrmxRefused(notLrmx('XML 格式有误'));
  }
  const roots = Object.keys(doc).filter((k) => k !== '#text' && !k.startsWith('?'));
  if (roots.length !== 1 || roots[0] !== 'Person')
    throw new LrmxRefused(notLrmx(`根元素应为 <Person>，该文件为 <${roots.join('>、<') || '空'}>`));
  const person = doc.Person;
  return person && typeof person === 'object' && !Array.isArray(person)
    ? (person as Record<string, unknown>)
    : {};
}

/** The text of an element however the parser shaped it (a repeated element counts once). */
export function textOf(v: unknown): string {
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return textOf((v as Record<string, unknown>)['#text']);
  return '';
}
