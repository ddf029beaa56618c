import { z } from 'zod';
import { PETITION_CHANNELS, type PetitionChannel } from '../../../../domain/petition-intake.js';
import { isoDay, text } from '../../../platform/http/text.js';
import { reporterIdentity } from '../reporter-identity.js';

const optionalText = (max: number) => text().trim().max(max, `不超过 ${max} 字`).nullable().optional();
export const isoDate = isoDay();
const channels = Object.keys(PETITION_CHANNELS) as [PetitionChannel, ...PetitionChannel[]];
export const petitionChannel = z.enum(channels, { message: '来源渠道不正确' });

/** A named cadre: linked to the registry by id, or by free-text name (and unit) when unknown. */
export const subjectInput = z
  .object({
    cadreId: z.number().int().positive().nullable().optional(),
    name: optionalText(30),
    unitText: optionalText(60),
  })
  .refine((s) => s.cadreId || s.name, { message: '请选择被反映人或填写其姓名', path: ['name'] });

/**
 * Who reported. For a real-name report the name is required; an anonymous reporter may still leave
 * a way to reach them (phone, address), sealed the same way under the name “匿名”.
 */
export const reporterInput = reporterIdentity.extend({
  name: text().trim().max(30, '姓名不超过 30 字').nullable().optional(),
});

/** Registration from every channel: the officer's form, the portal (online) and the ledger import. */
export const registerBody = z.object({
  orgId: z.number().int().positive('请选择承办单位'),
  channel: petitionChannel,
  visitors: z.number().int().min(1, '来访人数至少 1 人').max(9999).nullable().optional(),
  receivedOn: isoDate,
  assignedBy: optionalText(60),
  assignedRef: optionalText(60),
  assignedDueOn: isoDate.nullable().optional(),
  transferredFrom: optionalText(60),
  realName: z.boolean(),
  reporter: reporterInput.nullable().optional(),
  title: text().trim().min(1, '请填写反映事由').max(100, '反映事由不超过 100 字'),
  content: text().trim().min(1, '请填写反映内容').max(20000, '反映内容不超过 20000 字'),
  category: optionalText(40),
  subjects: z.array(subjectInput).max(20, '被反映人不超过 20 人').default([]),
});
export type RegisterBody = z.input<typeof registerBody>;

/** What the other ways in add: the ledger import keeps history; the portal binds a receipt code. */
export type RegisterInput = RegisterBody & {
  /** A record brought in from an earlier ledger: past dates kept, no to-do unless still running. */
  imported?: boolean;
  /** The ledger's own registration number (imports only); otherwise one is generated. */
  code?: string | null;
  /** HMAC of the portal receipt code. */
  receiptDigest?: string | null;
  /** 审计移送: the audit whose referral opens the case (channel audit_referral only). */
  sourceAuditId?: number | null;
};
