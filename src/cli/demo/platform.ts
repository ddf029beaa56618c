import { and, eq, isNull } from 'drizzle-orm';
import { childPath, type OrgKind } from '../../domain/org-tree.js';
import type { Tx } from '../../server/platform/db/client.js';
import { orgs } from '../../server/platform/orgs/schema.js';
import { roles, userRoles, users } from '../../server/platform/users/schema.js';
import type { DemoRun, DemoStep } from './index.js';
import {
  committeeUsername,
  DEMO_DISTRICT,
  DEPARTMENTS,
  DISTRICT_PEOPLE,
  DISTRICT_PREFIX,
  GROUPS,
  MARKER_USERNAME,
  TOWNSHIPS,
} from './platform-data.js';

type Org = { id: number; path: string };

async function addOrg(tx: Tx, name: string, kind: OrgKind, parent: Org | null, sort = 0): Promise<Org> {
  const [org] = await tx
    .insert(orgs)
    .values({ name, kind, parentId: parent?.id ?? null, sort })
    .returning();
  const path = childPath(parent?.path ?? null, org.id);
  await tx.update(orgs).set({ path }).where(eq(orgs.id, org.id));
  return { id: org.id, path };
}

async function addUser(
  demo: DemoRun,
  roleIds: Map<string, number>,
  u: { username: string; displayName: string; org: Org; role: string; dataScope: string },
) {
  const [user] = await demo.tx
    .insert(users)
    .values({
      username: u.username,
      displayName: u.displayName,
      orgId: u.org.id,
      dataScope: u.dataScope,
      passwordHash: await demo.passwordHash(),
      passwordChangedAt: demo.now,
      mustChangePassword: true,
    })
    .returning({ id: users.id });
  const roleId = roleIds.get(u.role);
  if (!roleId) throw new Error(`role ${u.role} missing`);
  await demo.tx.insert(userRoles).values({ userId: user.id, roleId });
}

/** The org tree of 新城区 and one account for every role; every account must change the demo password at first login. */
export const platformDemo: DemoStep = {
  name: 'platform',
  async loaded(tx) {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.username, MARKER_USERNAME));
    return !!u;
  },
  async run(demo) {
    const { tx } = demo;
    const roleIds = new Map((await tx.select().from(roles)).map((r) => [r.code, r.id]));
    // A district of this name made at setup is reused, so the demo townships sit under it.
    const [existing] = await tx
      .select()
      .from(orgs)
      .where(
        and(
          eq(orgs.name, DEMO_DISTRICT),
          eq(orgs.kind, 'district'),
          isNull(orgs.parentId),
          isNull(orgs.deletedAt),
        ),
      );
    const district = existing ?? (await addOrg(tx, DEMO_DISTRICT, 'district', null));
    let orgCount = existing ? 0 : 1;
    let userCount = 0;
    for (const p of DISTRICT_PEOPLE) {
      const username = `${DISTRICT_PREFIX}_${p.role}`;
      await addUser(demo, roleIds, {
        username,
        displayName: p.name,
        org: district,
        role: p.role,
        dataScope: p.scope,
      });
      userCount++;
    }
    for (const [ti, t] of TOWNSHIPS.entries()) {
      const town = await addOrg(tx, t.name, 'township', district, ti + 1);
      const depts = new Map<string, Org>();
      for (const [di, name] of DEPARTMENTS.entries())
        depts.set(name, await addOrg(tx, name, 'department', town, di + 1));
      const villages: Org[] = [];
      for (const [vi, name] of t.villages.entries()) {
        const village = await addOrg(tx, name, 'village', town, 10 + vi);
        villages.push(village);
        for (const [gi, g] of GROUPS.entries()) await addOrg(tx, g, 'group', village, gi + 1);
      }
      orgCount += 1 + DEPARTMENTS.length + t.villages.length * (1 + GROUPS.length);
      for (const [role, displayName] of Object.entries(t.people)) {
        const placement =
          role === 'unit_head'
            ? { org: villages[0], dataScope: 'subtree' }
            : role === 'cadre'
              ? { org: depts.get('党政办')!, dataScope: 'self' }
              : { org: town, dataScope: 'subtree' };
        await addUser(demo, roleIds, { username: `${t.prefix}_${role}`, displayName, role, ...placement });
        userCount++;
      }
      // each village's 村务监督委员会 member: reviews that village's openness items, and only its
      for (const [vi, displayName] of t.committee.entries()) {
        await addUser(demo, roleIds, {
          username: committeeUsername(t, vi),
          displayName,
          role: 'village_supervisor',
          org: villages[vi],
          dataScope: 'org',
        });
        userCount++;
      }
    }
    return `组织机构 ${orgCount} 个（${DEMO_DISTRICT}及${TOWNSHIPS.map((t) => t.name).join('、')}），账号 ${userCount} 个`;
  },
};
