import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/platform/db/client.js';

/**
 * The embedded database runs its statements on the server's own thread. A queue of statements must
 * not keep the event loop from reading a request that comes on a new connection
 * (bench/results-soak.md, finding 3: exports, the portal and health probes went unanswered for 30 s
 * while the officers' busy connections were served).
 */
describe.skipIf(process.env.TEST_DATABASE_URL)('the embedded database shares the thread fairly', () => {
  let database: Database;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    database = await openDatabase({});
    server = http.createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.close();
    await database.close();
  });

  it('answers a request on a new connection while 200 statements wait their turn', async () => {
    const statements = 200;
    let finished = 0;
    const queue = Array.from({ length: statements }, () =>
      database.db.execute(sql`select count(*) from generate_series(1, 20000)`).then(() => {
        finished += 1;
      }),
    );
    const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } });
    const finishedWhenAnswered = finished;
    expect(await answer.text()).toBe('ok');
    await Promise.all(queue);
    expect(finished).toBe(statements);
    // without the turns, the request is read only once every queued statement has run
    expect(finishedWhenAnswered).toBeLessThan(statements / 2);
  });

  it('keeps a transaction whole: its statements run together, others wait for it', async () => {
    const order: string[] = [];
    const tx = database.db.transaction(async (t) => {
      order.push('tx begin');
      await t.execute(sql`select 1`);
      await t.execute(sql`select 2`);
      order.push('tx end');
    });
    const outside = database.db.execute(sql`select 3`).then(() => order.push('outside'));
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx begin', 'tx end', 'outside']);
  });
});
