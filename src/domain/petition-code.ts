import { searchTokens } from './search-tokens.js';

/**
 * A petition's registration number (登记编号): the handling org's prefix, then XF<year>-<4-digit
 * sequence within the org and year> — DX-XF2026-0052. Each township numbers its own cases; the
 * prefix keeps two townships' 0052 apart across the district. Numbers written before prefixes
 * existed (XF2026-0052) and numbers brought in from a clerk's ledger stay as they are.
 */
export const PREFIX_PATTERN = /^[A-Z][A-Z0-9]{0,7}$/;
export const PREFIX_RULE = '信访编号前缀应为 1 至 8 位大写字母或数字，以字母开头，如 DX';

export const petitionCode = (prefix: string | null, year: number, seq: number) =>
  `${prefix ? `${prefix}-` : ''}XF${year}-${String(seq).padStart(4, '0')}`;

/** The sequence numbers of a year the org has used: its own numbers, with or without a prefix. */
export const codeOfYearPattern = (year: number) => `^([A-Z][A-Z0-9]*-)?XF${year}-[0-9]+$`;

/** Administrative suffixes left out of a prefix: 大兴镇 → DX, not DXZ. */
const SUFFIX = /(街道办事处|街道|镇|乡|区|县|市)$/;

/**
 * The prefix an org's name suggests: the initials of its name in pinyin (as `initials` spells
 * them, one per character), its administrative suffix dropped, Latin letters and digits kept.
 */
export function suggestedPrefix(name: string, initials: (han: string) => string[]): string {
  const trimmed = name.trim();
  const stem = trimmed.replace(SUFFIX, '');
  const base = [...stem].length >= 2 ? stem : trimmed;
  const letters = initials(base)
    .map((s) =>
      s
        .normalize('NFKC')
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, ''),
    )
    .join('')
    .slice(0, 6);
  return /^[A-Z]/.test(letters) ? letters : `Z${letters}`.slice(0, 6);
}

/** The first of DX, DX2, DX3 … that no other org holds. */
export function freePrefix(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 8 - String(n).length)}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * What a petition is found by in the list's search: the matter, the reply, its registration number
 * (the ledger's own number for an imported case) and the names of the cadres it names.
 */
export const petitionSearchTokens = (
  p: { code: string; title: string; content: string; reply?: string | null },
  subjectNames: string[],
) => searchTokens(p.title, p.content, p.reply, p.code, ...subjectNames);
