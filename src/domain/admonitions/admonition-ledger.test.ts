import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, parseAdmonitionLedgerRow } from './admonition-ledger.js';
import { parseInquiryLedgerRow } from './inquiry-ledger.js';

const TODAY = '2026-03-10';
const released = {
  name: '王建军',
  kind: '诫勉谈话',
  source: '民主测评',
  reason: '民主测评满意度偏低',
  talkOn: '2025-03-03',
  talkers: '张书记、刘委员',
  place: '镇党委会议室',
  checkIns: '6/6',
  status: '已解除诫勉',
  releasedOn: '2025-09-10',
};
const plan = {
  endsOn: '2025-09-03',
  checkIns: ['2025-04-03', '2025-05-06', '2025-06-03', '2025-07-03', '2025-08-04', '2025-09-03'],
  reports: [],
  decideBy: '2025-09-17',
};
const rule = { value: 2, name: '诫勉谈话人数' };

describe('诫勉台帐 row', () => {
  it('reads a released admonition; 立项日期 defaults to the talk', () => {
    const r = parseAdmonitionLedgerRow(released, TODAY);
    expect(r).toMatchObject({
      record: { kind: 'admonition', status: 'released', openedOn: '2025-03-03', checkInsDone: 6 },
    });
    expect(r).toHaveProperty('record.talkers', ['张书记', '刘委员']);
  });

  it('names each column that is wrong', () => {
    const r = parseAdmonitionLedgerRow(
      { ...released, status: '跟踪考察中', talkOn: '2025-02-30', checkIns: '六次', kind: '谈话' },
      TODAY,
    );
    expect('errors' in r && r.errors).toEqual([
      '类别：“谈话”不是可选值（诫勉谈话、提醒谈话）',
      '谈话日期：日期不存在',
      '谈心谈话：应写作“已进行次数/应进行次数”，如 6/6',
      '解除日期：状态为“跟踪考察中”，不应填写解除日期',
    ]);
  });

  it('keeps 已谈话 for a 提醒谈话, and a 待谈话 record needs its 立项日期 and no talk', () => {
    expect(parseAdmonitionLedgerRow({ ...released, status: '已谈话', releasedOn: '' }, TODAY)).toHaveProperty(
      'errors',
      ['状态：“已谈话”只用于提醒谈话；诫勉谈话应为跟踪考察中、已解除诫勉或已采取组织措施'],
    );
    expect(
      parseAdmonitionLedgerRow({ name: '王建军', reason: '事由', status: '待谈话' }, TODAY),
    ).toHaveProperty('errors', ['立项日期：待谈话的记录请填写立项日期']);
  });

  it('against the plan: talkers by the rule, no release before the tracking ends or with check-ins missing', () => {
    const r = parseAdmonitionLedgerRow(
      { ...released, talkers: '张书记', checkIns: '5/6', releasedOn: '2025-09-02' },
      TODAY,
    );
    if (!('record' in r)) throw new Error('row should read');
    const checked = checkAgainstPlan(r.record, plan, rule);
    expect('errors' in checked && checked.errors).toEqual([
      '谈话人：不少于 2 名（诫勉谈话人数），现有 1 名',
      '解除日期：跟踪考察期至 2025-09-02，期满后方可解除诫勉',
    ]);
    const ok = parseAdmonitionLedgerRow({ ...released, checkIns: '' }, TODAY);
    if (!('record' in ok)) throw new Error('row should read');
    expect(checkAgainstPlan(ok.record, plan, rule)).toEqual({ checkInsDone: 6 });
  });
});

describe('函询台帐 row', () => {
  const concluded = {
    name: '王建军',
    question: '请说明',
    sentOn: '2025-04-07',
    repliedOn: '2025-04-20',
    endorser: '李主任',
    endorsedOn: '2025-04-21',
    status: '已了结',
    conclusion: '了结澄清',
    concludedOn: '2025-05-06',
  };
  it('reads a concluded inquiry', () => {
    expect(parseInquiryLedgerRow(concluded, TODAY)).toMatchObject({
      record: { source: '其他', conclusion: 'clarified', endorser: '李主任' },
    });
  });
  it('refuses a running one and dates out of the workflow’s order', () => {
    expect(
      parseInquiryLedgerRow({ ...concluded, status: '待回复', repliedOn: '2025-04-01' }, TODAY),
    ).toHaveProperty('errors', [
      '状态：只能导入已了结的函询；“待回复”的函询请在系统中发出，以便按期回复',
      '回复日期：不能早于发函日期（2025-04-07）',
    ]);
  });
});
