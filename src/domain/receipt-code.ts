/**
 * Receipt codes of the public portal: 80 random bits written as 16 symbols of Crockford's base32
 * (no I, L, O or U) in groups of four, e.g. `7KQ2-M9XD-4TPA-H3VW`, easy to read aloud and copy by
 * hand. Input is forgiving: any case, dashes and spaces optional, O read as 0 and I/L as 1.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_BYTES = 10; // 80 bits → 16 symbols of 5 bits

/** Formats 10 random bytes as a receipt code. */
export function formatReceiptCode(bytes: Uint8Array): string {
  if (bytes.length !== RECEIPT_BYTES) throw new Error(`a receipt code needs ${RECEIPT_BYTES} bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += RECEIPT_ALPHABET[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The canonical 16 symbols of what a reporter typed, or null when it cannot be a receipt code. */
export function normalizeReceiptCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-－—_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(s) ? s : null;
}

/** The code as shown: four groups of four. */
export const displayReceiptCode = (canonical: string) => canonical.match(/.{1,4}/g)!.join('-');
