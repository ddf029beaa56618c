import * as OTPAuth from 'otpauth';

const ISSUER = '监督 Jiandu';

export const newTotpSecret = () => new OTPAuth.Secret({ size: 20 }).base32;

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export const totpUri = (secretBase32: string, label: string) => totpFor(secretBase32, label).toString();

/**
 * Accepts the code of the current 30-second step or one step either side (clock drift), once:
 * returns the step it matched, or null; a step at or before `lastStep` is refused (replay).
 */
export function totpAccepts(
  secretBase32: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code for a moment (tests and the CLI's self-check). */
export const totpCode = (secretBase32: string, now: Date) =>
  totpFor(secretBase32, 'x').generate({ timestamp: now.getTime() });
