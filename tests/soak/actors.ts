import { solveChallenge } from '../../src/web/portal/pow/solve.js';
import { type Client, pause } from './client.js';

/** What every actor loop shares: when to stop, and how long to sit idle between steps. */
export interface Run {
  until: number;
  /** An idle gap longer than every cache's refresh interval, taken now and then. */
  longIdleMs: number;
  progress: Record<string, number>;
}

const running = (r: Run) => Date.now() < r.until;
const idle = (r: Run, shortMs = 2_500) =>
  pause(Math.random() < 0.2 ? r.longIdleMs + Math.random() * 2_000 : Math.random() * shortMs);
const bump = (r: Run, what: string) => {
  r.progress[what] = (r.progress[what] ?? 0) + 1;
};

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A township's discipline officer: registers cases and takes them through to the secretary's approval, and on to 办结. */
export async function disciplineOfficer(r: Run, c: Client, orgId: number, tag: string) {
  const me = await c.ok('GET', '/api/v1/me');
  let n = 0;
  while (running(r)) {
    n++;
    const p = await c.ok('POST', '/api/v1/petitions', {
      orgId,
      channel: n % 2 ? 'letter' : 'visit',
      ...(n % 2 ? {} : { visitors: 2 }),
      receivedOn: today(),
      realName: false,
      title: `浸泡测试${tag}第${n}件：反映村干部作风问题`,
      content: '某村干部办事拖拉，群众多次反映未果。',
      category: 'work_style',
      subjects: [],
    });
    bump(r, 'registered');
    await idle(r);
    const step = async (action: string, body: Record<string, unknown> = {}) => {
      const cur = await c.ok('GET', `/api/v1/petitions/${p.id}`);
      await c.ok('POST', `/api/v1/petitions/${p.id}/actions/${action}`, { version: cur.version, ...body });
      await idle(r);
    };
    await step('accept');
    await step('investigate', { disposal: 'preliminary_check', investigatorUserId: me.id });
    await step('report', { report: '经初步核实，反映问题部分属实。' });
    const cur = await c.ok('GET', `/api/v1/petitions/${p.id}`);
    await c.ok('POST', `/api/v1/petitions/${p.id}/opinions`, {
      version: cur.version,
      content: '建议对其提醒谈话。',
    });
    await step('submit');
    bump(r, 'submitted');
    // the secretary approves in their own loop; reply to and conclude whatever is approved by now
    const approved = await c.ok('GET', `/api/v1/petitions?status=approved&orgId=${orgId}&pageSize=5`);
    for (const a of approved.items) {
      const detail = await c.ok('GET', `/api/v1/petitions/${a.id}`);
      await c.ok('POST', `/api/v1/petitions/${a.id}/actions/reply`, {
        version: detail.version,
        reply: '经核查，已责令其改进作风。',
      });
      const again = await c.ok('GET', `/api/v1/petitions/${a.id}`);
      await c.ok('POST', `/api/v1/petitions/${a.id}/actions/conclude`, { version: again.version });
      bump(r, 'concluded');
    }
    await c.ok('GET', `/api/v1/petitions?q=${encodeURIComponent('作风')}&pageSize=20`);
    await c.ok('GET', '/api/v1/todos?pageSize=20');
    await idle(r);
  }
}

/** The party secretary: approves what waits for approval, looks at the figures. */
export async function secretary(r: Run, c: Client, orgId: number) {
  while (running(r)) {
    const waiting = await c.ok(
      'GET',
      `/api/v1/petitions?status=awaiting_approval&orgId=${orgId}&pageSize=10`,
    );
    for (const p of waiting.items) {
      const detail = await c.ok('GET', `/api/v1/petitions/${p.id}`);
      await c.ok('POST', `/api/v1/petitions/${p.id}/actions/approve`, { version: detail.version });
      bump(r, 'approved');
      await idle(r, 1_000);
    }
    await c.ok('GET', '/api/v1/petitions/stats');
    await c.ok('GET', '/api/v1/figures?module=petitions&from=2025-01-01&to=2025-12-31');
    await c.ok('GET', '/api/v1/figures/petitions.open/records?pageSize=20');
    await c.ok('GET', '/api/v1/todos/summary');
    await idle(r);
  }
}

/** The organization officer: the roster, a search, a supervision file, an eligibility check. */
export async function orgOfficer(r: Run, c: Client) {
  while (running(r)) {
    const list = await c.ok('GET', '/api/v1/cadres?pageSize=20');
    await c.ok('GET', `/api/v1/cadres?q=${encodeURIComponent('王')}&pageSize=20`);
    const someone = list.items[Math.floor(Math.random() * list.items.length)];
    if (someone) {
      await c.ok('GET', `/api/v1/cadres/${someone.id}/file`);
      await c.ok('GET', `/api/v1/cadres/${someone.id}/eligibility`);
    }
    bump(r, 'roster');
    await idle(r);
  }
}

/**
 * Members of the public, one after another: each solves the challenge, reports, follows the case with
 * the receipt code. Each report comes from its own address (`clientFor(i)`), as from different people:
 * one address sending a report every few seconds for minutes is what the portal's rate limit refuses.
 */
export async function citizen(r: Run, clientFor: (i: number) => Client, n: number) {
  let i = 0;
  while (running(r)) {
    i++;
    const c = clientFor(i);
    const orgs = await c.ok('GET', '/api/v1/portal/orgs');
    const town = orgs.orgs[i % orgs.orgs.length];
    const { token, difficulty } = await c.ok('GET', '/api/v1/portal/challenge');
    const counter = solveChallenge(token, difficulty);
    await idle(r, 1_500); // filling in the form
    const sent = await c.ok('POST', '/api/v1/portal/submissions', {
      orgId: town.id,
      anonymous: true,
      title: `群众${n}第${i}次反映：村务公开不及时`,
      content: '本村财务收支已三个月未公开，请督促。',
      category: orgs.categories[0]?.code ?? '',
      subjects: [],
      idempotencyKey: `soak-${n}-${i}-${Date.now()}`,
      challenge: { token, counter },
    });
    bump(r, 'portal');
    await idle(r);
    await c.ok('POST', '/api/v1/portal/status', { code: sent.receiptCode });
    await idle(r);
  }
}

/** The system administrator edits a rule and a calendar day now and then: the other loops meet the reloads. */
export async function administrator(r: Run, c: Client) {
  let n = 0;
  while (running(r)) {
    n++;
    // each version takes effect a day later than the last (one version per day): the cache reloads all the same
    await c.ok('POST', '/api/v1/rules/petition.handling/versions', {
      value: 60,
      effectiveFrom: new Date(Date.parse(today()) + n * 86_400_000).toISOString().slice(0, 10),
      source: `浸泡测试第${n}次核对`,
    });
    if (n % 2) await c.ok('PUT', '/api/v1/calendar/2030-10-08', { kind: 'holiday', name: '测试假日' });
    else await c.ok('DELETE', '/api/v1/calendar/2030-10-08');
    bump(r, 'admin_edits');
    await pause(r.longIdleMs * 2);
  }
}
