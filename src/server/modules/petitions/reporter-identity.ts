import { z } from 'zod';
import { idNumberProblem, normalizeIdNumber } from '../../../domain/id-number.js';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { text } from '../../platform/http/text.js';

/**
 * Who reported, as stored: only as one SM4-encrypted, HMAC-SM3-sealed blob (petitions.reporter_enc).
 * Read leniently — identities sealed before the ID number was checked still open.
 */
export const storedReporter = z.object({
  name: text().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 字'),
  phone: text()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
    .nullable()
    .optional(),
  idNumber: text().trim().max(18).nullable().optional(),
  address: text().trim().max(100, '地址不超过 100 字').nullable().optional(),
  workUnit: text().trim().max(60, '工作单位不超过 60 字').nullable().optional(),
});
export type ReporterIdentity = z.infer<typeof storedReporter>;

/**
 * Who reported, as entered (the office's form, the portal): the ID number checked as the cadre form
 * checks it (GB 11643: 18 characters, a real birth date, the check character), upper-cased; blank
 * is none.
 */
export const reporterIdentity = storedReporter.extend({
  idNumber: text()
    .transform(normalizeIdNumber)
    .superRefine((v, c) => {
      const problem = v ? idNumberProblem(v) : null;
      if (problem) c.addIssue({ code: 'custom', message: problem });
    })
    .transform((v) => v || null)
    .nullable()
    .optional(),
});

export const sealReporter = (crypto: FieldCrypto, who: ReporterIdentity) =>
  crypto.encrypt(JSON.stringify(who));

export const openReporter = (crypto: FieldCrypto, sealed: string): ReporterIdentity =>
  storedReporter.parse(JSON.parse(crypto.decrypt(sealed)));
