import * as OTPAuth from 'otpauth';

const ISSUER = '监督 Jiandu';

export const newTotpSecret = () => new OTPAuth.Secret({ size: 20 }).base32;

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

export const totpUri = (secretBase32: string, label: string) => totpFor(secretBase32, label).toString();

/** Accepts the code of the current 30-second step or one step either side (clock drift). */
export function totpValid(secretBase32: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The code for a moment (tests and the CLI's self-check). */
export const totpCode = (secretBase32: string, now: Date) => totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() });
