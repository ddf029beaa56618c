import { BENCH_PASSWORD } from './generate-platform.js';
import { type LoadResult, load } from './load.js';
import { DISTRICT_DISCIPLINE, HEADS, STATS_YEAR } from './petitions.js';

/**
 * The annual work summary of a township-year on the bench data (issue 10: < 3 s): the district
 * discipline office (summary.manage) makes the 2025 draft of the townships of bench3000…3007 and
 * downloads each one's .docx — every download counts the figures again (as of 2025-12-31, the
 * cases changed since looked up in the events) and writes the document. Finalizing does the same
 * plus a file write and a row.
 */
export async function summaryScenarios(name: string, base: string): Promise<LoadResult[]> {
  const district = await session(base, DISTRICT_DISCIPLINE);
  const ids: number[] = [];
  for (const head of HEADS) {
    const me = await session(base, head);
    const { orgId } = (await (await fetch(`${base}/api/v1/me`, { headers: me.headers })).json()) as {
      orgId: number;
    };
    const res = await fetch(`${base}/api/v1/summaries`, {
      method: 'POST',
      headers: { ...district.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ orgId, year: Number(STATS_YEAR.from.slice(0, 4)) }),
    });
    if (!res.ok) throw new Error(`summary draft: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: number }).id);
  }
  const docx = async (i: number) => {
    const r = await fetch(`${base}/api/v1/summaries/${ids[i % ids.length]}/document.docx`, {
      headers: district.headers,
    });
    await r.arrayBuffer();
    return r.ok;
  };
  return [
    await load(
      `${name}: GET /summaries/:id/document.docx (township-year 2025 · 1 client)`,
      {
        concurrency: 1,
        requests: 40,
        maxSeconds: 60,
      },
      docx,
    ),
    await load(
      `${name}: GET /summaries/:id/document.docx (township-year 2025, 4 clients)`,
      {
        concurrency: 4,
        requests: 80,
        maxSeconds: 60,
      },
      docx,
    ),
  ];
}

/** Signs in (the district discipline office holds a second factor: enrolled on its first sign-in). */
async function session(base: string, username: string): Promise<{ headers: Record<string, string> }> {
  const { totpCode } = await import('../src/server/platform/auth/totp.js');
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string; pending: string | null };
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  const headers = { cookie, 'x-csrf-token': body.csrfToken };
  if (body.pending === 'totp_enrol') {
    const setup = (await (
      await fetch(`${base}/api/v1/me/totp/setup`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { secret: string };
    await fetch(`${base}/api/v1/me/totp/enable`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ code: totpCode(setup.secret, new Date()) }),
    });
  }
  return { headers };
}
