/**
 * The portal's anti-bot check needs no outside service: the browser finds a counter such that
 * SHA-256(token + counter) starts with `difficulty` zero bits — about 2^18 hashes, well under a
 * second in a browser, a measurable cost for every report a bot would send.
 */
export const POW_DIFFICULTY = 18;
/** How long a challenge may be answered. */
export const POW_TTL_MS = 10 * 60_000;

/** How many zero bits a digest starts with. */
export function leadingZeroBits(digest: Uint8Array): number {
  let n = 0;
  for (const byte of digest) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}
