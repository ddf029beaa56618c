import type { ReporterIdentity } from '../reporter-identity.js';
import type { FormRow, FormSpec } from './docx-form.js';
import type { CaseFile } from './print-document.js';

const label = (m: Map<string, string>, code: string | null) => (code ? (m.get(code) ?? code) : '');
const dash = (v: string | null | undefined) => v || '—';
const dateCn = (iso: string | null) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const subjectsText = (f: CaseFile) =>
  f.subjects.map((s) => `${s.name}${s.unitText ? `（${s.unitText}）` : ''}`).join('、') || '—';
const dated = (docs: CaseFile['documents'], kind: string) =>
  docs
    .filter((d) => d.kind === kind)
    .map(
      (d, i, all) =>
        `${all.length > 1 ? `${i + 1}. ` : ''}${d.content}（${d.occurredOn}${d.userName ? `，${d.userName}` : ''}）`,
    )
    .join('\n');
const lastEvent = (f: CaseFile, match: (e: CaseFile['events'][number]) => boolean) =>
  [...f.events].reverse().find(match);

/**
 * Who reported, as the 登记表 shows it: 匿名, or 实名 with the identity left sealed — unless a
 * holder of petition.reveal_identity asked for it with a reason (then `identity` is given).
 */
function reporterRows(f: CaseFile, identity: ReporterIdentity | null): FormRow[] {
  const { p } = f;
  if (identity)
    return [
      {
        pairs: [
          ['反映方式', p.realName ? '实名' : '匿名（留有联系方式）'],
          ['姓名', identity.name],
        ],
      },
      {
        pairs: [
          ['联系电话', dash(identity.phone)],
          ['身份证号码', dash(identity.idNumber)],
        ],
      },
      {
        pairs: [
          ['住址', dash(identity.address)],
          ['工作单位', dash(identity.workUnit)],
        ],
      },
    ];
  const sealed = p.realName
    ? '实名（反映人身份信息已加密保存，本表未显示）'
    : p.reporterEnc
      ? '匿名（留有联系方式，已加密保存，本表未显示）'
      : '匿名';
  return [{ label: '反映人', value: sealed }];
}

export function registrationForm(f: CaseFile, identity: ReporterIdentity | null, footer: string): FormSpec {
  const { p } = f;
  const accepted = p.acceptedOn
    ? `受理（${p.acceptedOn}）`
    : p.status === 'declined'
      ? `不予受理（${p.declinedOn ?? ''}）：${p.declineReason ?? ''}`
      : '待受理';
  const rows: FormRow[] = [
    {
      pairs: [
        ['登记编号', p.code],
        ['收件日期', p.receivedOn],
      ],
    },
    {
      pairs: [
        ['来源渠道', `${f.channel}${p.visitors ? `（${p.visitors} 人）` : ''}`],
        ['承办单位', f.orgName],
      ],
    },
  ];
  if (p.channel === 'assigned')
    rows.push(
      {
        pairs: [
          ['交办机关', dash(p.assignedBy)],
          ['交办文号', dash(p.assignedRef)],
        ],
      },
      { pairs: [['交办期限', dash(p.assignedDueOn)]] },
    );
  if (p.channel === 'transferred') rows.push({ pairs: [['转办单位', dash(p.transferredFrom)]] });
  rows.push(
    ...reporterRows(f, identity),
    {
      pairs: [
        ['被反映人', subjectsText(f)],
        ['问题类别', dash(label(f.labels.category, p.category))],
      ],
    },
    { label: '反映事由', value: p.title },
    { label: '反映内容', value: p.content, minLines: 6 },
    {
      pairs: [
        ['受理情况', accepted],
        ['办理状态', f.statusLabel],
      ],
    },
    {
      pairs: [
        ['登记人', dash(f.registeredBy ?? (p.imported ? '台帐导入' : '网上举报'))],
        ['登记日期', p.receivedOn],
      ],
    },
  );
  return { title: '信访举报登记表', subtitle: `${f.orgName}　编号：${p.code}`, rows, footer };
}

export function approvalForm(f: CaseFile, footer: string): FormSpec {
  const { p } = f;
  const submitted = lastEvent(f, (e) => e.toStatus === 'awaiting_approval');
  const approved = p.approvedOn ? lastEvent(f, (e) => e.action === 'approve') : undefined;
  const returned = lastEvent(f, (e) => e.action === 'return');
  const rows: FormRow[] = [
    {
      pairs: [
        ['登记编号', p.code],
        ['收件日期', p.receivedOn],
      ],
    },
    {
      pairs: [
        ['承办单位', f.orgName],
        ['反映方式', p.realName ? '实名' : '匿名'],
      ],
    },
    {
      pairs: [
        ['被反映人', subjectsText(f)],
        ['处置方式', dash(label(f.labels.disposal, p.disposal))],
      ],
    },
    { label: '反映事由', value: p.title },
    { label: '调查核实情况', value: dated(f.documents, 'report') || '—', minLines: 3 },
    { label: '处理意见', value: dated(f.documents, 'opinion') || '—', minLines: 4 },
    {
      pairs: [
        ['提交人', dash(submitted?.userName)],
        ['提交日期', dash(submitted?.occurredOn)],
      ],
    },
  ];
  if (returned && !approved)
    rows.push({
      label: '退回记录',
      value: `${returned.occurredOn} 退回${returned.userName ? `（${returned.userName}）` : ''}`,
    });
  rows.push(
    approved
      ? {
          label: '审批意见',
          value: `审批通过　审批人：${dash(approved.userName)}　日期：${approved.occurredOn}`,
        }
      : {
          label: '审批意见',
          value: '\n审批人（签字）：　　　　　　　　日期：　　年　　月　　日',
          minLines: 3,
        },
  );
  return { title: '处理意见审批表', subtitle: `${f.orgName}　编号：${p.code}`, rows, footer };
}

/** 答复告知书 (or 不予受理告知书): what the reporter is told; addressed without their name. */
export function replyNotice(f: CaseFile, footer: string, today: string): FormSpec {
  const { p } = f;
  const declined = p.status === 'declined';
  const notice = declined
    ? (lastDoc(f, 'notice') ?? `经审查，您反映的问题依规不予受理。理由：${p.declineReason ?? ''}。`)
    : (lastDoc(f, 'review_answer') ?? p.reply ?? '');
  const title = declined ? '不予受理告知书' : '答复告知书';
  const rows: FormRow[] = [
    {
      pairs: [
        ['登记编号', p.code],
        ['收件日期', p.receivedOn],
      ],
    },
    { label: '反映事由', value: p.title },
    { label: declined ? '告知内容' : '答复意见', value: notice, minLines: 6 },
    { pairs: [[declined ? '告知日期' : '答复日期', dash(declined ? p.declinedOn : p.repliedOn)]] },
  ];
  const after = [
    `反映人：\n　　您于${dateCn(p.receivedOn)}反映的“${p.title}”一事，${declined ? '经审查，现告知如下' : '经调查核实，现答复如下'}，详见上表。`,
    declined
      ? '如对本告知有异议，可依规向上级机关反映。'
      : '如对答复意见不服，可自收到本告知书之日起 30 日内向办理机关申请复查；对复查意见不服的，可自收到复查意见之日起 30 日内申请复核。',
    `${f.orgName}\n${dateCn(today)}`,
  ];
  return { title, subtitle: `${f.orgName}　编号：${p.code}`, rows, after, footer };
}

function lastDoc(f: CaseFile, kind: string): string | undefined {
  return [...f.documents].reverse().find((d) => d.kind === kind)?.content;
}
