import { describe, expect, it } from 'vitest';
import { parseAuditLedgerRow } from './audit-ledger.js';

const TODAY = '2026-03-02';
const base = {
  summary: '违规发放津补贴',
  description: '以加班费名义发放补贴',
  basis: '《关于规范津贴补贴的通知》',
  recommendation: '清退',
  audit: '2025年定期审计',
  unit: '农业服务中心',
  issuedOn: '2025-03-03',
};
const plan = {
  measures: '清退',
  responsibleUnit: '农业服务中心',
  responsiblePerson: '李四',
  deadline: '2025-06-30',
};

describe('parseAuditLedgerRow', () => {
  it('reads the state from 认定 and 销号 as the export writes them', () => {
    const closed = parseAuditLedgerRow(
      { ...base, ...plan, evidence: '凭证', verdict: '已整改', closed: '已销号 2025-04-15' },
      TODAY,
    );
    expect(closed).toMatchObject({ record: { status: 'closed', closedOn: '2025-04-15', verdict: '已整改' } });
    const cont = parseAuditLedgerRow(
      { ...base, ...plan, verdict: '持续整改（历史遗留，下一检查节点 2025-09-30）' },
      TODAY,
    );
    expect(cont).toMatchObject({
      record: {
        status: 'continuing',
        continueReason: 'historical',
        nextCheckpoint: '2025-09-30',
        verdict: '持续整改（历史遗留）',
      },
    });
    expect(parseAuditLedgerRow({ ...base, verdict: '已下发' }, TODAY)).toMatchObject({
      record: { status: 'issued', verdict: null, auditKind: 'periodic', severity: 'minor' },
    });
    expect(parseAuditLedgerRow({ ...base, ...plan, verdict: '未整改，退回' }, TODAY)).toMatchObject({
      record: { status: 'rectifying', verdict: '未整改，退回' },
    });
  });

  it('refuses, naming the column: a plan missing, 销号 without evidence or a date, a bad amount, NUL', () => {
    const errors = (cells: Record<string, unknown>) => {
      const r = parseAuditLedgerRow({ ...base, ...cells }, TODAY);
      return 'errors' in r ? r.errors : [];
    };
    expect(errors({ verdict: '整改中' })).toContain('整改措施：已制定方案的整改事项须填写整改措施');
    expect(errors({ ...plan, closed: '已销号 2025-04-15' })).toContain(
      '证明材料：已销号的整改事项须填写证明材料',
    );
    expect(errors({ ...plan, evidence: '凭证', closed: '已销号' })[0]).toMatch(/^销号：/);
    expect(errors({ verdict: '已整改' })[0]).toMatch(/^销号：/);
    expect(errors({ amount: '12.345' })[0]).toMatch(/^涉及金额：/);
    expect(errors({ description: 'a\u0000b' })[0]).toMatch(/^具体描述：.*空字符/);
    expect(errors({ issuedOn: null })[0]).toMatch(/^下发日期：请填写/);
    expect(errors({ issuedOn: '2026-05-01' })[0]).toMatch(/^下发日期：不能晚于今天/);
    expect(errors({ period: '2024-12-31至2023-01-01' })[0]).toMatch(/^审计期间：/);
  });
});
