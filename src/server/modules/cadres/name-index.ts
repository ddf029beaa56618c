import { pinyin } from 'pinyin-pro';

/** Pinyin of a name for search: 张三 → { namePinyin: 'zhangsan', nameInitials: 'zs' } (surnames read as surnames: 单 → shan). */
export function nameIndex(name: string): { namePinyin: string; nameInitials: string } {
  const syllables = pinyin(name, {
    toneType: 'none',
    type: 'array',
    surname: 'head',
    nonZh: 'consecutive',
    v: true,
  }) as string[];
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { namePinyin: clean.join(''), nameInitials: clean.map((s) => s[0]).join('') };
}
