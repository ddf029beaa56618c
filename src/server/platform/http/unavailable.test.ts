import { describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE, STORAGE_FULL, storageUnavailable } from './unavailable.js';

/** drizzle's wrapper around the driver's error, as a route sees it */
const wrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: insert into "petitions" …'), { cause });
const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('storage errors leave as 503', () => {
  it('a full disk: PostgreSQL disk_full, the file system, PGlite that cannot extend a file', () => {
    expect(
      storageUnavailable(
        wrapped(pgError('53100', 'could not extend file "base/5/16384": No space left on device')),
      ),
    ).toBe(STORAGE_FULL);
    expect(
      storageUnavailable(
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 }),
      ),
    ).toBe(STORAGE_FULL);
    expect(storageUnavailable(wrapped(new Error('could not extend file "base/1/2600_fsm"')))).toBe(
      STORAGE_FULL,
    );
  });

  it('a cut connection: a terminated backend, a server that went away, a refused connection', () => {
    expect(
      storageUnavailable(wrapped(pgError('57P01', 'terminating connection due to administrator command'))),
    ).toBe(DATABASE_UNAVAILABLE);
    expect(storageUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(
      DATABASE_UNAVAILABLE,
    );
    expect(
      storageUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(DATABASE_UNAVAILABLE);
  });

  it('a full disk that cut the connection is reported as the full disk', () => {
    const cut = Object.assign(new Error('Connection terminated'), {
      cause: pgError('53100', 'could not write'),
    });
    expect(storageUnavailable(cut)).toBe(STORAGE_FULL);
  });

  it('anything else stays a 500: a bug, a constraint, a cycle in the cause chain', () => {
    expect(
      storageUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toBeNull();
    expect(
      storageUnavailable(wrapped(pgError('23505', 'duplicate key value violates unique constraint'))),
    ).toBeNull();
    const a: any = new Error('a');
    a.cause = a;
    expect(storageUnavailable(a)).toBeNull();
    expect(storageUnavailable(undefined)).toBeNull();
  });

  it('every message is Chinese', () => {
    for (const u of [STORAGE_FULL, DATABASE_UNAVAILABLE]) expect(u.message).toMatch(/[\u4e00-\u9fff]/);
    expect(STORAGE_FULL.message).toMatch(/^存储空间不足/);
  });
});
