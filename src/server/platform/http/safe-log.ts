import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';

/**
 * What the server log may say about an error: its type, its code (the SQLSTATE of a database error)
 * and where it was thrown. Never its message: a database error's message carries the SQL and its
 * parameters (password hashes, petition text, search terms), and other messages may quote input.
 */
export function safeError(e: unknown): { type: string; code?: string; frames: string[] } {
  const err = (e ?? {}) as { code?: unknown; cause?: { code?: unknown }; stack?: unknown };
  const code =
    typeof err.cause?.code === 'string'
      ? err.cause.code
      : typeof err.code === 'string' || typeof err.code === 'number'
        ? String(err.code)
        : undefined;
  const stack = typeof err.stack === 'string' ? err.stack : '';
  return {
    type: (e as object | null)?.constructor?.name ?? typeof e,
    ...(code ? { code } : {}),
    frames: stack
      .split('\n')
      .filter((l) => /^\s+at [^\s]/.test(l))
      .slice(0, 8)
      .map((l) => l.trim()),
  };
}

/** A URL as the log may show it: the path only. Query strings carry search terms and filters (content). */
export const loggedUrl = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * The Fastify logger: one line per request with its id, method, path (no query string) and status;
 * errors as `safeError`. No bodies, no query strings, no cookies, no error messages.
 */
export function loggerOptions(opts: {
  logger?: boolean;
  logStream?: Writable;
}): FastifyServerOptions['logger'] {
  if (!opts.logger && !opts.logStream) return false;
  return {
    level: 'info',
    ...(opts.logStream ? { stream: opts.logStream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        url: loggedUrl(req.url),
        route: req.routeOptions?.url,
        remoteAddress: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
    hooks: {
      // `log.error(err)` would make the error's message the log line's message: never let it through.
      logMethod(args: unknown[], method: (...a: unknown[]) => void) {
        const [first, ...rest] = args;
        if (first instanceof Error) {
          const msg = typeof rest[0] === 'string' ? rest[0] : 'error';
          return method.apply(this, [{ err: safeError(first) }, msg]);
        }
        if (first && typeof first === 'object' && (first as { err?: unknown }).err instanceof Error) {
          const o = first as { err: unknown };
          return method.apply(this, [{ ...o, err: safeError(o.err) }, ...rest]);
        }
        return method.apply(this, args);
      },
    },
  } as unknown as FastifyServerOptions['logger'];
}
