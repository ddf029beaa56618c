import { type PGlite, parse, protocol, type QueryOptions, types } from '@electric-sql/pglite';
import { DrizzleQueryError } from 'drizzle-orm';

/**
 * A named prepared statement on the embedded database. PGlite's `query` parses, analyses and plans
 * its text on every call (an unnamed statement): for the ballot's statement that is two thirds of
 * its cost (≈ 4 ms of WebAssembly against ≈ 1.3 ms run prepared, bench/results-assessments.md).
 * Here the text is parsed once per database (Parse with a name, kept by the session for its
 * lifetime), and each run sends only Bind, Describe, Execute and Sync, in one message.
 *
 * PGlite has one session: a run must not land inside another caller's open transaction. The run
 * takes PGlite's query lock (`runExclusive`) through the server's client, where `runExclusive` is
 * a top-level call of the fair queue (`fair-client.ts`) and of the outer-handle guard: every other
 * statement or transaction waits its turn, and it is refused from inside a transaction. A session
 * found inside a transaction block all the same is refused, not joined.
 */
type Client = Pick<
  PGlite,
  'runExclusive' | 'execProtocol' | 'isInTransaction' | 'serializers' | 'parsers' | 'closed' | 'ready'
>;

/** Dates, times and intervals as the text PostgreSQL sends, as drizzle's PGlite driver reads them. */
const AS_TEXT = (value: string) => value;
const OPTIONS: QueryOptions = {
  rowMode: 'object',
  parsers: Object.fromEntries(
    // timestamp, timestamptz, interval, date, and the arrays of numeric, timestamp, timestamptz, interval, date
    [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map(
      (t) => [t, AS_TEXT],
    ),
  ),
};

const prepared = new WeakMap<object, Map<string, Promise<number[]>>>();

/** True when `client` is the embedded database (a drizzle `$client`). */
export const isPglite = (client: unknown): client is Client =>
  typeof (client as Partial<Client> | null)?.execProtocol === 'function';

async function parseOnce(client: Client, name: string, text: string): Promise<number[]> {
  const { messages } = await client.execProtocol(
    concat([
      protocol.serialize.parse({ name, text }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    ]),
    { syncToFs: false },
  );
  return parse.parseDescribeStatementResults(messages);
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Runs the statement `name` (its text prepared on first use) with `params`; the rows as objects. */
export async function runNamedOnPglite<Row>(
  client: Client,
  name: string,
  text: string,
  params: unknown[],
): Promise<Row[]> {
  return client.runExclusive(async () => {
    // PGlite's own query checks these; runExclusive does not (a turn queued behind close())
    if (client.closed || !client.ready) throw new Error('PGlite is closed');
    if (client.isInTransaction())
      throw new Error(`prepared statement ${name}: the embedded database is inside a transaction`);
    const byName = prepared.get(client) ?? new Map<string, Promise<number[]>>();
    prepared.set(client, byName);
    try {
      try {
        return await run<Row>(client, byName, name, text, params);
      } catch (e) {
        // the session lost it (DEALLOCATE, DISCARD): prepared again, once
        if ((e as { code?: string }).code !== INVALID_STATEMENT_NAME) throw e;
        byName.delete(name);
        return await run<Row>(client, byName, name, text, params);
      }
    } catch (e) {
      // as drizzle reports a failed query: the database's error (its code) as the cause
      throw e instanceof Error ? new DrizzleQueryError(text, params, e) : e;
    }
  });
}

const INVALID_STATEMENT_NAME = '26000';

async function run<Row>(
  client: Client,
  byName: Map<string, Promise<number[]>>,
  name: string,
  text: string,
  params: unknown[],
): Promise<Row[]> {
  let types = byName.get(name);
  if (!types) {
    types = parseOnce(client, name, text);
    byName.set(name, types);
    types.catch(() => byName.delete(name));
  }
  const oids = await types;
  const values = params.map((v, i) => {
    if (v === null || v === undefined) return null;
    const serialize = client.serializers[oids[i]];
    return serialize ? serialize(v) : String(v);
  });
  const { messages } = await client.execProtocol(
    concat([
      protocol.serialize.bind({ statement: name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]),
  );
  return (parse.parseResults(messages, client.parsers, OPTIONS)[0]?.rows ?? []) as Row[];
}
