import type { FastifyRequest } from 'fastify';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * True only for a request made on the server machine itself: the socket peer is a loopback
 * address and no proxy forwarded it (behind a local reverse proxy every peer is 127.0.0.1, so a
 * forwarded request counts as remote whatever its headers claim).
 */
export function isLoopbackRequest(req: FastifyRequest): boolean {
  const peer = req.socket?.remoteAddress ?? '';
  if (!LOOPBACK.has(peer) || !LOOPBACK.has(req.ip)) return false;
  return !FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
}
