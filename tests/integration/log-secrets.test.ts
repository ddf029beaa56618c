import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeUser, type Session, signIn } from '../support/factories.js';
import { type PetitionWorld, petitionWorkflowWorld } from '../support/petition-workflow-world.js';
import { anonymousReport, solved } from '../support/portal-helpers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The server log never holds what people typed: seeded secrets go into requests that succeed, that
 * are refused, and that fail in the database (a trigger makes the write fail with the parameters in
 * the error), and everything the logger wrote is searched for them.
 */
const PASSWORD = 'Geheim!2026-Kw7x';
const PETITION_TEXT = '秘密举报内容：某站长收受红包五万元';
const SEARCH = '搜索词李秘密';
const PORTAL_TEXT = '匿名举报秘密：村主任私分补偿款十二万元';
const NUL = '\u0000';

let t: TestApp;
let w: PetitionWorld;
let officer: Session;
let log = '';
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _enc, done) {
      log += String(chunk);
      done();
    },
  });
  t = await createTestApp({ logStream });
  w = await petitionWorkflowWorld(t);
  officer = w.s.officer;
});
afterAll(async () => t.close());

const register = (content: string) =>
  call(t, officer, 'POST', '/api/v1/petitions', {
    orgId: w.town.id,
    channel: 'letter',
    receivedOn: '2026-03-02',
    realName: false,
    title: '反映问题',
    content,
    subjects: [],
  });

describe('the server log', () => {
  it('holds no password, petition text or search term, whether the request succeeds, is refused or fails in the database', async () => {
    // refused at the schema: NUL in the body, the query string, a portal report
    const nulBody = await register(`${PETITION_TEXT}${NUL}`);
    expect(nulBody.statusCode).toBe(400);
    expect(nulBody.json().error.message).toMatch(/^反映内容：含有无法保存的字符/);
    const nulQuery = await call(
      t,
      officer,
      'GET',
      `/api/v1/petitions?q=${encodeURIComponent(`${SEARCH}${NUL}`)}`,
    );
    expect(nulQuery.statusCode).toBe(400);
    expect(nulQuery.json().error.message).toMatch(/^搜索内容：含有无法保存的字符/);
    const portal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/submissions',
      payload: {
        ...anonymousReport(w.town.id, { content: `${PORTAL_TEXT}${NUL}` }),
        challenge: await solved(t),
      },
    });
    expect(portal.statusCode).toBe(400);
    const badLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: `${PASSWORD}${NUL}` },
    });
    expect(badLogin.statusCode).toBe(400);

    // a search that succeeds: the URL is logged without its query string
    const search = await call(t, officer, 'GET', `/api/v1/petitions?q=${encodeURIComponent(SEARCH)}&page=1`);
    expect(search.statusCode).toBe(200);

    // failures inside the database, whose error messages carry the SQL parameters
    const u = await makeUser(t.ctx, { orgId: w.town.id, roles: ['org_officer'], mustChange: true });
    const s = await signIn(t, u.username);
    await t.ctx.db.execute(sql`
      create or replace function jd_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'refused by test trigger'; end $$`);
    await t.ctx.db.execute(
      sql`create trigger jd_test_refuse_petitions before insert on petitions for each row execute function jd_test_refuse()`,
    );
    await t.ctx.db.execute(
      sql`create trigger jd_test_refuse_users before update on users for each row execute function jd_test_refuse()`,
    );
    try {
      const failed = await register(PETITION_TEXT);
      expect(failed.statusCode).toBe(500);
      expect(failed.json().error.message).toMatch(/服务器内部错误/);
      const change = await call(t, s, 'POST', '/api/v1/me/password', {
        current: 'Jd!2026-test',
        next: PASSWORD,
      });
      expect(change.statusCode).toBe(500);
    } finally {
      await t.ctx.db.execute(sql`drop trigger jd_test_refuse_petitions on petitions`);
      await t.ctx.db.execute(sql`drop trigger jd_test_refuse_users on users`);
    }

    const lines = log.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    const failures = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request failed');
    expect(failures).toHaveLength(2);
    for (const f of failures) {
      expect(f).toMatchObject({ reqId: expect.any(String), route: expect.stringMatching(/^\/api\/v1\//) });
      expect(f.err).toMatchObject({ code: 'P0001' });
    }
    for (const secret of [
      PASSWORD,
      PETITION_TEXT,
      SEARCH,
      PORTAL_TEXT,
      'scrypt$',
      'Failed query',
      'params',
    ]) {
      expect(log, `the log holds ${secret}`).not.toContain(secret);
    }
    for (const secret of [PETITION_TEXT, SEARCH, PORTAL_TEXT]) {
      expect(log).not.toContain(encodeURIComponent(secret));
    }
    expect(log).not.toContain('?q=');
    expect(log).toContain('"url":"/api/v1/petitions"');
  });
});
