import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field encryption with the 国密 algorithms in Node's own crypto: SM4-CBC for confidentiality,
 * HMAC-SM3 over iv‖ciphertext for integrity (encrypt-then-MAC). Output: `sm4:<iv>.<ct>.<mac>` in base64url.
 */
export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKeyHex: string) {
    const master = Buffer.from(masterKeyHex, 'hex');
    if (master.length !== 32) throw new Error('FIELD_KEY must be 64 hex characters');
    this.encKey = master.subarray(0, 16);
    this.macKey = master.subarray(16, 32);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const mac = createHmac('sm3', this.macKey)
      .update(Buffer.concat([iv, ct]))
      .digest();
    return `sm4:${iv.toString('base64url')}.${ct.toString('base64url')}.${mac.toString('base64url')}`;
  }

  decrypt(sealed: string): string {
    const [iv, ct, mac] = sealed
      .replace(/^sm4:/, '')
      .split('.')
      .map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !ct || !mac) throw new Error('malformed ciphertext');
    const expected = createHmac('sm3', this.macKey)
      .update(Buffer.concat([iv, ct]))
      .digest();
    if (expected.length !== mac.length || !timingSafeEqual(expected, mac))
      throw new Error('ciphertext integrity check failed');
    const decipher = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  }

  /** A keyed digest for equality look-ups of encrypted values (HMAC-SM3). */
  digest(value: string): string {
    return createHmac('sm3', this.macKey).update(value, 'utf8').digest('hex');
  }
}
