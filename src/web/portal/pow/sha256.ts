/**
 * A small SHA-256 for the proof of work (crypto.subtle is missing outside HTTPS, and one async
 * call per attempt is slow). `Sha256Prefix` hashes a fixed prefix once, so each attempt costs only
 * the compression of the last block or two.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INIT = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const W = new Int32Array(64);

/** One compression of the 64-byte block at `off` into `h`. */
function compress(h: Int32Array, block: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    W[i] = (block[j] << 24) | (block[j + 1] << 16) | (block[j + 2] << 8) | block[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15];
    const b = W[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = h[0],
    b = h[1],
    c = h[2],
    d = h[3],
    e = h[4],
    f = h[5],
    g = h[6],
    k = h[7]; // prettier-ignore
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0;
  h[1] = (h[1] + b) | 0;
  h[2] = (h[2] + c) | 0;
  h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0;
  h[5] = (h[5] + f) | 0;
  h[6] = (h[6] + g) | 0;
  h[7] = (h[7] + k) | 0;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** SHA-256 of `prefix + suffix` (ASCII strings) with the prefix's full blocks hashed once. */
export class Sha256Prefix {
  private readonly mid = Int32Array.from(INIT);
  private readonly rest: Uint8Array;
  private readonly prefixLength: number;
  private readonly out = new Int32Array(8);
  private readonly tail = new Uint8Array(128);

  constructor(prefix: string) {
    const bytes = ascii(prefix);
    const full = bytes.length - (bytes.length % 64);
    for (let off = 0; off < full; off += 64) compress(this.mid, bytes, off);
    this.rest = bytes.subarray(full);
    this.prefixLength = bytes.length;
  }

  /** The digest as eight 32-bit words (big-endian word order), valid until the next call. */
  words(suffix: string): Int32Array {
    const t = this.tail;
    t.fill(0);
    t.set(this.rest);
    let n = this.rest.length;
    for (let i = 0; i < suffix.length; i++) t[n++] = suffix.charCodeAt(i) & 0xff;
    t[n++] = 0x80;
    const blocks = n + 8 <= 64 ? 1 : 2;
    const bitLength = (this.prefixLength + suffix.length) * 8;
    const end = blocks * 64;
    t[end - 4] = bitLength >>> 24;
    t[end - 3] = bitLength >>> 16;
    t[end - 2] = bitLength >>> 8;
    t[end - 1] = bitLength;
    this.out.set(this.mid);
    for (let b = 0; b < blocks; b++) compress(this.out, t, b * 64);
    return this.out;
  }

  hex(suffix: string): string {
    return Array.from(this.words(suffix), (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
  }
}
