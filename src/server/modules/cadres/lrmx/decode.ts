import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NOT_LRMX } from './elements.js';

/** A file the import cannot read at all; the message says why, in Chinese. */
export class LrmxRefused extends Error {}

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
    throw new LrmxRefused(NOT_LRMX);
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
  const text = bytesToText(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new LrmxRefused(NOT_LRMX);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new LrmxRefused(`${NOT_LRMX}：含有不允许的文档类型（DOCTYPE）或实体声明`);
  }
  if (XMLValidator.validate(text) !== true) throw new LrmxRefused(NOT_LRMX);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text);
  } catch {
    throw new LrmxRefused(NOT_LRMX);
  }
  const roots = Object.keys(doc).filter((k) => k !== '#text' && !k.startsWith('?'));
  if (roots.length !== 1 || roots[0] !== 'Person') throw new LrmxRefused(NOT_LRMX);
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
