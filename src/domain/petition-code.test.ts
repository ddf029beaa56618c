import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import {
  codeOfYearPattern,
  freePrefix,
  PREFIX_PATTERN,
  petitionCode,
  petitionSearchTokens,
  suggestedPrefix,
} from './petition-code.js';
import { queryTokens } from './search-tokens.js';

const initials = (s: string) => pinyin(s, { pattern: 'first', toneType: 'none', type: 'array' });

describe('petition numbers', () => {
  it('put the org’s prefix before XF<year>-<sequence>; none for numbers given before prefixes', () => {
    expect(petitionCode('DX', 2026, 52)).toBe('DX-XF2026-0052');
    expect(petitionCode(null, 2026, 52)).toBe('XF2026-0052');
    const year = new RegExp(codeOfYearPattern(2026));
    expect(['DX-XF2026-0052', 'XF2026-0007', 'DX2-XF2026-0001'].every((c) => year.test(c))).toBe(true);
    expect(['XF2025-0001', '大纪信〔2026〕3号', 'dx-XF2026-0001'].some((c) => year.test(c))).toBe(false);
  });

  it('suggest a prefix from the name’s pinyin initials without the administrative suffix', () => {
    expect(suggestedPrefix('大兴镇', initials)).toBe('DX');
    expect(suggestedPrefix('红星街道', initials)).toBe('HX');
    expect(suggestedPrefix('清江区', initials)).toBe('QJ');
    expect(suggestedPrefix('甲镇', initials)).toBe('JZ'); // one character left: the whole name
    expect(suggestedPrefix('第3村', initials)).toBe('D3C');
    expect(suggestedPrefix('88号', initials)).toMatch(PREFIX_PATTERN);
    expect(['DX', 'HX', 'QJ', 'JZ'].every((p) => PREFIX_PATTERN.test(p))).toBe(true);
  });

  it('take the first free one of DX, DX2, DX3 …', () => {
    expect(freePrefix('DX', new Set())).toBe('DX');
    expect(freePrefix('DX', new Set(['DX', 'DX2']))).toBe('DX3');
    expect(freePrefix('ABCDEFGH', new Set(['ABCDEFGH']))).toBe('ABCDEFG2');
  });

  it('are searched with the matter and the names of the cadres named', () => {
    const tokens = new Set(
      petitionSearchTokens(
        { code: 'DX-XF2026-0052', title: '反映干部作风问题', content: '具体见来信。', reply: null },
        ['周德明'],
      ),
    );
    for (const q of ['DX-XF2026-0052', 'XF2026-0052', '0052', '周德明', '作风'])
      expect(
        queryTokens(q).every((x) => tokens.has(x)),
        q,
      ).toBe(true);
  });
});
