import type { DataScope } from '../../../domain/permissions.js';

/** The signed-in caller, as every use case sees them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  orgId: number;
  orgPath: string;
  dataScope: DataScope;
  cadreId: number | null;
  roles: string[];
  permissions: Set<string>;
  sessionId: string;
  /** A step still owed before the session is fully signed in. */
  pending: 'password_change' | 'totp' | 'totp_enrol' | null;
  ip: string | null;
  /**
   * The cadres the caller is registered as related to (回避), read with the session on each request.
   * Absent where an actor is made otherwise (jobs, tests): the queries then look them up themselves.
   */
  relatedCadreIds?: number[];
  /**
   * When the caller's session last changed something (a successful POST, PUT, PATCH or DELETE; the
   * current one from its start): its reads stay on the primary for a while after (read-context.ts).
   */
  lastWriteAt?: Date | null;
  /** Set once the request has written its audit record (see the audit fallback in app.ts). */
  audited?: boolean;
}

export const can = (actor: Actor, permission: string) => actor.permissions.has(permission);
