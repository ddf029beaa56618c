import { z } from 'zod';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { text } from '../../platform/http/text.js';

/** Who reported: stored only as one SM4-encrypted, HMAC-SM3-sealed blob (petitions.reporter_enc). */
export const reporterIdentity = z.object({
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
export type ReporterIdentity = z.infer<typeof reporterIdentity>;

export const sealReporter = (crypto: FieldCrypto, who: ReporterIdentity) =>
  crypto.encrypt(JSON.stringify(who));

export const openReporter = (crypto: FieldCrypto, sealed: string): ReporterIdentity =>
  reporterIdentity.parse(JSON.parse(crypto.decrypt(sealed)));
