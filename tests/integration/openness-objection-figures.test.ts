import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../src/domain/calendar.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { formKey, solved } from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The villagers' objections as figures (disclosure.objections, …answered_on_time and the rate), as
 * of a date: 东风村 (大兴镇) gets two objections on 2 March 2026, answers one on time and one
 * after its deadline; 青山村 (青山镇) gets one, never answered. The clock starts on 2026-03-02.
 */
let t: TestApp;
let org: { district: number; daxing: number; village: number; qsVillage: number };
const usernames: Record<string, string> = {};
const s: Record<string, Session> = {};
const relogin = async () => {
  for (const [key, name] of Object.entries(usernames)) s[key] = await signIn(t, name);
};
const received = '2026-03-02';
let dueOn: string;
let onTimeOn: string;
let lateOn: string;

async function publishFinance(head: string, committee: string, orgId: number, marker: string) {
  const types = await call(t, s[head], 'GET', `/api/v1/disclosure/item-types?orgId=${orgId}`);
  const itemTypeId = types.json().items.find((i: { name: string }) => i.name === '村务一般事项').id;
  const step = async (who: string, d: { id: number; version: number }, action: string) => {
    const res = await call(t, s[who], 'POST', `/api/v1/disclosures/${d.id}/${action}`, {
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; version: number };
  };
  const draft = await call(t, s[head], 'POST', '/api/v1/disclosures', {
    orgId,
    itemTypeId,
    period: '2025-Q4',
    title: `${marker}2025年第四季度村务公开`,
    body: `${marker}本季度村务情况公开如下。`,
    finance: null,
    issuingBody: `${marker}村民委员会`,
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const approved = await step(committee, await step(head, draft.json(), 'submit'), 'approve');
  return (await step(head, approved, 'publish')).id;
}

async function objectTo(itemId: number, text: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/portal/openness/items/${itemId}/objections`,
    payload: { text, challenge: await solved(t, '10.9.0.1'), idempotencyKey: formKey() },
    remoteAddress: '10.9.0.1',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().dueOn as string;
}

async function answerOne(who: string) {
  const open = await call(t, s[who], 'GET', '/api/v1/disclosure/objections');
  expect(open.statusCode, open.body).toBe(200);
  const row = open.json().items.find((o: { answeredOn: string | null }) => !o.answeredOn);
  const res = await call(t, s[who], 'POST', `/api/v1/disclosure/objections/${row.id}/answer`, {
    answer: '经核对，公开内容无误，相关票据可来村委会查阅。',
    version: row.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return chinaDate(t.clock.now());
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await makeOrg(t.ctx, '新城区', null, 'district');
  const daxing = await makeOrg(t.ctx, '大兴镇', district.id);
  const village = await makeOrg(t.ctx, '东风村', daxing.id, 'village');
  const qingshan = await makeOrg(t.ctx, '青山镇', district.id);
  const qsVillage = await makeOrg(t.ctx, '青山村', qingshan.id, 'village');
  org = { district: district.id, daxing: daxing.id, village: village.id, qsVillage: qsVillage.id };
  const user = async (key: string, orgId: number, roles: string[], dataScope = 'org') => {
    const u = await makeUser(t.ctx, { orgId, roles, dataScope });
    usernames[key] = u.username;
  };
  await user('head', village.id, ['unit_head']);
  await user('committee', village.id, ['village_supervisor']);
  await user('qsHead', qsVillage.id, ['unit_head']);
  await user('qsCommittee', qsVillage.id, ['village_supervisor']);
  await user('officer', daxing.id, ['org_officer'], 'subtree');
  await user('district', district.id, ['district_org'], 'subtree');
  await relogin();

  const item = await publishFinance('head', 'committee', village.id, '东风村');
  const qsItem = await publishFinance('qsHead', 'qsCommittee', qsVillage.id, '青山村');
  dueOn = await objectTo(item, '第一条异议：公开的办公费与实际不符，请说明。');
  await objectTo(item, '第二条异议：道路维修款项去向不明，请说明。');
  await objectTo(qsItem, '青山村的异议：公开内容不全，请补充。');
  expect(dueOn > received).toBe(true);
  // one answered two days later (on time), the other three days after its deadline (late)
  t.clock.advance(2 * 86_400_000);
  await relogin();
  onTimeOn = await answerOne('head');
  while (chinaDate(t.clock.now()) < dueOn) t.clock.advance(86_400_000);
  t.clock.advance(3 * 86_400_000);
  await relogin();
  lateOn = await answerOne('head');
}, 120_000);
afterAll(async () => t.close());

const YEAR = 'from=2026-01-01&to=2026-12-31';
async function figures(who: string, orgId: number, query: string) {
  const res = await call(t, s[who], 'GET', `/api/v1/figures?module=disclosure&orgId=${orgId}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const all = res.json().figures as { key: string; value: number | null }[];
  return Object.fromEntries(
    all.filter((f) => f.key.includes('objections')).map((f) => [f.key.slice('disclosure.'.length), f.value]),
  );
}
async function records(key: string, query: string) {
  const res = await call(
    t,
    s.officer,
    'GET',
    `/api/v1/figures/disclosure.${key}/records?orgId=${org.daxing}&${query}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { cells: Record<string, unknown> }[] };
}

describe('objections and their answers on time, as of a date', () => {
  it('counts an answer only once given by the as-of date, and on time only by its due day', async () => {
    expect(onTimeOn <= dueOn && lateOn > dueOn).toBe(true);
    await relogin();
    // on the day they came in: two objections, none answered yet
    expect(await figures('officer', org.daxing, `${YEAR}&asOf=${received}`)).toEqual({
      objections: 2,
      objections_answered_on_time: 0,
      objections_on_time_rate: 0,
    });
    // the day before: nothing received
    expect(await figures('officer', org.daxing, `${YEAR}&asOf=2026-03-01`)).toMatchObject({
      objections: 0,
      objections_answered_on_time: 0,
      objections_on_time_rate: null,
    });
    // once the first was answered: one on time
    expect(await figures('officer', org.daxing, `${YEAR}&asOf=${onTimeOn}`)).toMatchObject({
      objections: 2,
      objections_answered_on_time: 1,
      objections_on_time_rate: 50,
    });
    // today: the late answer does not count as on time
    expect(await figures('officer', org.daxing, YEAR)).toMatchObject({
      objections: 2,
      objections_answered_on_time: 1,
      objections_on_time_rate: 50,
    });
    // a period that starts after they came in has none
    expect(await figures('officer', org.daxing, 'from=2026-03-03&to=2026-12-31')).toMatchObject({
      objections: 0,
    });
  });

  it('counts in the asked org’s subtree: the district sees 青山村’s too, 大兴镇 does not', async () => {
    expect(await figures('district', org.district, YEAR)).toMatchObject({
      objections: 3,
      objections_answered_on_time: 1,
    });
    expect(await figures('district', org.daxing, YEAR)).toMatchObject({ objections: 2 });
  });

  it('the drill-down lists unit, item, days and whether on time as of the date, never the text', async () => {
    const before = await records('objections', `${YEAR}&asOf=${received}`);
    expect(before.total).toBe(2);
    for (const r of before.items)
      expect(r.cells).toMatchObject({
        org: '东风村',
        item: '东风村2025年第四季度村务公开',
        receivedOn: received,
        dueOn,
        answeredOn: null,
        onTime: '待答复',
      });
    expect(before.items[0].cells.indexNo).toEqual(expect.any(String));
    const now = await records('objections', YEAR);
    expect(now.items.map((r) => [r.cells.answeredOn, r.cells.onTime]).sort()).toEqual(
      [
        [onTimeOn, '按时答复'],
        [lateOn, '逾期答复'],
      ].sort(),
    );
    // the day after the deadline, the second was still unanswered: late and open
    const afterDue = await records('objections', `${YEAR}&asOf=${addDays(dueOn, 1)}`);
    expect(afterDue.items.map((r) => r.cells.onTime).sort()).toEqual(['按时答复', '逾期未答复']);
    const onTime = await records('objections_answered_on_time', YEAR);
    expect(onTime.total).toBe(1);
    expect(onTime.items[0].cells).toMatchObject({ answeredOn: onTimeOn, onTime: '按时答复' });
    expect(JSON.stringify([before, now, onTime])).not.toContain('异议：');
  });
});
