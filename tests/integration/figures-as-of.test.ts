import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { petitionEvents } from '../../src/server/modules/petitions/schema.js';
import { call, makeOrg, makeUser, type Session, signIn } from '../support/factories.js';
import { type Seed, seedPetition } from '../support/petition-stats-world.js';
import { act, postPetition, setNow } from '../support/petition-workflow-world.js';
import { upload } from '../support/roster-sheets.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

/**
 * The case: a township's 2025, asked on two dates — before and after a case received in
 * 2025 is concluded on 2026-01-03. As of 2025-12-31 the year has 90 accepted and 85 concluded
 * (94.4%); asked on 2026-01-05 its default as-of date is still 2025-12-31 (85, 94.4%), and only as
 * of 2026-01-05 does it have 86 (95.6%).
 */
let t: TestApp;
let town: { id: number };
let officer: Session;
let secretary: Session;
let officerId: number;
const ids: Record<string, number> = {};
const YEAR = '/api/v1/figures?module=petitions&from=2025-01-01&to=2025-12-31';

const R = (on: string, text: string) => `【${on}】${text}`;
const iso = (noon: string) => `${noon}T04:00:00Z`; // noon in China

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(new Date(iso('2025-11-10'))) });
  const district = await makeOrg(t.ctx, '清河区', null, 'district');
  town = await makeOrg(t.ctx, '青山镇', district.id);
  const u = await makeUser(t.ctx, { orgId: town.id, roles: ['discipline_officer'] });
  officerId = u.id;
  officer = await signIn(t, u.username);
  secretary = await signIn(
    t,
    (await makeUser(t.ctx, { orgId: town.id, roles: ['party_secretary'] })).username,
  );

  // 84 cases concluded well before the year's end, 4 declined, one registered on 12-29
  for (let i = 0; i < 84; i++) {
    const on = addDays('2025-01-05', i * 3);
    await seedPetition(t, town.id, {
      code: `QS2025-${String(i + 1).padStart(4, '0')}`,
      channel: i % 3 === 0 ? 'visit' : 'letter',
      visitors: i % 3 === 0 ? 2 : undefined,
      receivedOn: on,
      status: 'concluded',
      acceptedOn: addDays(on, 2),
      disposal: 'close',
      opinions: [R(addDays(on, 10), '反映问题已解决，予以了结')],
      approvedOn: addDays(on, 12),
      repliedOn: addDays(on, 14),
      concludedOn: addDays(on, 15),
    });
  }
  for (let i = 0; i < 4; i++)
    await seedPetition(t, town.id, {
      code: `QS2025-08${i}1`,
      channel: 'phone',
      receivedOn: addDays('2025-03-01', i * 30),
      status: 'declined',
      declinedOn: addDays('2025-03-01', i * 30 + 3),
      declineReason: '不属于纪检监察机关受理范围',
    });
  await seedPetition(t, town.id, {
    code: 'QS2025-0950',
    channel: 'letter',
    receivedOn: '2025-12-29',
    status: 'registered',
  });
  // still open at the year's end: overdue since 10-31; held; extended in October
  const open: [string, Seed][] = [
    [
      'O1',
      {
        code: 'QS2025-0901',
        channel: 'letter',
        receivedOn: '2025-08-28',
        status: 'investigating',
        acceptedOn: '2025-09-01',
        disposal: 'talk_inquiry',
      },
    ],
    [
      'O3',
      {
        code: 'QS2025-0903',
        channel: 'online',
        receivedOn: '2025-11-18',
        status: 'held',
        acceptedOn: '2025-11-20',
        disposal: 'hold',
      },
    ],
    [
      'O4',
      {
        code: 'QS2025-0904',
        channel: 'letter',
        receivedOn: '2025-10-12',
        status: 'accepted',
        acceptedOn: '2025-10-15',
        extensionDays: 20,
        extendedOn: '2025-10-20',
      },
    ],
  ];
  for (const [key, seed] of open) ids[key] = (await seedPetition(t, town.id, seed)).id;
  // and one case of 2026, which the 2025 figures leave out
  await seedPetition(t, town.id, {
    code: 'QS2026-0001',
    channel: 'letter',
    receivedOn: '2026-01-02',
    status: 'registered',
  });

  // three cases handled in the system itself, day by day
  const base = {
    orgId: town.id,
    channel: 'letter',
    realName: false,
    content: '具体情况见来信。',
    category: 'work_style',
  };
  for (const key of ['A', 'L']) {
    const p = await postPetition(t, officer, {
      ...base,
      receivedOn: '2025-11-10',
      title: `反映干部作风问题${key}`,
    });
    ids[key] = p.id;
    expect((await act(t, officer, p.id, 'accept')).statusCode).toBe(200);
    const r = await act(t, officer, p.id, 'investigate', {
      disposal: 'preliminary_check',
      investigatorUserId: officerId,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  await setNow(t, iso('2025-11-25'));
  for (const key of ['A', 'L']) {
    expect(
      (await act(t, officer, ids[key], 'report', { report: '经初步核实，反映问题部分属实。' })).statusCode,
    ).toBe(200);
    const cur = (await call(t, officer, 'GET', `/api/v1/petitions/${ids[key]}`)).json();
    const r = await call(t, officer, 'POST', `/api/v1/petitions/${ids[key]}/opinions`, {
      version: cur.version,
      content: '建议对其进行谈话提醒。',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await act(t, officer, ids[key], 'submit')).statusCode).toBe(200);
  }
  await setNow(t, iso('2025-12-01'));
  const o2 = await postPetition(t, officer, { ...base, receivedOn: '2025-11-28', title: '反映村务不公开' });
  ids.O2 = o2.id;
  expect((await act(t, officer, o2.id, 'accept')).statusCode).toBe(200);
  await setNow(t, iso('2025-12-18'));
  for (const key of ['A', 'L']) expect((await act(t, secretary, ids[key], 'approve')).statusCode).toBe(200);
  await setNow(t, iso('2025-12-20'));
  for (const key of ['A', 'L'])
    expect((await act(t, officer, ids[key], 'reply', { reply: '经核查，已责令整改。' })).statusCode).toBe(
      200,
    );
  await setNow(t, iso('2025-12-31'));
  expect((await act(t, officer, ids.A, 'conclude')).statusCode).toBe(200);
}, 300_000);
afterAll(async () => t.close());

type Body = { asOf: string; figures: { key: string; value: number | null }[] };
async function year(s: Session, extra = '') {
  const res = await call(t, s, 'GET', `${YEAR}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as Body;
  return {
    asOf: body.asOf,
    ...Object.fromEntries(body.figures.map((f) => [f.key.replace('petitions.', ''), f.value])),
  } as Record<string, number | string | null>;
}
async function codesOf(s: Session, key: string, extra = '') {
  const res = await call(
    t,
    s,
    'GET',
    `/api/v1/figures/petitions.${key}/records?from=2025-01-01&to=2025-12-31&pageSize=200${extra}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; label: string; cells: Record<string, unknown> }[];
}
const idOf = (key: string) => String(ids[key]);

const AT_YEAR_END = {
  asOf: '2025-12-31',
  received: 95,
  accepted: 90,
  declined: 4,
  concluded: 85,
  conclusion_rate: 94.4,
  open: 5,
  overdue: 1,
  extended: 1,
};

describe('a township-year asked on two dates', () => {
  it('on 2025-12-31: 85 concluded of 90 accepted, 94.4%', async () => {
    const f = await year(officer);
    console.log(
      `[figures] 青山镇 2025, asked 2025-12-31 (asOf default → ${f.asOf}): received ${f.received}, accepted ${f.accepted}, concluded ${f.concluded}, 办结率 ${f.conclusion_rate}%, open ${f.open}, overdue ${f.overdue}, extended ${f.extended}`,
    );
    expect(f).toMatchObject(AT_YEAR_END);
    const concluded = await codesOf(officer, 'concluded');
    expect(concluded).toHaveLength(85);
    expect(concluded.map((r) => r.id)).toContain(idOf('A'));
    expect(concluded.map((r) => r.id)).not.toContain(idOf('L'));
  });

  it('after a 2025 case is concluded on 2026-01-03: still 85 and 94.4% for 2025 by default, 86 and 95.6% as of 2026-01-05', async () => {
    await setNow(t, iso('2026-01-02'));
    const v = (await call(t, officer, 'GET', `/api/v1/petitions/${ids.O2}`)).json().version;
    const ext = await call(t, officer, 'POST', `/api/v1/petitions/${ids.O2}/extension`, {
      version: v,
      days: 15,
      reason: '需补充调查取证',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    // each event of the case handled in the system carries its state after the step (the trigger)
    const events = await t.ctx.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, ids.O2))
      .orderBy(petitionEvents.id);
    expect(events.map((e) => [e.action, e.occurredOn, e.toStatus, e.dueOn, e.extensionDays])).toEqual([
      ['register', '2025-11-28', 'registered', '2025-12-13', 0],
      ['accept', '2025-12-01', 'accepted', '2026-01-30', 0],
      ['extend', '2026-01-02', 'accepted', '2026-02-14', 15],
    ]);
    await setNow(t, iso('2026-01-03'));
    expect((await act(t, officer, ids.L, 'conclude')).statusCode).toBe(200);
    await setNow(t, iso('2026-01-05'));

    // the default as-of date of a past year is its last day: the figures that could be filed then
    const filed = await year(officer);
    expect(filed).toMatchObject(AT_YEAR_END);
    expect(await year(officer, '&asOf=2025-12-31')).toMatchObject(AT_YEAR_END);
    const stats = (
      await call(t, officer, 'GET', '/api/v1/petitions/stats?from=2025-01-01&to=2025-12-31')
    ).json();
    expect(stats).toMatchObject({
      asOf: '2025-12-31',
      conclusionRate: { value: 94.4, concluded: 85, accepted: 90 },
    });

    // the drill-down lists the records as they stood then: L was replied to, not yet concluded
    const open = await codesOf(officer, 'open');
    expect(open.map((r) => r.id).sort()).toEqual(['O1', 'O2', 'O3', 'O4', 'L'].map(idOf).sort());
    expect(open.find((r) => r.id === idOf('L'))!.cells).toMatchObject({
      status: '已回复反映人',
      concludedOn: null,
    });
    expect((await codesOf(officer, 'overdue')).map((r) => r.id)).toEqual([idOf('O1')]);
    expect((await codesOf(officer, 'extended')).map((r) => r.id)).toEqual([idOf('O4')]);

    // as of today: the later conclusion, the extension and a clock run out since
    const later = await year(officer, '&asOf=2026-01-05');
    for (const [when, f] of [
      ['default', filed],
      ['2026-01-05', later],
    ] as const)
      console.log(
        `[figures] 青山镇 2025, asked 2026-01-05 (asOf ${when} → ${f.asOf}): received ${f.received}, accepted ${f.accepted}, concluded ${f.concluded}, 办结率 ${f.conclusion_rate}%, open ${f.open}, overdue ${f.overdue}, extended ${f.extended}`,
      );
    expect(later).toMatchObject({
      asOf: '2026-01-05',
      received: 95,
      accepted: 90,
      concluded: 86,
      conclusion_rate: 95.6,
      open: 4,
      overdue: 2,
      extended: 2,
    });
    const now = await codesOf(officer, 'concluded', '&asOf=2026-01-05');
    expect(now).toHaveLength(86);
    expect(now.find((r) => r.id === idOf('L'))!.cells).toMatchObject({
      status: '已办结',
      concludedOn: '2026-01-03',
    });
    expect((await codesOf(officer, 'overdue', '&asOf=2026-01-05')).map((r) => r.id).sort()).toEqual(
      [idOf('O1'), idOf('O4')].sort(),
    );
  });

  it('stays reproducible later: months of work on the open cases leave the filed 2025 figures as they were', async () => {
    await setNow(t, iso('2026-02-10'));
    expect(
      (await act(t, officer, ids.O2, 'close', { opinion: '反映问题已解决，予以了结。' })).statusCode,
    ).toBe(200);
    await setNow(t, iso('2026-06-30'));
    expect(await year(officer)).toMatchObject(AT_YEAR_END);
    expect(await year(officer, '&asOf=2026-01-05')).toMatchObject({ concluded: 86, open: 4 });
  });

  it('reads a ledger imported later the same way: the 2025 cases as they stood at the year end', async () => {
    const other = await makeOrg(t.ctx, '白沙镇', (await makeOrg(t.ctx, '白沙区', null, 'district')).id);
    const importer = await signIn(
      t,
      (await makeUser(t.ctx, { orgId: other.id, roles: ['discipline_officer'] })).username,
    );
    const ledger = await call(
      t,
      officer,
      'GET',
      '/api/v1/petitions/ledger.xlsx?from=2025-01-01&to=2025-12-31',
    );
    expect(ledger.statusCode).toBe(200);
    const res = await upload(
      t,
      importer,
      `/api/v1/petitions/ledger/import?orgId=${other.id}`,
      ledger.rawPayload,
      '信访台帐.xlsx',
    );
    expect(res.statusCode, res.body).toBe(200);
    let job = res.json();
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 25));
      job = (await call(t, importer, 'GET', `/api/v1/petitions/ledger/imports/${job.id}`)).json();
    }
    expect(job, job.message).toMatchObject({ status: 'succeeded', result: { imported: 95 } });
    const pick = ({
      asOf,
      received,
      accepted,
      declined,
      concluded,
      conclusion_rate,
      open,
      overdue,
    }: Record<string, unknown>) => ({
      asOf,
      received,
      accepted,
      declined,
      concluded,
      conclusion_rate,
      open,
      overdue,
    });
    expect(pick(await year(importer))).toEqual(pick(AT_YEAR_END));
    expect(pick(await year(importer, '&asOf=2026-01-05'))).toEqual(
      pick(await year(officer, '&asOf=2026-01-05')),
    );
    const late = (await codesOf(importer, 'open')).find((r) => r.cells.title === '反映干部作风问题L');
    expect(late?.cells).toMatchObject({ status: '已回复反映人' });
  });
});
