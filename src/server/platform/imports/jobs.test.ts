import { describe, expect, it } from 'vitest';
import { ERRORS_ON_SCREEN, reasonsOnScreen } from './jobs.js';

describe('a refused import’s problems on screen', () => {
  it('splits each reason at its first colon into column and message, in sheet order', () => {
    const bad = new Map([
      [7, ['反映人类别：必填：实名或匿名']],
      [3, ['收件日期：日期不存在', '登记编号：与第 2 行重复']],
    ]);
    expect(reasonsOnScreen(bad)).toEqual([
      { row: 3, column: '收件日期', message: '日期不存在' },
      { row: 3, column: '登记编号', message: '与第 2 行重复' },
      { row: 7, column: '反映人类别', message: '必填：实名或匿名' },
    ]);
  });

  it('keeps a reason without a column whole, and lists at most the first ERRORS_ON_SCREEN', () => {
    expect(reasonsOnScreen(new Map([[4, ['无法读取该行']]]))).toEqual([
      { row: 4, column: '', message: '无法读取该行' },
    ]);
    const many = new Map(Array.from({ length: 80 }, (_, i) => [i + 3, ['来源渠道：“传真”不是可选值']]));
    const shown = reasonsOnScreen(many);
    expect(shown).toHaveLength(ERRORS_ON_SCREEN);
    expect(shown.at(-1)?.row).toBe(ERRORS_ON_SCREEN + 2);
  });
});
