import { Sha256Prefix } from './sha256';

/** Whether the digest's first `bits` bits are zero (bits ≤ 64). */
function zeroBits(words: Int32Array, bits: number): boolean {
  if (bits <= 32) return bits === 0 || words[0] >>> (32 - bits) === 0;
  return words[0] === 0 && words[1] >>> (64 - bits) === 0;
}

/**
 * The smallest counter from `start` such that SHA-256(token + counter) starts with `difficulty`
 * zero bits (the server checks the same). Synchronous: run it in a worker.
 */
export function solveChallenge(token: string, difficulty: number, start = 0): number {
  if (token.length > 200 || difficulty > 40) throw new Error('unreasonable challenge');
  const sha = new Sha256Prefix(token);
  for (let counter = start; ; counter++) {
    if (zeroBits(sha.words(String(counter)), difficulty)) return counter;
  }
}
