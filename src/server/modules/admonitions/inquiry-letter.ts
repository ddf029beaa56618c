import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { formDocx } from '../petitions/documents/docx-form.js';
import { type Inquiry, loadInquiry } from './access.js';
import { inquiryView } from './get-inquiry.js';
import { loadOwnInquiry } from './own-inquiry.js';

const cn = (day: string) =>
  `${day.slice(0, 4)} 年 ${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日`;

/**
 * 函询通知书 (.docx) with its number: the question, the last day to reply and how to reply — never
 * the petition's reporter, nor anything of the petition beyond the question put to the cadre.
 */
async function letterOf(ctx: AppContext, actor: Actor, i: Inquiry) {
  const v = await inquiryView(ctx.db, ctx, i);
  const bytes = await formDocx({
    title: '函询通知书',
    subtitle: `${v.code}    ${v.orgName}`,
    rows: [
      {
        pairs: [
          ['函询对象', v.cadreName],
          ['所在单位', v.orgName],
        ],
      },
      {
        pairs: [
          ['发函日期', v.sentOn],
          ['回复期限', v.dueOn],
        ],
      },
      { label: '函询事项', value: v.question, minLines: 6 },
    ],
    after: [
      `${v.cadreName}同志：`,
      `根据有关规定，现就上述事项向你函询。请你本着对组织忠诚老实的态度，于 ${cn(v.dueOn)}前在监督管理系统“我的函询”中如实作出书面说明，可附相关证明材料，并由所在单位主要负责人签字背书。`,
      '无正当理由逾期不回复或不如实说明的，将依规依纪严肃处理。',
      `${v.orgName}（盖章）\n${cn(v.sentOn)}`,
    ],
    footer: `打印：${actor.displayName}  ${new Date(ctx.clock.now()).toISOString().slice(0, 10)}`,
  });
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'inquiry.print',
    objectType: 'inquiry',
    objectId: i.id,
    detail: { code: i.code },
  });
  return { bytes, fileName: `函询通知书-${v.code}.docx` };
}

export async function printInquiryLetter(opts: { ctx: AppContext; actor: Actor; id: number; own?: boolean }) {
  const { ctx, actor, id } = opts;
  const i = opts.own ? await loadOwnInquiry(ctx.db, actor, id) : await loadInquiry(ctx.db, actor, id);
  return letterOf(ctx, actor, i);
}
