import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayReceiptCode,
  formatReceiptCode,
  normalizeReceiptCode,
  RECEIPT_ALPHABET,
} from './receipt-code.js';

describe('receipt codes', () => {
  it('write 80 bits as four groups of four unambiguous symbols', () => {
    expect(RECEIPT_ALPHABET).toHaveLength(32);
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
    expect(formatReceiptCode(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(formatReceiptCode(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(formatReceiptCode(randomBytes(10))).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(() => formatReceiptCode(new Uint8Array(8))).toThrow();
  });

  it('are distinct for distinct bytes (a bijection on 80 bits)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (a, b) => {
          const same = Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
          expect(formatReceiptCode(a) === formatReceiptCode(b)).toBe(same);
        },
      ),
    );
  });

  it('read back whatever way they were typed', () => {
    const code = formatReceiptCode(randomBytes(10));
    const canonical = code.replaceAll('-', '');
    expect(normalizeReceiptCode(code)).toBe(canonical);
    expect(normalizeReceiptCode(code.toLowerCase())).toBe(canonical);
    expect(normalizeReceiptCode(` ${canonical.slice(0, 8)} ${canonical.slice(8)} `)).toBe(canonical);
    expect(normalizeReceiptCode('7kq2 m9xd 4tpa h3vw')).toBe('7KQ2M9XD4TPAH3VW');
    expect(normalizeReceiptCode('OOOO-IIII-LLLL-0000')).toBe('0000111111110000');
    expect(displayReceiptCode(canonical)).toBe(code);
  });

  it('refuse anything that cannot be a code', () => {
    for (const bad of [
      '',
      '7KQ2-M9XD-4TPA',
      '7KQ2-M9XD-4TPA-H3VWX',
      'UUUU-UUUU-UUUU-UUUU',
      "'; drop table--",
      '７KQ2M9XD4TPAH3VW',
    ])
      expect(normalizeReceiptCode(bad)).toBeNull();
  });
});
