import { describe, expect, it } from 'vitest';
import { formatRuleValue, ruleValueProblem } from './rule-values.js';

describe('ruleValueProblem', () => {
  it('accepts whole numbers ≥ 0 for periods and counts, halves for years', () => {
    for (const unit of ['days', 'working_days', 'months', 'count', 'minutes', 'hours']) {
      expect(ruleValueProblem(unit, 0)).toBeNull();
      expect(ruleValueProblem(unit, 15)).toBeNull();
      expect(ruleValueProblem(unit, -1)).toContain('不小于 0');
      expect(ruleValueProblem(unit, 1.5)).not.toBeNull();
      expect(ruleValueProblem(unit, '15')).not.toBeNull();
    }
    expect(ruleValueProblem('years', 1.5)).toBeNull();
    expect(ruleValueProblem('years', 1.2)).not.toBeNull();
  });

  it('bounds percent to 0–100 and ratio to 0–1', () => {
    expect(ruleValueProblem('percent', 100)).toBeNull();
    expect(ruleValueProblem('percent', 100.5)).toContain('0 到 100');
    expect(ruleValueProblem('ratio', 0.5)).toBeNull();
    expect(ruleValueProblem('ratio', 2)).toContain('0 到 1');
    expect(ruleValueProblem('ratio', Number.NaN)).not.toBeNull();
  });

  it('bounds a 差额 ratio (so many to one) to 1–10', () => {
    expect(ruleValueProblem('to_one', 1)).toBeNull();
    expect(ruleValueProblem('to_one', 1.5)).toBeNull();
    expect(ruleValueProblem('to_one', 0.9)).toBe('比例须在 1:1 到 10:1 之间');
    expect(ruleValueProblem('to_one', 11)).not.toBeNull();
    expect(formatRuleValue('to_one', 1.5)).toBe('1.5:1');
  });

  it('wants a real boolean and a list of distinct non-empty strings', () => {
    expect(ruleValueProblem('boolean', true)).toBeNull();
    expect(ruleValueProblem('boolean', 'true')).not.toBeNull();
    expect(ruleValueProblem('list', ['基本称职', '不称职'])).toBeNull();
    expect(ruleValueProblem('list', ['基本称职', ' '])).not.toBeNull();
    expect(ruleValueProblem('list', ['a', 'a'])).toContain('重复');
    expect(ruleValueProblem('list', 'a')).not.toBeNull();
    expect(ruleValueProblem('list', [])).not.toBeNull();
    expect(ruleValueProblem('furlongs', 1)).toContain('未知');
  });
});

describe('formatRuleValue', () => {
  it('writes values the way a Chinese reader expects', () => {
    expect(formatRuleValue('working_days', 5)).toBe('5 个工作日');
    expect(formatRuleValue('ratio', 0.5)).toBe('50%');
    expect(formatRuleValue('percent', 30)).toBe('30%');
    expect(formatRuleValue('boolean', true)).toBe('是');
    expect(formatRuleValue('list', ['基本称职', '不称职'])).toBe('基本称职、不称职');
    expect(formatRuleValue('count', 5)).toBe('5');
  });
});
