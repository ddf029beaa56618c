import { positions, tenures } from '../../src/server/modules/cadres/schema.js';
import { insertCadres } from '../../src/server/modules/cadres/write-cadre.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { recusals } from '../../src/server/platform/users/schema.js';
import { call, loginAs, makeOrg, makeUser, type Session } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * 甲镇 with its posts (财政所所长 中层正职 principal, 农业服务中心副主任 中层副职, 副镇长 副科), 张三
 * (财政所副所长 since 2020) and 李四 as candidates, 王五 (推荐人), 赵六 and 孙七 (考察组), 周八 (who
 * chairs the 干部工作小组会) and 钱九 (no part in the case); 乙镇 with a post and a cadre of its own.
 * Accounts: organisation and discipline officers and party secretary of 甲镇, 张三's wife (an
 * organisation officer registered as related: recusal), 乙镇's organisation officer.
 */
export async function appointmentWorld(t: TestApp) {
  const townA = await makeOrg(t.ctx, '甲镇');
  const townB = await makeOrg(t.ctx, '乙镇');
  const names = ['张三', '李四', '王五', '赵六', '孙七', '周八', '钱九'];
  const ids = await insertCadres(
    t.ctx.db,
    t.ctx,
    names.map((name) => ({
      orgId: townA.id,
      name,
      status: 'active' as const,
      gender: '男',
      birthDate: '1985-06-01',
    })),
    'manual',
  );
  const [zhang, li, wang, zhao, sun, zhou, qian] = ids;
  const [outsider] = await insertCadres(
    t.ctx.db,
    t.ctx,
    [{ orgId: townB.id, name: '吴十', status: 'active' }],
    'manual',
  );
  const posts = await t.ctx.db
    .insert(positions)
    .values([
      { orgId: townA.id, title: '财政所所长', level: 'middle_principal', isPrincipal: true },
      { orgId: townA.id, title: '农业服务中心副主任', level: 'middle_deputy' },
      { orgId: townA.id, title: '副镇长', level: 'fuke' },
      { orgId: townA.id, title: '党政办主任', level: 'middle_principal', isPrincipal: true },
      { orgId: townB.id, title: '乙镇财政所所长', level: 'middle_principal', isPrincipal: true },
    ])
    .returning({ id: positions.id });
  const [old] = await t.ctx.db
    .insert(tenures)
    .values({
      cadreId: zhang,
      orgId: townA.id,
      title: '财政所副所长',
      level: 'middle_deputy',
      startDate: '2020-01-01',
    })
    .returning({ id: tenures.id });
  const s: Record<string, Session> = {};
  const users: Record<string, number> = {};
  const usernames: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  // signs in, enrolling or answering the second factor where the role requires it
  const signIn = async (key: string) => {
    const x = await loginAs(t, usernames[key]);
    if (x.pending === 'totp_enrol') {
      secrets[key] = (await call(t, x, 'POST', '/api/v1/me/totp/setup')).json().secret;
      x.pending = (
        await call(t, x, 'POST', '/api/v1/me/totp/enable', { code: totpCode(secrets[key], t.clock.now()) })
      ).json().pending;
    } else if (x.pending === 'totp') {
      t.clock.advance(31_000); // a code is good once: the next 30-second step
      x.pending = (
        await call(t, x, 'POST', '/api/v1/auth/totp', { code: totpCode(secrets[key], t.clock.now()) })
      ).json().pending;
    }
    return x;
  };
  const user = async (key: string, orgId: number, roles: string[], cadreId?: number) => {
    const u = await makeUser(t.ctx, { orgId, roles, cadreId });
    usernames[key] = u.username;
    s[key] = await signIn(key);
    users[key] = u.id;
    return u;
  };
  await user('org', townA.id, ['org_officer']);
  await user('discipline', townA.id, ['discipline_officer']);
  await user('secretary', townA.id, ['party_secretary']);
  await user('otherTown', townB.id, ['org_officer']);
  await user('self', townA.id, ['cadre'], zhang);
  const spouse = await user('spouse', townA.id, ['org_officer']);
  await t.ctx.db.insert(recusals).values({ userId: spouse.id, cadreId: zhang, reason: 'family' });
  return {
    townA: townA.id,
    townB: townB.id,
    cadres: { zhang, li, wang, zhao, sun, zhou, qian, outsider },
    posts: {
      director: posts[0].id,
      deputy: posts[1].id,
      viceMayor: posts[2].id,
      office: posts[3].id,
      otherTown: posts[4].id,
    },
    oldTenure: old.id,
    s,
    users,
    /** Moves the clock by whole days and signs everyone in again (sessions time out meanwhile). */
    async advanceDays(n: number) {
      t.clock.advance(n * 86_400_000);
      for (const key of Object.keys(usernames)) s[key] = await signIn(key);
    },
    api: (who: string, method: string, url: string, body?: unknown) => call(t, s[who], method, url, body),
  };
}
