/**
 * Errors that say the storage, not the request, is at fault: a full disk, or a database connection
 * that was cut (a restarted PostgreSQL, a terminated backend). The caller can do nothing but try
 * again later, so they leave as 503 with a Chinese message and a Retry-After, never as a 500.
 * The cause is looked for along the error's `cause` chain (drizzle wraps the driver's error).
 */
export interface Unavailable {
  code: 'storage_full' | 'database_unavailable';
  message: string;
}

export const STORAGE_FULL: Unavailable = {
  code: 'storage_full',
  message: '存储空间不足，暂时无法保存；请联系系统管理员清理磁盘空间后重试',
};
export const DATABASE_UNAVAILABLE: Unavailable = {
  code: 'database_unavailable',
  message: '数据库暂时无法连接，请稍后重试；如持续出现请联系系统管理员',
};

/** PostgreSQL: disk_full, out of memory/insufficient resources of the storage kind. */
const FULL_CODES = new Set(['53100', 'ENOSPC', 'EDQUOT']);
/** PostgreSQL: admin/crash shutdown, cannot connect now, connection exceptions; Node's socket errors. */
const GONE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
const FULL_TEXT = /could not extend file|no space left on device|ENOSPC|disk quota exceeded/i;
const GONE_TEXT =
  /connection terminated|terminating connection due to administrator command|client has encountered a connection error|connection is closed|timeout exceeded when trying to connect/i;

export function storageUnavailable(err: unknown): Unavailable | null {
  const seen = new Set<unknown>();
  let gone = false;
  for (let e = err as any; e && typeof e === 'object' && !seen.has(e); e = e.cause) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    // a full disk wins over the cut connection it may have caused
    if (FULL_CODES.has(code) || FULL_TEXT.test(message)) return STORAGE_FULL;
    if (GONE_CODES.has(code) || GONE_TEXT.test(message)) gone = true;
  }
  return gone ? DATABASE_UNAVAILABLE : null;
}
