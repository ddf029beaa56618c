import { eq } from 'drizzle-orm';
import { cadres, familyMembers, positions, tenures } from '../../server/modules/cadres/schema.js';
import { insertCadres } from '../../server/modules/cadres/write-cadre.js';
import { recusals, users } from '../../server/platform/users/schema.js';
import { generateCadres } from './cadre-generator.js';
import type { DemoStep } from './index.js';
import { demoOrgs, demoUser } from './lookup.js';
import { DEMO_DISTRICT, TOWNSHIPS } from './platform-data.js';

const PER_TOWNSHIP = 150;

/**
 * About 300 cadres in the two demo townships, with posts, tenures and probation; each township's
 * `cadre` account is linked to its own cadre record, and its unit head is registered as a family
 * member of one cadre (so recusal can be seen at work).
 */
export const cadresDemo: DemoStep = {
  name: 'cadres',
  async loaded(tx) {
    const [row] = await tx.select({ id: cadres.id }).from(cadres).where(eq(cadres.source, 'demo')).limit(1);
    return !!row;
  },
  async run({ ctx, tx }) {
    const all = await demoOrgs(tx);
    let total = 0;
    for (const [t, township] of TOWNSHIPS.entries()) {
      const prefix = `${DEMO_DISTRICT}/${township.name}`;
      const orgs = [...all.entries()]
        .filter(([path]) => path === prefix || path.startsWith(`${prefix}/`))
        .map(([, o]) => o)
        .sort((a, b) => a.path.length - b.path.length || a.id - b.id);
      const people = generateCadres(orgs, PER_TOWNSHIP, 2026 + t);
      const own = await demoUser(tx, `${township.prefix}_cadre`);
      const staff = people.findIndex((p) => p.post.level === null);
      people[staff].fields.name = own.displayName;
      const ids = await insertCadres(
        tx,
        ctx,
        people.map((p) => p.fields),
        'demo',
      );
      const positionIds = new Map<string, number>();
      for (const [i, p] of people.entries()) {
        let positionId: number | null = null;
        if (p.post.level) {
          const key = `${p.fields.orgId}/${p.post.title}/${i}`;
          const [pos] = await tx
            .insert(positions)
            .values({
              orgId: p.fields.orgId,
              title: p.post.title,
              level: p.post.level,
              isPrincipal: p.post.isPrincipal,
            })
            .returning({ id: positions.id });
          positionIds.set(key, pos.id);
          positionId = pos.id;
        }
        await tx.insert(tenures).values({
          cadreId: ids[i],
          positionId,
          orgId: p.fields.orgId,
          title: p.post.title,
          level: p.post.level,
          isPrincipal: p.post.isPrincipal,
          startDate: p.tenureStart,
          probationEnd: p.probationEnd,
        });
      }
      await tx.update(users).set({ cadreId: ids[staff] }).where(eq(users.id, own.id));
      const head = await demoUser(tx, `${township.prefix}_unit_head`);
      const spouse = ids[staff + 1];
      await tx.insert(familyMembers).values({
        cadreId: spouse,
        relation: '丈夫',
        name: head.displayName,
        userId: head.id,
        workUnit: township.name,
      });
      await tx
        .insert(recusals)
        .values({ userId: head.id, cadreId: spouse, reason: 'family' })
        .onConflictDoNothing();
      total += ids.length;
    }
    return `干部 ${total} 名（含职务、任职经历）`;
  },
};
