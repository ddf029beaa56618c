import { describe, expect, it } from 'vitest';
import { type ChainRow, canonicalJson, chainHash, findChainBreak, GENESIS_HASH, sm3 } from './hash-chain.js';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const rec = {
      id: i,
      at: `2026-03-0${(i % 9) + 1}T01:00:00.000Z`,
      userId: i % 3 === 0 ? null : i,
      username: `user${i}`,
      orgId: 7,
      action: i % 2 ? 'org.update' : 'auth.login',
      objectType: 'org',
      objectId: String(i),
      result: 'success',
      ip: '10.0.0.1',
      detail: { before: { name: '甲' }, after: { name: `乙${i}` } },
    };
    const hash = chainHash(prev, rec);
    rows.push({ ...rec, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('drops undefined members and writes null for a missing value', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('中文')).toBe('"中文"');
  });
});

describe('SM3 hash chain', () => {
  it('uses SM3 (GB/T 32905 test vector "abc")', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('verifies an untouched chain', () => {
    expect(findChainBreak(chain(8), GENESIS_HASH)).toBeNull();
  });

  it('finds an edit to any hashed field at the edited row', () => {
    const fields: [keyof ChainRow, unknown][] = [
      ['at', '2026-03-09T02:00:00.000Z'],
      ['userId', 999],
      ['username', 'mallory'],
      ['orgId', 8],
      ['action', 'auth.logout'],
      ['objectType', 'user'],
      ['objectId', '42'],
      ['result', 'failure'],
      ['ip', '10.0.0.2'],
      ['detail', { before: { name: '甲' }, after: { name: '丙' } }],
    ];
    for (const [field, value] of fields) {
      const rows = chain(6);
      (rows[3] as any)[field] = value;
      expect(findChainBreak(rows, GENESIS_HASH), field).toEqual({ id: 4, reason: 'hash_mismatch' });
    }
  });

  it('finds a recomputed hash at the next row, a removed row and a swap at the first displaced row', () => {
    const rewritten = chain(6);
    rewritten[2].action = 'auth.logout';
    rewritten[2].hash = chainHash(rewritten[2].prevHash, rewritten[2]);
    expect(findChainBreak(rewritten, GENESIS_HASH)).toEqual({ id: 4, reason: 'prev_mismatch' });

    const removed = chain(6);
    removed.splice(2, 1);
    expect(findChainBreak(removed, GENESIS_HASH)).toEqual({ id: 4, reason: 'prev_mismatch' });

    const swapped = chain(6);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(findChainBreak(swapped, GENESIS_HASH)).toEqual({ id: 3, reason: 'prev_mismatch' });
  });

  it('checks a later batch against the hash of the row before it', () => {
    const rows = chain(6);
    expect(findChainBreak(rows.slice(3), rows[2].hash)).toBeNull();
    expect(findChainBreak(rows.slice(3), rows[1].hash)).toEqual({ id: 4, reason: 'prev_mismatch' });
  });
});
