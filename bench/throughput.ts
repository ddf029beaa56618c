import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type LoadResult, load } from './load.js';

/**
 * Authenticated reads per second (issue 16, "Throughput"): `GET /me` from `concurrency` closed-loop
 * clients over keep-alive connections, each request from one of 16 signed-in sessions in turn.
 * With `wrk` installed (apt-get install wrk) it sends the requests — a C client that leaves the
 * cores to the server and the database; otherwise Node's http with a keep-alive agent.
 */
export async function throughputScenarios(
  name: string,
  base: string,
  cookies: string[],
  opts: { concurrency: number; seconds: number; tmp: string },
): Promise<LoadResult[]> {
  const url = `${base}/api/v1/me`;
  // warm-up: JIT, the pool's connections, the prepared statements
  await nodeLoad(`${name}: warm-up`, url, cookies, { ...opts, seconds: 3 });
  const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (!wrk.error) return [await wrkLoad(`${name}: GET /me (wrk)`, url, cookies, opts)];
  return [await nodeLoad(`${name}: GET /me (node http)`, url, cookies, opts)];
}

/** Node's http client, keep-alive, `concurrency` sockets: the closed loop of load.ts. */
async function nodeLoad(
  name: string,
  url: string,
  cookies: string[],
  opts: { concurrency: number; seconds: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const send = (i: number) =>
    new Promise<boolean>((resolve) => {
      const req = http.get(url, { agent, headers: { cookie: cookies[i % cookies.length] } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', () => resolve(false));
    });
  const r = await load(
    name,
    { concurrency: opts.concurrency, requests: Number.MAX_SAFE_INTEGER, maxSeconds: opts.seconds },
    send,
  );
  agent.destroy();
  return r;
}

/** wrk with a Lua script that rotates the sessions; wrk counts answers of 400 and above as errors. */
async function wrkLoad(
  name: string,
  url: string,
  cookies: string[],
  opts: { concurrency: number; seconds: number; tmp: string },
): Promise<LoadResult> {
  const script = path.join(opts.tmp, 'me.lua');
  writeFileSync(
    script,
    `local cookies = { ${cookies.map((c) => JSON.stringify(c)).join(', ')} }
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[(i % #cookies) + 1] })
end
function done(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\":%d,\\"errors\\":%d,\\"seconds\\":%f,\\"p50\\":%f,\\"p95\\":%f,\\"p99\\":%f}\\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3))
end
`,
  );
  const r = spawnSync(
    'wrk',
    ['-t1', `-c${opts.concurrency}`, `-d${opts.seconds}s`, '--latency', '-s', script, url],
    { encoding: 'utf8' },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('JSON '));
  if (!line) throw new Error(`wrk: ${r.stdout}\n${r.stderr}`);
  const j = JSON.parse(line.slice(5)) as Omit<LoadResult, 'name' | 'rps'>;
  return { name, ...j, rps: j.requests / j.seconds };
}
