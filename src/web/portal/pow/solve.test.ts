import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits } from '../../../domain/proof-of-work';
import { Sha256Prefix } from './sha256';
import { solveChallenge } from './solve';

const nodeSha = (s: string) => createHash('sha256').update(s, 'latin1').digest();

describe('the portal proof of work', () => {
  it('hashes like SHA-256 for every prefix and suffix length around the block boundaries', () => {
    for (let p = 0; p < 140; p += 7)
      for (let s = 0; s < 70; s += 3) {
        const prefix = 'p'.repeat(p);
        const suffix = String(s).padStart(s % 13, '9');
        expect(new Sha256Prefix(prefix).hex(suffix)).toBe(nodeSha(prefix + suffix).toString('hex'));
      }
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), fc.nat(), (prefix, n) => {
        const a = prefix.replace(/[^\x20-\x7e]/g, 'x');
        expect(new Sha256Prefix(a).hex(String(n))).toBe(nodeSha(a + n).toString('hex'));
      }),
    );
  });

  it('finds a counter the server accepts', () => {
    const token = `abc.${Date.now()}.12.${'f'.repeat(64)}`;
    const counter = solveChallenge(token, 12);
    expect(leadingZeroBits(nodeSha(token + counter))).toBeGreaterThanOrEqual(12);
    expect(leadingZeroBits(Buffer.from([0, 0, 0x20]))).toBe(18);
    expect(leadingZeroBits(Buffer.from([0x80]))).toBe(0);
  });
});
