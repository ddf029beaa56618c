/**
 * The soak's HTTP client (bench/soak.ts): one keep-alive connection per client, bound to a loopback
 * source address of its own (`localAddress`, all of 127/8 is loopback on Linux) so that the portal's
 * per-address limits see one member of the public per address; and the tally of every request by
 * type: latency, answers the script expected, errors (any other status), unanswered (no answer
 * within the deadline, a reset, a refused connection).
 */
import http from 'node:http';
import { percentile } from './load.js';

export interface TypeTally {
  latencies: number[];
  errors: number;
  unanswered: number;
  /** Non-2xx answers the script expects (e.g. 409 when two officers edit the same cadre). */
  expected: Map<number, number>;
}

export class Tally {
  readonly types = new Map<string, TypeTally>();
  readonly samples: string[] = [];

  of(type: string): TypeTally {
    let t = this.types.get(type);
    if (!t) {
      t = { latencies: [], errors: 0, unanswered: 0, expected: new Map() };
      this.types.set(type, t);
    }
    return t;
  }

  note(line: string) {
    if (this.samples.length < 20) this.samples.push(line);
  }

  get totals() {
    let requests = 0;
    let errors = 0;
    let unanswered = 0;
    for (const t of this.types.values()) {
      requests += t.latencies.length + t.unanswered;
      errors += t.errors;
      unanswered += t.unanswered;
    }
    return { requests, errors, unanswered };
  }

  /** A markdown table: one row per request type, then the total. */
  table(seconds: number): string {
    const rows = [
      '| request type | count | per s | errors | unanswered | expected non-2xx | p50 ms | p95 ms | p99 ms | max ms |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    const all: number[] = [];
    const line = (name: string, lat: number[], t: Omit<TypeTally, 'latencies'>) => {
      const s = [...lat].sort((a, b) => a - b);
      const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
      const exp = [...t.expected].map(([status, n]) => `${n}×${status}`).join(', ') || '0';
      return `| ${name} | ${lat.length + t.unanswered} | ${((lat.length + t.unanswered) / seconds).toFixed(1)} | ${t.errors} | ${t.unanswered} | ${exp} | ${f(percentile(s, 50))} | ${f(percentile(s, 95))} | ${f(percentile(s, 99))} | ${f(s[s.length - 1] ?? Number.NaN)} |`;
    };
    const sum = { errors: 0, unanswered: 0, expected: new Map<number, number>() };
    for (const [name, t] of [...this.types].sort(([a], [b]) => a.localeCompare(b))) {
      rows.push(line(name, t.latencies, t));
      all.push(...t.latencies);
      sum.errors += t.errors;
      sum.unanswered += t.unanswered;
      for (const [k, v] of t.expected) sum.expected.set(k, (sum.expected.get(k) ?? 0) + v);
    }
    rows.push(line('**all**', all, sum));
    return rows.join('\n');
  }
}

export interface Answer {
  status: number;
  body: Buffer;
  json: any;
}

/** A request that went wrong (error or no answer): the actor's loop starts its turn again. */
export class StepFailed extends Error {}

export interface Session {
  cookie: string;
  csrf: string;
}

export class SoakClient {
  private agent: http.Agent;
  /** The tally the requests count in (swapped at the end of the warm-up). */
  static tally = new Tally();

  constructor(
    private readonly base: string,
    readonly localAddress: string,
    private readonly timeoutMs: number,
    private readonly session: Session | null = null,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
  }

  close() {
    this.agent.destroy();
  }

  /**
   * The next request on a new connection. After a long wait (a challenge queued behind the
   * others), the idle connection may be closing on nginx's side (keepalive_timeout 75 s) just as
   * the request goes out: "socket hang up", a race a browser meets and resends from.
   */
  reconnect() {
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: this.localAddress });
  }

  /**
   * Sends one request, counted under `type`. Returns the answer when it is 2xx or one of `expected`;
   * otherwise counts an error (or an unanswered request) and throws StepFailed.
   */
  async send(
    type: string,
    method: string,
    path: string,
    body?: unknown,
    expected: number[] = [],
  ): Promise<Answer> {
    const tally = SoakClient.tally;
    const t = tally.of(type);
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await this.raw(method, path, body);
    } catch (e) {
      t.unanswered++;
      tally.note(`unanswered: ${type} (${method} ${path}): ${(e as Error).message}`);
      throw new StepFailed(`${type}: no answer`);
    }
    t.latencies.push(performance.now() - started);
    if (answer.status >= 200 && answer.status < 300) return answer;
    if (expected.includes(answer.status)) {
      t.expected.set(answer.status, (t.expected.get(answer.status) ?? 0) + 1);
      return answer;
    }
    t.errors++;
    tally.note(`error: ${type} (${method} ${path}) ${answer.status} ${answer.body.toString('utf8', 0, 300)}`);
    throw new StepFailed(`${type}: ${answer.status}`);
  }

  /** `send`, and the JSON of the answer. */
  async json(type: string, method: string, path: string, body?: unknown): Promise<any> {
    return (await this.send(type, method, path, body)).json;
  }

  private raw(method: string, path: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {};
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (this.session) {
      headers.cookie = this.session.cookie;
      headers['x-csrf-token'] = this.session.csrf;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}${path}`, { method, headers, agent: this.agent });
      const timer = setTimeout(
        () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => {
          clearTimeout(timer);
          reject(e);
        });
        // the connection closed before the whole answer came (no 'end'): no answer either
        res.on('close', () => {
          if (res.complete) return;
          clearTimeout(timer);
          reject(
            new Error(
              `the connection closed after ${Buffer.concat(chunks).length} bytes of a ${res.statusCode} answer`,
            ),
          );
        });
        res.on('end', () => {
          clearTimeout(timer);
          const buf = Buffer.concat(chunks);
          let json: any = null;
          if (String(res.headers['content-type'] ?? '').includes('json')) {
            try {
              json = JSON.parse(buf.toString('utf8'));
            } catch {}
          }
          resolve({ status: res.statusCode ?? 0, body: buf, json });
        });
      });
      req.end(payload);
    });
  }
}
