import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountabilityDemo } from '../../src/cli/demo/accountability.js';
import { appointmentsDemo } from '../../src/cli/demo/appointments.js';
import { cadresDemo } from '../../src/cli/demo/cadres.js';
import { loadDemo } from '../../src/cli/demo/index.js';
import { platformDemo } from '../../src/cli/demo/platform.js';
import { policiesDemo } from '../../src/cli/demo/policies.js';
import { admonitions } from '../../src/server/modules/admonitions/schema.js';
import { tenures } from '../../src/server/modules/cadres/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/verify.js';
import { orgs } from '../../src/server/platform/orgs/schema.js';
import { todos } from '../../src/server/platform/todos/schema.js';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let summary: string[];
let daxing: number;
let sec: Session;
beforeAll(async () => {
  t = await createTestApp(); // today is 2026-03-02 in China: the demo year is 2025
  summary = (
    await loadDemo(t.ctx, [platformDemo, cadresDemo, policiesDemo, appointmentsDemo, accountabilityDemo])
  ).summary;
  daxing = (await t.ctx.db.select().from(orgs).where(eq(orgs.name, '大兴镇')))[0].id;
  sec = await signIn(t, (await makeUser(t.ctx, { orgId: daxing, roles: ['party_secretary'] })).username);
}, 180_000);
afterAll(async () => t.close());

const YEAR = 'from=2025-01-01&to=2025-12-31';

it('reproduces the seed’s 失察 case and 计生工作失职 through the register’s use cases', async () => {
  expect(summary.at(-1)).toBe(
    '责任追究：2025 年失察追究 3 人点名批评并上台检讨、撤销任免决定 9 名，工作失误追究 1 人受党纪处分、1 人诫勉',
  );
  const list = (await call(t, sec, 'GET', '/api/v1/accountability?year=2025')).json();
  expect(list.items.map((r: any) => [r.kind, r.status, r.decidedOn])).toEqual([
    ['work_error', 'in_force', '2025-09-12'],
    ['work_error', 'in_force', '2025-06-16'],
    ['selection_oversight', 'in_force', '2025-05-20'],
  ]);
  const oversight = (await call(t, sec, 'GET', `/api/v1/accountability/${list.items[2].id}`)).json();
  expect(oversight.basisPolicy.title).toBe('选拔任用干部失察追究制度');
  // proposed by the selection case's revocation, given its sanctions and confirmed on the day
  expect(oversight.source).toBe('appointment');
  expect(oversight.persons).toHaveLength(3);
  expect(oversight.events.map((e: any) => [e.action, e.occurredOn])).toEqual([
    ['propose', '2025-05-20'],
    ['update', '2025-05-20'],
    ['confirm', '2025-05-20'],
  ]);
  const revoked = await t.ctx.db.select().from(tenures).where(eq(tenures.endReason, 'revoked'));
  expect(revoked).toHaveLength(9);
  expect(new Set(revoked.map((r) => `${r.startDate}..${r.endDate}`))).toEqual(
    new Set(['2025-03-18..2025-05-20']),
  );
  // every draft's to-do was done on its day; the audit chain holds
  const mine = (await t.ctx.db.select().from(todos)).filter((x) => x.recordType === 'accountability');
  expect(mine.map((x) => x.status)).toEqual(['done', 'done', 'done']);
  // the 诫勉 sanction opened its admonition, talked to the next day, tracked and released after six months
  const opened = await t.ctx.db
    .select()
    .from(admonitions)
    .where(
      and(eq(admonitions.sourceRefType, 'accountability'), eq(admonitions.sourceRefId, list.items[1].id)),
    );
  expect(opened.map((a) => [a.sourceKind, a.talkOn, a.status, a.releasedOn])).toEqual([
    ['责任追究', '2025-06-17', 'released', '2025-12-22'],
  ]);
  expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
});

it('gives the seed’s figures for 大兴镇’s 2025, and its summary says them in the seed’s words', async () => {
  const res = await call(t, sec, 'GET', `/api/v1/figures?module=accountability&orgId=${daxing}&${YEAR}`);
  const f = Object.fromEntries(res.json().figures.map((x: any) => [x.key.split('.')[1], x.value]));
  expect(f).toMatchObject({
    records: 3,
    criticised_reviewed: 3,
    revoked_appointments: 9,
    work_error_disciplined: 1,
    work_errors: 1,
    people: 5,
  });
  const made = await call(t, sec, 'POST', '/api/v1/summaries', { orgId: daxing, year: 2025 });
  expect(made.statusCode, made.body).toBe(200);
  const doc = await call(t, sec, 'GET', `/api/v1/summaries/${made.json().id}/document.docx`);
  const xml = strFromU8(unzipSync(new Uint8Array(doc.rawPayload))['word/document.xml']).replace(
    /<[^>]+>/g,
    '',
  );
  expect(xml).toContain('加大惩诫力度，强化责任追究。');
  expect(xml).toContain(
    '全年我镇有3名责任人和承办人因违规任免干部受到点名批评，并上台检讨，撤销了有关单位9名干部的任免决定。',
  );
  const i = xml.indexOf('加大惩诫力度');
  expect(xml.slice(i, i + 400)).toContain('全年全镇有1名干部因计生工作失职被给予党政纪处分。');
});
