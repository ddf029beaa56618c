import { describe, expect, it } from 'vitest';
import {
  figureKeysOf,
  formatFigure,
  lockedWordingProblem,
  partsText,
  placeholdersOf,
  type RenderValue,
  renderWording,
} from './summary-template.js';

const T =
  '全年共收到群众来信{petitions.letter}件，来访{petitions.visitors}人次，办结率{petitions.conclusion_rate|%}，上报调查报告{petitions.reports|余}份。';
const values = (v: Record<string, number | null>, names: Record<string, string[]> = {}) =>
  new Map<string, RenderValue>(Object.entries(v).map(([k, value]) => [k, { value, names: names[k] }]));

describe('number formats', () => {
  it('writes 余 the way a report does: 20–29 → 20余, 100–199 → 100余; round and small numbers as they are', () => {
    expect(formatFigure(24, '余')).toBe('20余');
    expect(formatFigure(29, '余')).toBe('20余');
    expect(formatFigure(36, '余')).toBe('30余');
    expect(formatFigure(20, '余')).toBe('20');
    expect(formatFigure(7, '余')).toBe('7');
    expect(formatFigure(153, '余')).toBe('100余');
    expect(formatFigure(100, '%')).toBe('100%');
    expect(formatFigure(97.5, '%')).toBe('97.5%');
    expect(formatFigure(44, null)).toBe('44');
  });
});

describe('rendering', () => {
  it('fills each placeholder with its figure in its format', () => {
    const parts = renderWording(
      T,
      values({
        'petitions.letter': 44,
        'petitions.visitors': 28,
        'petitions.conclusion_rate': 100,
        'petitions.reports': 24,
      }),
    );
    expect(partsText(parts!)).toBe('全年共收到群众来信44件，来访28人次，办结率100%，上报调查报告20余份。');
    expect(parts!.filter((p) => 'key' in p).map((p) => (p as { key: string }).key)).toEqual(figureKeysOf(T));
  });

  it('drops a paragraph whose figures are all zero, over nothing, or not available', () => {
    const zero = values({
      'petitions.letter': 0,
      'petitions.visitors': 0,
      'petitions.conclusion_rate': null,
      'petitions.reports': 0,
    });
    expect(renderWording(T, zero)).toBeNull();
    expect(renderWording(T, new Map())).toBeNull();
    expect(renderWording('没有数字的段落。', new Map())).toEqual([{ text: '没有数字的段落。' }]);
  });

  it('lists the records’ names for 名录, each in 《》', () => {
    const v = values({ 'policies.adopted': 2 }, { 'policies.adopted': ['《甲制度》', '乙制度'] });
    expect(partsText(renderWording('出台了{policies.adopted|名录}等{policies.adopted}项制度', v)!)).toBe(
      '出台了《甲制度》、《乙制度》等2项制度',
    );
  });

  it('lists the names as they are, each once, for 名称', () => {
    const v = values({ 'x.cases': 2, 'x.people': 2 }, { 'x.cases': ['计生工作失职', '计生工作失职'] });
    expect(partsText(renderWording('有{x.people}名干部因{x.cases|名称}受到处分', v)!)).toBe(
      '有2名干部因计生工作失职受到处分',
    );
  });
});

describe('the locked figures', () => {
  it('lets the wording change around the same placeholders, in any order', () => {
    expect(lockedWordingProblem(T, `一年来，${T}`, '群众监督')).toBeNull();
    const reordered =
      '来访{petitions.visitors}人次，来信{petitions.letter}件；报告{petitions.reports|余}份，办结率{petitions.conclusion_rate|%}。';
    expect(lockedWordingProblem(T, reordered, '群众监督')).toBeNull();
  });

  it('refuses a typed number where a figure belongs, naming the paragraph', () => {
    const m = lockedWordingProblem(T, T.replace('{petitions.letter}', '45'), '群众监督');
    expect(m).toContain('段落“群众监督”');
    expect(m).toContain('{petitions.letter}');
  });

  it('refuses a dropped, altered, duplicated or invented placeholder, and any digit outside one', () => {
    expect(lockedWordingProblem(T, T.replace('来访{petitions.visitors}人次，', ''), '群众监督')).toContain(
      '{petitions.visitors}',
    );
    expect(
      lockedWordingProblem(T, T.replace('{petitions.reports|余}', '{petitions.reports}'), 'p'),
    ).not.toBeNull();
    expect(lockedWordingProblem(T, `${T}{petitions.letter}`, 'p')).not.toBeNull();
    expect(lockedWordingProblem(T, `${T}{petitions.phone}`, 'p')).toContain('不是本段原有的');
    expect(
      lockedWordingProblem(T, T.replace('{petitions.reports|余}', '{petitions.reports|约}'), 'p'),
    ).toContain('格式不正确');
    expect(lockedWordingProblem(T, `${T}另有１２件在办。`, 'p')).toContain('“１”');
    expect(lockedWordingProblem(T, `${T}另有3件在办。`, 'p')).toContain('“3”');
    expect(lockedWordingProblem(T, T.replace('{petitions.letter}', '{petitions.letter'), 'p')).not.toBeNull();
    expect(lockedWordingProblem(T, '   ', 'p')).toContain('不能为空');
    expect(placeholdersOf(T)).toHaveLength(4);
  });
});

describe('clauses', () => {
  const S =
    '共收到[[群众来信{petitions.letter}件，]][[来访{petitions.visitors}人次，]][[按期完成上级交办的信访{petitions.assigned_on_time}件，]][[提出处理意见{petitions.opinions|余}条]]。';
  it('leaves out a clause whose figures are zero, tidying the punctuation, and keeps the others without brackets', () => {
    const v = values({
      'petitions.letter': 3,
      'petitions.visitors': 4,
      'petitions.assigned_on_time': 0,
      'petitions.opinions': 0,
    });
    expect(partsText(renderWording(S, v)!)).toBe('共收到群众来信3件，来访4人次。');
    const all = values({
      'petitions.letter': 44,
      'petitions.visitors': 28,
      'petitions.assigned_on_time': 7,
      'petitions.opinions': 36,
    });
    expect(partsText(renderWording(S, all)!)).toBe(
      '共收到群众来信44件，来访28人次，按期完成上级交办的信访7件，提出处理意见30余条。',
    );
  });
});
