import { describe, expect, it } from 'vitest';
import { gradesLedgerKeyOf, parseGradesLedgerRow } from './grades-ledger.js';

const today = '2026-03-02';

describe('a 考核结果台帐 row', () => {
  it('reads a past year’s grade with its 依据 and day, defaulting what may be left blank', () => {
    expect(
      parseGradesLedgerRow({ name: '张三', unit: '东村', year: '2024年度', grade: '优秀' }, today),
    ).toEqual({
      record: {
        name: '张三',
        unit: '东村',
        idNumber: null,
        year: 2024,
        grade: '优秀',
        source: 'decision',
        decidedOn: '2025-01-31',
        note: null,
      },
    });
    const r = parseGradesLedgerRow(
      { name: '李四', year: 2025, grade: '基本称职', source: '民主测评', decidedOn: '2026-01-10' },
      today,
    );
    expect(r).toMatchObject({ record: { year: 2025, source: 'evaluation', decidedOn: '2026-01-10' } });
    expect(gradesLedgerKeyOf('考核 等次')).toBe('grade');
  });

  it('names each column that is wrong', () => {
    expect(
      parseGradesLedgerRow(
        { year: '2026', grade: '良好', source: '群众评议', decidedOn: '2027-01-01' },
        today,
      ),
    ).toEqual({
      errors: [
        '姓名：请填写干部姓名',
        '年度：只能导入往年（2025 年及以前）的考核结果',
        '考核等次：“良好”不是可选值（优秀、称职、基本称职、不称职、不定等次）',
        '等次依据：“群众评议”不是可选值（动态考核、民主测评、党委（领导班子）研究决定）',
        '评定日期：不能晚于今天（2026-03-02）',
      ],
    });
    expect(
      parseGradesLedgerRow({ name: '王五', year: '2024', grade: '称职', decidedOn: '2023-12-01' }, today),
    ).toEqual({ errors: ['评定日期：不能早于考核年度 2024 年'] });
  });
});
