import { DICTIONARY_DEFAULTS } from '../../../platform/dictionaries/defaults.js';
import { findDate } from './text.js';

const dictionary = (code: string) =>
  new Map((DICTIONARY_DEFAULTS.find((d) => d.code === code)?.items ?? []).map(([c, l]) => [c, l]));

const POLITICAL_LABELS = dictionary('political_status');
/** How forms write the statuses, besides the dictionary labels themselves. */
const POLITICAL_ALIASES: Record<string, string> = {
  中国共产党党员: 'cpc',
  共产党员: 'cpc',
  党员: 'cpc',
  中共: 'cpc',
  中国共产党预备党员: 'probationary',
  预备党员: 'probationary',
  中共预备: 'probationary',
  团员: 'league',
  共青团: 'league',
  中国共产主义青年团团员: 'league',
};

function politicalCode(text: string): string {
  for (const [code, label] of POLITICAL_LABELS) if (label === text) return code;
  return POLITICAL_ALIASES[text] ?? text;
}

/**
 * 入党时间 as forms fill it: a date alone (a CPC member), a status word (群众), or both
 * (2023.07 预备党员, 民盟 2005.03). Unknown words are kept as written.
 */
export function readPartyBox(value: string): { partyJoinDate?: string; politicalStatus?: string } {
  const found = findDate(value);
  const rest = (found ? value.slice(0, found.index) + value.slice(found.index + found.length) : value)
    .replace(/[\s()（）,，;；:：。.、]|加入|入党/g, '')
    .trim();
  const out: { partyJoinDate?: string; politicalStatus?: string } = {};
  if (found) out.partyJoinDate = found.date;
  if (rest) out.politicalStatus = politicalCode(rest);
  else if (found) out.politicalStatus = 'cpc';
  return out;
}

/** The 入党时间 box for a cadre: the date, and the status word unless they are a CPC member. */
export function writePartyBox(partyJoinDate: string | null, politicalStatus: string | null): string {
  const date = partyJoinDate ? partyJoinDate.replaceAll('-', '') : '';
  if (!politicalStatus || (politicalStatus === 'cpc' && date)) return date;
  const word = POLITICAL_LABELS.get(politicalStatus) ?? politicalStatus;
  return date ? `${date} ${word}` : word;
}

/** Education text as written → the dictionary education code of the roster filter, or null. */
export function educationCode(text: string | undefined): string | null {
  if (!text) return null;
  if (/研究生|硕士|博士/.test(text)) return 'postgraduate';
  if (/专科|大专/.test(text)) return 'college';
  if (/大学|本科/.test(text)) return 'bachelor';
  if (/中专|中技|技校|职高|中等专业/.test(text)) return 'secondary';
  if (/高中/.test(text)) return 'high_school';
  if (/初中|小学|以下/.test(text)) return 'middle_school';
  return null;
}

const EDUCATION_RANK = ['middle_school', 'high_school', 'secondary', 'college', 'bachelor', 'postgraduate'];

/** The higher of full-time and in-service education. */
export function highestEducation(...texts: (string | undefined)[]): string | null {
  const codes = texts.map(educationCode).filter((c): c is string => c !== null);
  if (!codes.length) return null;
  return codes.sort((a, b) => EDUCATION_RANK.indexOf(b) - EDUCATION_RANK.indexOf(a))[0];
}
