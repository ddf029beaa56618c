import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/factories.js';
import { petitionIdentityWorld, SECRETS } from '../support/petition-identity-world.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof petitionIdentityWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await petitionIdentityWorld(t);
  // the district handles a report about 张三 itself: 甲镇's officers do not see it, the district does
  await w.seed({ title: '反映张三违规经商', content: '略', named: w.cadreId, orgId: w.district.id });
}, 60_000);
afterAll(async () => t.close());

const petitionEntries = async (who: string) => {
  const res = await call(t, w.s[who], 'GET', `/api/v1/cadres/${w.cadreId}/file`);
  expect(res.statusCode, who).toBe(200);
  const body = res.json();
  return {
    body,
    entries: body.timeline.flatMap((y: any) => y.entries).filter((e: any) => e.kind === 'petition'),
  };
};

describe('petitions on the supervision file', () => {
  it('shows the discipline officer the petitions naming the cadre within their scope, without identity', async () => {
    const { body, entries } = await petitionEntries('officer');
    expect(entries).toEqual([
      {
        date: '2026-02-20',
        kind: 'petition',
        title: '信访举报 JZ-XF2026-0001：反映干部作风问题',
        detail: '已回复反映人',
        link: `/petitions/${w.petitions.named.id}`,
      },
    ]);
    expect(body.legend).toContainEqual({ key: 'petition', label: '信访举报' });
    expect(SECRETS.filter((v) => JSON.stringify(body).includes(v))).toEqual([]);
  });

  it('shows the district discipline office the district’s petition as well', async () => {
    const { entries } = await petitionEntries('district');
    expect(entries.map((e: any) => e.title).sort()).toEqual([
      // each township's own first case, told apart by its prefix
      '信访举报 JZ-XF2026-0001：反映干部作风问题',
      '信访举报 XC-XF2026-0001：反映张三违规经商',
    ]);
  });

  it('shows nothing of them to an organization officer without petition.read', async () => {
    const { body, entries } = await petitionEntries('orgOfficer');
    expect(entries).toEqual([]);
    expect(body.legend.map((l: any) => l.key)).not.toContain('petition');
  });
});
