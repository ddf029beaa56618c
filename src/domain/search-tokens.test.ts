import { describe, expect, it } from 'vitest';
import { queryTokens, searchTokens } from './search-tokens.js';

const matches = (text: string, q: string) => {
  const tokens = new Set(searchTokens(text));
  const want = queryTokens(q);
  return want.length > 0 && want.every((t) => tokens.has(t));
};

describe('Chinese search tokens', () => {
  it('finds a word inside a sentence by its bigrams', () => {
    expect(matches('反映干部作风问题', '作风')).toBe(true);
    expect(matches('反映干部作风问题', '干部作风')).toBe(true);
    expect(matches('反映干部作风问题', '风作')).toBe(false);
    expect(matches('反映干部作风问题', '财务')).toBe(false);
  });

  it('matches single characters, Latin words and digits, ignoring case and full-width forms', () => {
    expect(matches('村支书王某', '王')).toBe(true);
    expect(matches('2025年低保资金 WeChat 转账', 'wechat')).toBe(true);
    expect(matches('２０２５年', '2025')).toBe(true);
  });

  it('gives no tokens for punctuation only', () => {
    expect(queryTokens('，。！')).toEqual([]);
  });
});
