import { describe, expect, it } from 'vitest';
import { datedCell, LEDGER_COLUMNS, type LedgerCells, splitDatedCell } from './petition-ledger.js';
import { type LedgerLookups, parseLedgerRow } from './petition-ledger-row.js';
import { choices } from './roster-row.js';

const lookups: LedgerLookups = {
  today: '2026-03-02',
  extensionMaxDays: 30,
  channel: choices([
    { code: 'letter', label: '来信' },
    { code: 'visit', label: '来访' },
    { code: 'assigned', label: '上级交办' },
  ]),
  category: choices([{ code: 'work_style', label: '干部作风' }]),
  disposal: choices([
    { code: 'talk_inquiry', label: '谈话函询' },
    { code: 'preliminary_check', label: '初步核实' },
    { code: 'hold', label: '暂存待查' },
    { code: 'close', label: '予以了结' },
  ]),
};
const KEY = new Map(LEDGER_COLUMNS.map((c) => [c.header, c.key]));
const cells = (byHeader: Record<string, unknown>): LedgerCells =>
  Object.fromEntries(Object.entries(byHeader).map(([h, v]) => [KEY.get(h)!, v]));
const base = { 收件日期: '2026-01-05', 来源渠道: '来信', 反映人类别: '匿名', 反映事由: '反映干部作风问题' };
const parse = (over: Record<string, unknown>) => parseLedgerRow(cells({ ...base, ...over }), lookups);
const errorsOf = (over: Record<string, unknown>) => {
  const r = parse(over);
  return 'errors' in r ? r.errors : [];
};
const concluded = {
  受理情况: '受理',
  受理日期: '2026-01-08',
  处置方式: '初步核实',
  调查报告: '【2026-01-20】属实',
  处理意见: '【2026-01-25】批评教育\n【2026-01-28】审批通过',
  回复日期: '2026-02-01',
  答复意见: '已处理',
  办结日期: '2026-02-03',
};

describe('dated cells', () => {
  it('split at each 【date】 paragraph, text before the first one undated, and write back alike', () => {
    const text = '总体情况\n【2026-01-20】第一份\n含换行\n【２０２６-01-21】第二份';
    expect(splitDatedCell(text)).toEqual([
      { on: null, content: '总体情况' },
      { on: '2026-01-20', content: '第一份\n含换行' },
      { on: '２０２６-01-21', content: '第二份' },
    ]);
    const entries = [
      { on: '2026-01-20', content: 'a' },
      { on: '2026-01-21', content: 'b' },
    ];
    expect(splitDatedCell(datedCell(entries))).toEqual(entries);
  });
});

describe('a 信访台帐 row', () => {
  it('reads a case handled to its end, with its approval, in whatever date style', () => {
    const r = parse({
      ...concluded,
      收件日期: '2026年1月5日',
      受理日期: 20260108,
      被反映人: '张三、李四',
      被反映人单位: '红星村、无',
    });
    expect(r).toMatchObject({
      record: {
        receivedOn: '2026-01-05',
        acceptedOn: '2026-01-08',
        status: 'concluded',
        disposal: 'preliminary_check',
        reports: [{ on: '2026-01-20', content: '属实' }],
        opinions: [{ on: '2026-01-25', content: '批评教育' }],
        approvedOn: '2026-01-28',
        concludedOn: '2026-02-03',
        content: '反映干部作风问题',
        subjects: [
          { name: '张三', unitText: '红星村' },
          { name: '李四', unitText: null },
        ],
      },
    });
  });

  it('derives the status from the dates when 办理状态 is blank, and checks it when given', () => {
    expect(parse({})).toMatchObject({ record: { status: 'registered' } });
    expect(parse({ 受理情况: '受理', 受理日期: '2026-01-06', 处置方式: '暂存待查' })).toMatchObject({
      record: { status: 'held' },
    });
    const reported = {
      ...concluded,
      处理意见: '【2026-01-25】批评教育',
      回复日期: '',
      答复意见: '',
      办结日期: '',
    };
    expect(parse(reported)).toMatchObject({ record: { status: 'awaiting_approval' } });
    expect(parse({ ...reported, 办理状态: '已形成调查报告' })).toMatchObject({
      record: { status: 'reported' },
    });
    expect(errorsOf({ ...concluded, 办理状态: '调查核实中' })).toEqual([
      '办理状态：“调查核实中”与所填日期和内容不一致（按所填内容应为“已办结”）',
    ]);
  });

  it('needs what each channel needs', () => {
    expect(errorsOf({ 来源渠道: '来访' })).toEqual(['来访人数：来访须填写来访人数']);
    expect(errorsOf({ 来源渠道: '来访', 来访人数: '0' })).toEqual(['来访人数：应为 1 至 9999 的整数']);
    expect(parse({ 来源渠道: '来访', 来访人数: '3人' })).toMatchObject({ record: { visitors: 3 } });
    expect(errorsOf({ 来源渠道: '上级交办', 交办机关: '区纪委', 交办期限: '2026-01-01' })).toEqual([
      '交办文号：上级交办件须填写交办文号',
      '交办期限：不能早于收件日期',
    ]);
    expect(errorsOf({ 反映人类别: '' })).toEqual(['反映人类别：必填：实名或匿名']);
  });

  it('refuses an outcome out of order or without the steps before it', () => {
    expect(errorsOf({ 办结日期: '2026-02-03' })).toContain('办结日期：办结的件须已受理');
    expect(errorsOf({ ...concluded, 回复日期: '2026-01-02' })).toContain('回复日期：2026-01-02 早于审批日期');
    expect(errorsOf({ ...concluded, 办结日期: '2026-03-05' })).toContain('办结日期：2026-03-05 晚于今天');
    expect(errorsOf({ 受理情况: '不予受理', 受理日期: '2026-01-06' })).toEqual([
      '不予受理理由：不予受理须填写理由',
    ]);
    expect(errorsOf({ ...concluded, 处置方式: '' })).toContain(
      '处置方式：已有调查报告、处理意见、回复或办结的件须填写处置方式',
    );
    expect(errorsOf({ ...concluded, 处置方式: '初步核实', 处理意见: '【2026-01-28】审批通过' })).toContain(
      '处理意见：审批通过前须有处理意见',
    );
    expect(errorsOf({ 受理情况: '受理', 受理日期: '2026-01-06', 延期天数: 45, 延期理由: '复杂' })).toEqual([
      '延期天数：应为 1 至 30 的整数',
    ]);
    expect(errorsOf({ 收件日期: '2026-02-30', 来源渠道: '传真' })).toEqual([
      '收件日期：日期不存在',
      '来源渠道：“传真”不是可选值（来信、来访、上级交办）',
    ]);
  });
});

