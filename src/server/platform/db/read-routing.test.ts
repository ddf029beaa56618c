import { describe, expect, it } from 'vitest';
import {
  chooseReadTarget,
  healthStale,
  lagOf,
  parseLsn,
  type ReadSituation,
  replicaPolicy,
} from './read-routing.js';
import { replicaUnwell } from './replica.js';

const policy = replicaPolicy({ maxLagMs: 5_000, checkEveryMs: 2_000, stickyMs: 10_000 });
const now = new Date('2026-03-02T01:00:00Z');
const at = (msAgo: number) => now.getTime() - msAgo;
const healthy: ReadSituation = {
  replicaConfigured: true,
  insideTransaction: false,
  lastWriteAt: null,
  now,
  health: { state: 'up', lagMs: 0, checkedAt: at(500) },
  policy,
};
const decide = (change: Partial<ReadSituation>) => chooseReadTarget({ ...healthy, ...change });

describe('the read routing decision', () => {
  it('reads the replica only when it is configured, up, fresh, close behind, outside a transaction and after the sticky window', () => {
    expect(decide({})).toEqual({ target: 'replica', reason: 'replica' });
    expect(decide({ replicaConfigured: false })).toEqual({ target: 'primary', reason: 'no_replica' });
    expect(decide({ insideTransaction: true })).toEqual({ target: 'primary', reason: 'in_transaction' });
  });

  it("keeps a session that wrote on the primary for the sticky window, measured on the app's clock", () => {
    expect(decide({ lastWriteAt: new Date(at(0)) }).reason).toBe('own_write');
    expect(decide({ lastWriteAt: new Date(at(9_999)) }).reason).toBe('own_write');
    expect(decide({ lastWriteAt: new Date(at(10_000)) }).target).toBe('replica');
    // a write in the app clock's future (clock moved back) is still recent
    expect(decide({ lastWriteAt: new Date(at(-60_000)) }).reason).toBe('own_write');
  });

  it('falls back to the primary when the replica is unknown, down, lagging or its finding is old', () => {
    expect(decide({ health: { state: 'unknown', lagMs: null, checkedAt: null } }).reason).toBe(
      'replica_unknown',
    );
    expect(decide({ health: { state: 'down', lagMs: null, checkedAt: at(100) } }).reason).toBe(
      'replica_down',
    );
    expect(decide({ health: { state: 'up', lagMs: 5_000, checkedAt: at(100) } }).target).toBe('replica');
    expect(decide({ health: { state: 'up', lagMs: 5_001, checkedAt: at(100) } }).reason).toBe(
      'replica_lagging',
    );
    expect(decide({ health: { state: 'up', lagMs: null, checkedAt: at(100) } }).reason).toBe(
      'replica_lagging',
    );
    expect(decide({ health: { state: 'up', lagMs: 0, checkedAt: at(4_001) } }).reason).toBe(
      'replica_unknown',
    );
  });

  it('renews the cached finding once a check period has passed', () => {
    const h = { state: 'up' as const, lagMs: 0, checkedAt: at(1_999) };
    expect(healthStale(h, now, policy)).toBe(false);
    expect(healthStale({ ...h, checkedAt: at(2_000) }, now, policy)).toBe(true);
    expect(healthStale({ state: 'unknown', lagMs: null, checkedAt: null }, now, policy)).toBe(true);
  });

  it('raises a sticky window shorter than the lag bound plus one check period', () => {
    expect(replicaPolicy({ maxLagMs: 5_000, checkEveryMs: 2_000, stickyMs: 1_000 }).stickyMs).toBe(7_000);
    expect(replicaPolicy({}).stickyMs).toBe(10_000);
    expect(replicaPolicy({ maxLagMs: 30_000 }).stickyMs).toBe(32_000);
  });
});

describe('the lag a health check shows', () => {
  it('reads LSNs as positions in the WAL', () => {
    expect(parseLsn('0/492C9FC8')).toBe(0x492c9fc8n);
    expect(parseLsn('1/0')).toBe(1n << 32n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('nope')).toThrow();
  });

  it('is none once the replica has replayed what the primary had written, however old its last commit', () => {
    expect(
      lagOf({ primaryLsn: '0/100', inRecovery: true, replayLsn: '0/100', replayAgeMs: 3_600_000 }),
    ).toEqual({ state: 'up', lagMs: 0 });
    expect(lagOf({ primaryLsn: '0/100', inRecovery: true, replayLsn: '0/200', replayAgeMs: 9 })).toEqual({
      state: 'up',
      lagMs: 0,
    });
  });

  it("is the age of the replica's last replayed commit while it is behind", () => {
    expect(lagOf({ primaryLsn: '0/200', inRecovery: true, replayLsn: '0/100', replayAgeMs: 7_000 })).toEqual({
      state: 'up',
      lagMs: 7_000,
    });
    expect(lagOf({ primaryLsn: '0/200', inRecovery: true, replayLsn: '0/100', replayAgeMs: null })).toEqual({
      state: 'up',
      lagMs: null,
    });
  });

  it('takes a server that is not in recovery (promoted, or the wrong address) as no replica', () => {
    expect(lagOf({ primaryLsn: '0/200', inRecovery: false, replayLsn: null, replayAgeMs: null }).state).toBe(
      'down',
    );
  });
});

describe('what counts as an unwell replica', () => {
  const err = (code: string | undefined, message = 'x') => Object.assign(new Error(message), { code });
  it('connection failures, shutdowns and recovery conflicts, not the query or the caller', () => {
    expect(replicaUnwell(err('ECONNREFUSED'))).toBe(true);
    expect(replicaUnwell(err('57P01'))).toBe(true);
    expect(replicaUnwell(err('08006'))).toBe(true);
    expect(replicaUnwell(err('40001'))).toBe(true);
    expect(replicaUnwell(err(undefined, 'Connection terminated unexpectedly'))).toBe(true);
    expect(replicaUnwell(err('42P01'))).toBe(false);
    expect(replicaUnwell(err('25006'))).toBe(false);
    expect(replicaUnwell(err('not_found'))).toBe(false);
    expect(replicaUnwell(err(undefined, 'something else'))).toBe(false);
  });
});
