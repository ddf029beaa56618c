import { dictLabels } from '../dict-code.js';
import { registerCadreProvider, type TimelineEntry } from '../providers.js';
import { tenuresOf } from './load-tenure.js';

/** The org then the post (大兴镇 + 镇长); a 简历 post outside the registry is its line as written. */
export const postName = (t: { orgName: string | null; title: string }) =>
  t.orgName && !t.title.startsWith(t.orgName) ? `${t.orgName}${t.title}` : t.title;

// 任职经历 on the supervision file's timeline: each post taken up and each post left.
registerCadreProvider({
  key: 'tenure',
  label: '任职经历',
  async timeline(db, _actor, cadreId) {
    const [list, levels, reasons] = await Promise.all([
      tenuresOf(db, cadreId),
      dictLabels(db, 'position_level'),
      dictLabels(db, 'tenure_end_reason'),
    ]);
    const link = `/cadres/${cadreId}?tab=tenures`;
    const entries: TimelineEntry[] = [];
    for (const t of list) {
      const level = t.level ? (levels.get(t.level) ?? t.level) : null;
      const post = postName(t);
      entries.push({
        date: t.startDate,
        kind: 'tenure',
        title: `任职：${post}`,
        detail: [
          level,
          t.isPrincipal ? '正职' : null,
          t.probationEnd ? `试用期至 ${t.probationEnd}` : null,
          t.source === 'resume' ? '据任免审批表简历' : null,
        ]
          .filter(Boolean)
          .join('，'),
        link,
      });
      if (t.endDate)
        entries.push({
          date: t.endDate,
          kind: 'tenure',
          title: `离任：${post}`,
          detail: t.endReason ? `离任原因：${reasons.get(t.endReason) ?? t.endReason}` : undefined,
          link,
        });
    }
    return entries;
  },
});
