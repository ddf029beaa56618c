import { asc, eq } from 'drizzle-orm';
import { orgs } from '../../../platform/orgs/schema.js';
import { registerCadreProvider, type TimelineEntry } from '../providers.js';
import { concurrentPosts } from '../schema.js';

// 交叉兼职 on the supervision file's timeline: each further post taken up and laid down.
registerCadreProvider({
  key: 'concurrent_post',
  label: '交叉兼职',
  async timeline(db, _actor, cadreId) {
    const rows = await db
      .select({
        title: concurrentPosts.title,
        orgName: orgs.name,
        start: concurrentPosts.startDate,
        end: concurrentPosts.endDate,
      })
      .from(concurrentPosts)
      .innerJoin(orgs, eq(orgs.id, concurrentPosts.orgId))
      .where(eq(concurrentPosts.cadreId, cadreId))
      .orderBy(asc(concurrentPosts.startDate), asc(concurrentPosts.id));
    const link = `/cadres/${cadreId}?tab=concurrent`;
    const entries: TimelineEntry[] = [];
    for (const p of rows) {
      entries.push({ date: p.start, kind: 'concurrent_post', title: `兼任：${p.orgName}${p.title}`, link });
      if (p.end)
        entries.push({
          date: p.end,
          kind: 'concurrent_post',
          title: `不再兼任：${p.orgName}${p.title}`,
          link,
        });
    }
    return entries;
  },
});
