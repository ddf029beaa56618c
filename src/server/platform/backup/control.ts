import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.js';

/**
 * How `jiandu backup` reaches a running server that holds the embedded database: the server writes
 * DATA_DIR/control.json (mode 600, in a 700 folder: readable by the server's own account only) with
 * its pid, port and a random token made at start; the command sends the token to a route that
 * answers only on the loopback interface. Whoever can read the token can read the database files
 * anyway, so the token gives nothing away.
 */
export const CONTROL_FILE = 'control.json';
export const CONTROL_HEADER = 'x-jiandu-control';

export interface ControlInfo {
  pid: number;
  port: number;
  token: string;
}

const tokens = new WeakMap<AppContext, string>();

/** Opens the channel for this server (after it listens); returns the function that closes it. */
export function openControlChannel(ctx: AppContext, port: number): () => void {
  const token = randomBytes(32).toString('base64url');
  tokens.set(ctx, token);
  const file = path.join(ctx.config.dataDir, CONTROL_FILE);
  const info: ControlInfo = { pid: process.pid, port, token };
  writeFileSync(file, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  return () => {
    tokens.delete(ctx);
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as ControlInfo).token === token) rmSync(file);
    } catch {}
  };
}

/** Is this the token of the running channel? */
export function controlTokenValid(ctx: AppContext, given: string | undefined): boolean {
  const token = tokens.get(ctx);
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the command reads: the running server's channel, if it wrote one. */
export function readControlInfo(dataDir: string): ControlInfo | null {
  try {
    const info = JSON.parse(readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as ControlInfo;
    return Number.isInteger(info.pid) && Number.isInteger(info.port) && typeof info.token === 'string'
      ? info
      : null;
  } catch {
    return null;
  }
}
