/**
 * Chinese full-text search that works the same on PGlite and PostgreSQL, without a tokenizer
 * extension: a text is indexed as the set of its Han-character bigrams (and single characters)
 * plus its Latin/digit words; a query matches when the text holds all the query's tokens
 * (`tokens @> query` on a GIN index). 作风 finds “反映干部作风问题”.
 */
const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[a-z0-9]+/g;

export function searchTokens(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const raw of texts) {
    if (!raw) continue;
    const text = raw.normalize('NFKC').toLowerCase();
    for (const [run] of text.matchAll(HAN_RUN)) {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        out.add(chars[i]);
        if (i + 1 < chars.length) out.add(chars[i] + chars[i + 1]);
      }
    }
    for (const [w] of text.matchAll(WORD)) out.add(w);
  }
  return [...out];
}

/** The tokens a query must all match: bigrams of each Han run (a single character stays itself), and words. */
export function queryTokens(q: string): string[] {
  const out = new Set<string>();
  const text = q.normalize('NFKC').toLowerCase();
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  for (const [w] of text.matchAll(WORD)) out.add(w);
  return [...out];
}
