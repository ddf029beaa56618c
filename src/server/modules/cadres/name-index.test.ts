import { describe, expect, it } from 'vitest';
import { nameIndex, nameQueryTokens, tokensMatchExactly } from './name-index.js';

const HAN = /\p{Script=Han}/u;

/** What the roster's search keeps for a Han query: the GIN containment, then the LIKE recheck. */
const tokenMatch = (name: string, q: string) => {
  const held = new Set(nameIndex(name).nameTokens);
  return nameQueryTokens(q).every((t) => held.has(t));
};

const NAMES = [
  '张三',
  '张三丰',
  '三丰张三',
  '张三·三丰',
  '张张',
  '张张张',
  '王小红',
  '欧阳娜娜',
  '司马相如',
  '单雄信',
  '买买提·艾力',
  '阿依古丽·买买提',
  '艾力·买买提·吐尔逊',
  '玉素甫江・吾斯曼', // katakana middle dot
  '王a',
  '李小明Tom',
  '赵2号',
  '刘ＡＢ华', // full-width Latin
  '𠮷野家', // CJK Extension B
  '〇一二',
  '豈子', // a CJK compatibility ideograph (NFKC: 豈)
  '⼀二三', // Kangxi radical one (NFKC: 一)
  '张 三',
  '卓玛',
  '次仁卓玛',
];

const QUERIES = [
  '张',
  '三',
  '张三',
  '三丰',
  '张三丰',
  '张丰',
  '三张',
  '张张',
  '张张张',
  '买买提',
  '提·艾',
  '·艾力',
  '买·',
  '买买',
  '艾力买',
  '吐尔逊',
  '江・吾',
  '王a',
  'a',
  '小明T',
  '明Tom',
  '2号',
  '赵2',
  'ＡＢ华',
  '刘Ａ',
  '𠮷',
  '𠮷野',
  '〇一',
  '豈',
  '⼀',
  '一二',
  '卓玛',
  '次仁',
  '仁卓',
  '欧阳',
  '阳娜',
  '马相',
];

/** Every substring of every name that holds a Han character: all must still be found. */
const substrings = (name: string) => {
  const chars = [...name];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++)
    for (let j = i + 1; j <= chars.length; j++) out.push(chars.slice(i, j).join(''));
  return out.filter((q) => HAN.test(q) && !/\s/.test(q));
};

describe('name tokens', () => {
  it('are the Han characters and bigrams, and the Latin words, of the name', () => {
    expect(nameIndex('张三丰')).toEqual({
      namePinyin: 'zhangsanfeng',
      nameInitials: 'zsf',
      nameTokens: ['张', '张三', '三', '三丰', '丰'],
    });
    expect(new Set(nameIndex('买买提·艾力').nameTokens)).toEqual(
      new Set(['买', '买买', '买提', '提', '艾', '艾力', '力']),
    );
    expect(new Set(nameIndex('李小明Tom').nameTokens)).toEqual(
      new Set(['李', '李小', '小', '小明', '明', 'tom']),
    );
    expect(nameIndex('·').nameTokens).toEqual([]);
  });

  it('a query narrows by its Han tokens only (a Latin fragment is no word of the name)', () => {
    expect(nameQueryTokens('张三丰')).toEqual(['张三', '三丰']);
    expect(nameQueryTokens('张')).toEqual(['张']);
    expect(nameQueryTokens('王a')).toEqual(['王']);
    expect(nameQueryTokens('提·艾')).toEqual(['提', '艾']);
    expect(nameQueryTokens('tom')).toEqual([]);
    expect(nameQueryTokens('·')).toEqual([]);
  });

  it('every name containing a Han query holds its tokens, so token containment plus LIKE is exactly LIKE', () => {
    const queries = new Set([...QUERIES.filter((q) => HAN.test(q)), ...NAMES.flatMap(substrings)]);
    let checked = 0;
    for (const name of NAMES)
      for (const q of queries) {
        const like = name.includes(q);
        if (like) expect(tokenMatch(name, q), `${name} ⊇ tokens of ${q}`).toBe(true);
        expect(tokenMatch(name, q) && like, `${name} / ${q}`).toBe(like);
        checked++;
      }
    expect(checked).toBeGreaterThan(2000);
  });

  it('tokens alone are exact for one or two Han characters, so those queries need no LIKE', () => {
    const short = new Set([...NAMES.flatMap(substrings), ...QUERIES].filter(tokensMatchExactly));
    expect(short.size).toBeGreaterThan(50);
    let checked = 0;
    for (const name of NAMES.filter((n) => n === n.normalize('NFKC')))
      for (const q of short) {
        expect(tokenMatch(name, q), `${name} / ${q}`).toBe(name.includes(q));
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
    expect(tokensMatchExactly('张三')).toBe(true);
    expect(tokensMatchExactly('张三丰')).toBe(false);
    expect(tokensMatchExactly('王a')).toBe(false);
  });

  it('tokens alone may match a name that does not contain the query: the LIKE recheck stays', () => {
    expect(tokenMatch('三丰张三', '张三丰')).toBe(true);
    expect('三丰张三'.includes('张三丰')).toBe(false);
    expect(tokenMatch('张三·三丰', '张三丰')).toBe(true);
    expect(tokenMatch('张张', '张张张')).toBe(true);
    expect(tokenMatch('张三丰', '张丰')).toBe(false);
  });
});
