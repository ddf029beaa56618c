import { createHash } from 'node:crypto';

/** The fields of an audit record that its hash covers, in a fixed order. */
export interface ChainedFields {
  id: number;
  at: string; // ISO timestamp with zone
  userId: number | null;
  username: string | null;
  orgId: number | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  detail: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON: object keys sorted, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

/** hash_n = SM3(hash_{n-1} ‖ canonical(record_n)) */
export function chainHash(prevHash: string, record: ChainedFields): string {
  const body = canonicalJson({
    id: record.id,
    at: record.at,
    userId: record.userId,
    username: record.username,
    orgId: record.orgId,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    result: record.result,
    ip: record.ip,
    detail: record.detail ?? null,
  });
  return sm3(prevHash + body);
}

export interface ChainRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { id: number; reason: 'prev_mismatch' | 'hash_mismatch' };

/** Checks a run of consecutive rows; `expectedPrev` is the hash of the row before the first. */
export function findChainBreak(rows: ChainRow[], expectedPrev: string): ChainBreak | null {
  let prev = expectedPrev;
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: row.id, reason: 'prev_mismatch' };
    if (chainHash(row.prevHash, row) !== row.hash) return { id: row.id, reason: 'hash_mismatch' };
    prev = row.hash;
  }
  return null;
}
