import { pinyin } from 'pinyin-pro';
import { queryTokens, searchTokens } from '../../../domain/search-tokens.js';

const HAN = /\p{Script=Han}/u;

/**
 * What a name is searched by: 张三 → { namePinyin: 'zhangsan', nameInitials: 'zs', nameTokens: ['张',
 * '张三', '三'] } (surnames read as surnames: 单 → shan; the tokens are `searchTokens`).
 */
export function nameIndex(name: string): { namePinyin: string; nameInitials: string; nameTokens: string[] } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    nonZh: 'consecutive',
    v: true,
  }) as string[];
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return {
    namePinyin: clean.join(''),
    nameInitials: clean.map((s) => s[0]).join(''),
    nameTokens: searchTokens(name),
  };
}

/**
 * The tokens every name containing `q` holds: the Han characters (one alone) and bigrams of q's Han
 * runs. Latin words are left out: `a` inside `ab` is a substring but not the word `ab`, so only the
 * Han tokens narrow a search that `like '%q%'` then decides exactly.
 */
export function nameQueryTokens(q: string): string[] {
  return queryTokens(q).filter((t) => HAN.test(t));
}

/**
 * A query of one or two Han characters is matched exactly by the tokens alone: a name holds the
 * character, or the bigram of the two adjacent characters, just when it contains the query (names
 * are compared after NFKC, as they are tokenized). Longer queries need the LIKE recheck.
 */
export const tokensMatchExactly = (q: string) =>
  /^\p{Script=Han}{1,2}$/u.test(q) && q === q.normalize('NFKC');
