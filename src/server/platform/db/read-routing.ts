/**
 * Where a read-only use case reads (docs/decisions/read-replica.md): the pure rules, with no
 * connection in sight. The replica is used only when it is known to be up and close enough behind
 * the primary, never inside a transaction, and never for a session that wrote recently.
 */

/** What the last health check of the replica found (times in milliseconds of the app clock). */
export interface ReplicaHealth {
  /** `unknown` before the first check. */
  state: 'up' | 'down' | 'unknown';
  /** How far the replica was behind the primary at the check; 0 when it had replayed all of it. */
  lagMs: number | null;
  /** When the check ran (app clock), or null before the first. */
  checkedAt: number | null;
}

export interface ReplicaPolicy {
  /** A replica further behind than this is not read. */
  maxLagMs: number;
  /** How long a check's finding is trusted before the next read checks again. */
  checkEveryMs: number;
  /** After a session's write, its reads go to the primary for this long. */
  stickyMs: number;
}

export type ReadReason =
  | 'no_replica'
  | 'in_transaction'
  | 'own_write'
  | 'replica_unknown'
  | 'replica_down'
  | 'replica_lagging'
  | 'replica';

export interface ReadDecision {
  target: 'primary' | 'replica';
  reason: ReadReason;
}

export interface ReadSituation {
  replicaConfigured: boolean;
  insideTransaction: boolean;
  /** The caller's session's last write (app clock), or null. */
  lastWriteAt: Date | null;
  now: Date;
  health: ReplicaHealth;
  policy: ReplicaPolicy;
}

/** The one routing decision. Every doubt reads on the primary. */
export function chooseReadTarget(s: ReadSituation): ReadDecision {
  const primary = (reason: ReadReason): ReadDecision => ({ target: 'primary', reason });
  if (!s.replicaConfigured) return primary('no_replica');
  if (s.insideTransaction) return primary('in_transaction');
  if (s.lastWriteAt && s.now.getTime() - s.lastWriteAt.getTime() < s.policy.stickyMs)
    return primary('own_write');
  if (s.health.state === 'unknown' || s.health.checkedAt === null) return primary('replica_unknown');
  if (s.health.state === 'down') return primary('replica_down');
  // a finding older than two check periods is as good as none (a check that hangs)
  if (s.now.getTime() - s.health.checkedAt > 2 * s.policy.checkEveryMs) return primary('replica_unknown');
  if (s.health.lagMs === null || s.health.lagMs > s.policy.maxLagMs) return primary('replica_lagging');
  return { target: 'replica', reason: 'replica' };
}

/** Whether the cached finding must be renewed before deciding. */
export function healthStale(health: ReplicaHealth, now: Date, policy: ReplicaPolicy): boolean {
  return health.checkedAt === null || now.getTime() - health.checkedAt >= policy.checkEveryMs;
}

/**
 * The sticky window must outlast the largest lag the replica may be read at plus one check period:
 * a replica read after the window then holds the session's write (its lag was measured at most one
 * period earlier and was within the bound). A shorter window asked for is raised to that.
 */
export function replicaPolicy(p: Partial<ReplicaPolicy>): ReplicaPolicy {
  const maxLagMs = p.maxLagMs ?? 5_000;
  const checkEveryMs = p.checkEveryMs ?? 2_000;
  const floor = maxLagMs + checkEveryMs;
  return { maxLagMs, checkEveryMs, stickyMs: Math.max(p.stickyMs ?? 10_000, floor) };
}

/** `0/492C9FC8` → a number of bytes into the WAL. */
export function parseLsn(lsn: string): bigint {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn.trim());
  if (!m) throw new Error(`not an LSN: ${lsn}`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

/** What one check reads: the primary's WAL position first, then the replica's. */
export interface ReplicaSample {
  primaryLsn: string;
  inRecovery: boolean;
  replayLsn: string | null;
  /** now() − pg_last_xact_replay_timestamp() on the replica, or null before its first replayed commit. */
  replayAgeMs: number | null;
}

/**
 * The lag a sample shows. A replica that has replayed the WAL the primary had written just before
 * is not behind at all, however long ago the last commit was (an idle primary); otherwise the age
 * of its last replayed commit is how far behind it is. A server that is not in recovery is no
 * replica (promoted, or the wrong address): it is not read.
 */
export function lagOf(sample: ReplicaSample): { state: 'up' | 'down'; lagMs: number | null } {
  if (!sample.inRecovery || !sample.replayLsn) return { state: 'down', lagMs: null };
  if (parseLsn(sample.replayLsn) >= parseLsn(sample.primaryLsn)) return { state: 'up', lagMs: 0 };
  return { state: 'up', lagMs: sample.replayAgeMs === null ? null : Math.max(0, sample.replayAgeMs) };
}
