import { sql } from 'drizzle-orm';
import { chainHash, GENESIS_HASH } from '../src/domain/hash-chain.js';
import { auditLog } from '../src/server/platform/audit/schema.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import type { Db } from '../src/server/platform/db/client.js';
import { rowsOf } from '../src/server/platform/db/rows.js';
import { orgs } from '../src/server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../src/server/platform/users/schema.js';

export const BENCH_PASSWORD = 'Bench#2026pw';
const ACTIONS = [
  'auth.login',
  'auth.logout',
  'org.create',
  'org.update',
  'user.create',
  'access.denied',
  'auth.password_change',
];

/** A district with `townships` townships, `userCount` users spread over them, and `auditCount` chained audit records. */
export async function generatePlatform(
  db: Db,
  opts: { townships: number; userCount: number; auditCount: number; log: (s: string) => void },
) {
  const [district] = await db.insert(orgs).values({ name: '基准区', kind: 'district' }).returning();
  await db.execute(sql`update orgs set path = ${`/${district.id}/`} where id = ${district.id}`);
  const towns: { id: number; path: string }[] = [];
  for (let i = 0; i < opts.townships; i++) {
    const [t] = await db
      .insert(orgs)
      .values({ name: `基准镇${i + 1}`, kind: 'township', parentId: district.id })
      .returning();
    const path = `/${district.id}/${t.id}/`;
    await db.execute(sql`update orgs set path = ${path} where id = ${t.id}`);
    towns.push({ id: t.id, path });
  }
  const hash = await hashPassword(BENCH_PASSWORD); // one hash for all: 10,000 scrypt runs would dominate the set-up
  const [officer] = await db.select().from(roles).where(sql`${roles.code} = 'org_officer'`);
  const [auditAdmin] = await db.select().from(roles).where(sql`${roles.code} = 'audit_admin'`);
  for (let i = 0; i < opts.userCount; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, opts.userCount - i) }, (_, k) => ({
      username: `bench${i + k}`,
      displayName: `基准用户${i + k}`,
      orgId: towns[(i + k) % towns.length].id,
      dataScope: 'subtree',
      passwordHash: hash,
      mustChangePassword: false,
    }));
    const ids = await db.insert(users).values(batch).returning({ id: users.id });
    await db
      .insert(userRoles)
      .values(ids.map((u, k) => ({ userId: u.id, roleId: (i + k === 0 ? auditAdmin : officer).id })));
  }
  opts.log(`  users: ${opts.userCount}`);
  let prev = GENESIS_HASH;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const step = Math.floor((330 * 86_400_000) / opts.auditCount);
  const seqStart = Number(
    rowsOf<{ id: string }>(await db.execute(sql`select nextval('audit_log_id_seq') as id`))[0].id,
  );
  for (let i = 0; i < opts.auditCount; i += 5000) {
    const batch = [];
    for (let k = i; k < Math.min(opts.auditCount, i + 5000); k++) {
      const rec = {
        id: seqStart + k,
        at: new Date(start + k * step).toISOString(),
        userId: 1 + (k % opts.userCount),
        username: `bench${k % opts.userCount}`,
        orgId: towns[k % towns.length].id,
        action: ACTIONS[k % ACTIONS.length],
        objectType: 'user',
        objectId: String(k % opts.userCount),
        result: k % 13 === 0 ? 'failure' : 'success',
        ip: '127.0.0.1',
        detail: null,
      };
      const h = chainHash(prev, rec);
      batch.push({ ...rec, at: new Date(rec.at), prevHash: prev, hash: h });
      prev = h;
    }
    await db.insert(auditLog).values(batch);
    if ((i / 5000) % 40 === 0) opts.log(`  audit records: ${i + batch.length}`);
  }
  await db.execute(sql`select setval('audit_log_id_seq', ${seqStart + opts.auditCount})`);
  await db.execute(sql`analyze`);
  return { district, towns };
}
