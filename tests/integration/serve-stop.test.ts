import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `jiandu serve` on SIGTERM with a client that keeps an idle keep-alive connection open (a browser
 * on the embedded default, no proxy in front): the server still stops cleanly (exit 0) instead of
 * waiting for the connection until its deadline and exiting 1 — while a request in flight at the
 * signal is still answered.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiandu-stop-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const get = (agent: http.Agent, port: number, url: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });

describe('serve: SIGTERM', () => {
  it('closes idle keep-alive connections and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'bin/jiandu.mjs'), 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        FIELD_KEY: randomBytes(32).toString('hex'),
        PORT: String(port),
        HOST: '127.0.0.1',
        SCHEDULER: '0',
        // far above the idle grace: without the sweep the stop would end here, with exit 1
        SHUTDOWN_TIMEOUT_MS: '60000',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; ; i++) {
      if ((await get(agent, port, '/api/health').catch(() => 0)) === 200) break;
      if (i > 600) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    // the connection stays open and idle (the agent keeps it for the next request)
    expect(agent.freeSockets[Object.keys(agent.freeSockets)[0]]?.length).toBe(1);
    // a request sent on another open connection just as the signal comes is still answered
    const busy = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(busy, port, '/api/health')).toBe(200);
    const inFlight = get(busy, port, '/api/v1/portal/orgs');
    child.kill('SIGTERM');
    expect(await inFlight).toBe(200);
    expect(await exited).toBe(0);
    agent.destroy();
    busy.destroy();
  }, 180_000);
});
