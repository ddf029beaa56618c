import { totpCode } from '../../src/server/platform/auth/totp.js';

/** Every request of the soak, as the report counts it. */
export interface Tally {
  requests: number;
  unanswered: { what: string; error: string }[];
  serverErrors: { what: string; status: number; body: string }[];
  refused: Map<string, number>;
  latencies: number[];
}

export const newTally = (): Tally => ({
  requests: 0,
  unanswered: [],
  serverErrors: [],
  refused: new Map(),
  latencies: [],
});

export interface Answer {
  status: number;
  json: any;
  text: string;
}

/**
 * One HTTP client: a cookie jar of one session, its CSRF token, an address it claims through
 * X-Forwarded-For (the server trusts the proxy header in the soak, so portal limits are per client),
 * and a deadline per request: a request without an answer in time is the failure the soak looks for.
 */
export class Client {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly base: string,
    private readonly tally: Tally,
    private readonly address: string,
    private readonly timeoutMs: number,
  ) {}

  async send(method: string, path: string, body?: unknown, what = `${method} ${path.split('?')[0]}`) {
    const started = performance.now();
    this.tally.requests++;
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      this.tally.unanswered.push({ what, error: e instanceof Error ? e.message : String(e) });
      throw new Unanswered(what);
    }
    this.tally.latencies.push(performance.now() - started);
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    if (res.status >= 500)
      this.tally.serverErrors.push({ what, status: res.status, body: text.slice(0, 300) });
    else if (res.status >= 400)
      this.tally.refused.set(
        `${what} ${res.status}`,
        (this.tally.refused.get(`${what} ${res.status}`) ?? 0) + 1,
      );
    return { status: res.status, json, text } satisfies Answer;
  }

  /** Sends and insists on a 200 (a refusal here means the soak's own script went wrong). */
  async ok(method: string, path: string, body?: unknown, what?: string): Promise<any> {
    const a = await this.send(method, path, body, what);
    if (a.status !== 200)
      throw new Error(`${what ?? `${method} ${path}`}: ${a.status} ${a.text.slice(0, 200)}`);
    return a.json;
  }

  /** Signs in with a demo account's one-time password: changes it, and enrols TOTP where the role asks. */
  async signInFirstTime(username: string, initial: string, next: string): Promise<void> {
    const login = await this.ok('POST', '/api/v1/auth/login', { username, password: initial });
    this.csrf = login.csrfToken;
    let pending: string | null = login.pending;
    if (pending === 'password_change')
      pending = (await this.ok('POST', '/api/v1/me/password', { current: initial, next })).pending;
    if (pending === 'totp_enrol') {
      const { secret } = await this.ok('POST', '/api/v1/me/totp/setup');
      pending = (await this.ok('POST', '/api/v1/me/totp/enable', { code: totpCode(secret, new Date()) }))
        .pending;
    }
    if (pending) throw new Error(`${username}: still pending ${pending}`);
  }
}

export class Unanswered extends Error {}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
