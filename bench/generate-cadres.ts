import { sql } from 'drizzle-orm';
import { generateCadres } from '../src/cli/demo/cadre-generator.js';
import { cadres, tenures } from '../src/server/modules/cadres/schema.js';
import { insertCadres } from '../src/server/modules/cadres/write-cadre.js';
import type { AppContext } from '../src/server/platform/context.js';
import { orgs } from '../src/server/platform/orgs/schema.js';

/** `perTownship` cadres in each township (4 departments each), with one open tenure apiece. */
export async function generateCadresData(
  ctx: AppContext,
  towns: { id: number; path: string }[],
  perTownship: number,
  log: (s: string) => void,
) {
  const usedIds = new Set<string>();
  let done = 0;
  for (const [i, town] of towns.entries()) {
    const depts = [];
    for (const name of ['党政办', '组织办', '纪检办', '财政所']) {
      const [d] = await ctx.db
        .insert(orgs)
        .values({ name, kind: 'department', parentId: town.id })
        .returning();
      await ctx.db.execute(sql`update orgs set path = ${`${town.path}${d.id}/`} where id = ${d.id}`);
      depts.push({ id: d.id, kind: 'department' });
    }
    const people = generateCadres(
      [{ id: town.id, kind: 'township' }, ...depts],
      perTownship,
      7000 + i,
      usedIds,
    );
    const ids = await insertCadres(
      ctx.db,
      ctx,
      people.map((p) => p.fields),
      'demo',
    );
    const rows = people.map((p, k) => ({
      cadreId: ids[k],
      orgId: p.fields.orgId,
      title: p.post.title,
      level: p.post.level,
      isPrincipal: p.post.isPrincipal,
      startDate: p.tenureStart,
      probationEnd: p.probationEnd,
    }));
    for (let k = 0; k < rows.length; k += 1000) await ctx.db.insert(tenures).values(rows.slice(k, k + 1000));
    done += ids.length;
    if ((i + 1) % 20 === 0) log(`  cadres: ${done}`);
  }
  await ctx.db.execute(sql`analyze ${cadres}`);
  await ctx.db.execute(sql`analyze ${tenures}`);
}