describe('the ledger as clerks keep it', () => {
  const accepted = { 受理情况: '受理', 受理日期: '2026-01-08' };

  it('takes 予以了结 without 处理意见, as the workflow does: awaiting approval, or concluded, with no opinion made up', () => {
    expect(parse({ ...accepted, 处置方式: '予以了结' })).toMatchObject({
      record: { status: 'awaiting_approval', disposal: 'close', opinions: [], heldBefore: false },
    });
    expect(
      parse({
        ...accepted,
        处置方式: '予以了结',
        处理意见: '【2026-01-20】审批通过',
        办结日期: '2026-01-25',
      }),
    ).toMatchObject({
      record: { status: 'concluded', disposal: 'close', opinions: [], approvedOn: '2026-01-20' },
    });
  });

  it('takes 暂存待查 later concluded as 暂存待查 → 予以了结 → 办结, but not a hold with an investigation report', () => {
    expect(parse({ ...accepted, 处置方式: '暂存待查', 办结日期: '2026-02-10' })).toMatchObject({
      record: { status: 'concluded', disposal: 'close', heldBefore: true, concludedOn: '2026-02-10' },
    });
    expect(
      parse({ ...accepted, 处置方式: '暂存待查', 处理意见: '【2026-02-01】线索不具体，予以了结' }),
    ).toMatchObject({
      record: { status: 'awaiting_approval', disposal: 'close', heldBefore: true },
    });
    expect(parse({ ...accepted, 处置方式: '暂存待查' })).toMatchObject({
      record: { status: 'held', disposal: 'hold', heldBefore: false },
    });
    expect(errorsOf({ ...accepted, 处置方式: '暂存待查', 调查报告: '【2026-01-20】属实' })).toEqual([
      '调查报告：暂存待查的件没有调查报告；暂存后转调查核实的，处置方式请填写谈话函询或初步核实',
    ]);
  });

  it('counts undated opinion paragraphs one opinion each, and says so', () => {
    const r = parse({
      ...concluded,
      处理意见: '给予批评教育\n责令退还多收款项\n\n【2026-01-28】审批通过',
    });
    expect(r).toMatchObject({
      record: {
        opinions: [
          { on: '2026-01-28', content: '给予批评教育' },
          { on: '2026-01-28', content: '责令退还多收款项' },
        ],
      },
      notes: ['处理意见有 2 段未注明日期，按 2 条处理意见计入（日期记为 2026-01-28）'],
    });
    expect(errorsOf({ ...concluded, 处理意见: '批评教育\n审批通过' })).toEqual([
      '处理意见：“审批通过”须注明日期，如 【2026-01-28】审批通过',
    ]);
    // a dated opinion keeps its lines together
    expect(
      parse({ ...concluded, 处理意见: '【2026-01-25】批评教育\n并责令整改\n【2026-01-28】审批通过' }),
    ).toMatchObject({
      record: { opinions: [{ on: '2026-01-25', content: '批评教育\n并责令整改' }] },
      notes: [],
    });
  });
});
