import { describe, expect, it } from 'vitest';
import { confirmationMessage, type FileReport } from './report.js';

const file = (name: string, status: FileReport['status']): FileReport => ({
  name,
  personName: null,
  status,
  action: status === 'refused' ? null : 'create',
  missing: [],
  problems: [],
  message: status === 'refused' ? '不是有效的任免审批表（.lrmx）文件：内容不是 XML' : undefined,
  imported: false,
});

describe('the question an import that waits asks', () => {
  it('speaks of the one file when there is one, never of "the other 1"', () => {
    expect(confirmationMessage([file('a', 'incomplete')])).toBe(
      '文件不完整，请查看缺少的项和简历的读取结果，确认是否导入',
    );
    expect(confirmationMessage([file('a', 'created')])).toBe('请核对从简历中读取的任职经历，确认是否导入');
  });

  it('counts what cannot be imported, what is incomplete and what may be chosen', () => {
    expect(confirmationMessage([file('a', 'created'), file('b', 'refused')])).toBe(
      '1 个文件无法导入；请确认是否导入可以导入的 1 个文件',
    );
    expect(confirmationMessage([file('a', 'created'), file('b', 'incomplete'), file('c', 'refused')])).toBe(
      '1 个文件无法导入，1 个文件不完整；请选择要导入的文件（可导入 2 个），核对从简历中读取的任职经历后确认',
    );
    expect(confirmationMessage([file('a', 'created'), file('b', 'updated')])).toBe(
      '请选择要导入的文件（可导入 2 个），核对从简历中读取的任职经历后确认',
    );
  });
});
