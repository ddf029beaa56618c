import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { AUDIT_KINDS, AUDIT_STATUSES } from '../../../domain/audits/audit.js';
import { ITEM_STATUSES } from '../../../domain/audits/rectification.js';
import { registerCadreProvider, type TimelineEntry } from '../cadres/providers.js';
import { auditVisibility } from './access.js';
import { auditFindings, econAudits, rectificationItems } from './schema.js';

const label = <T extends Record<string, string>>(o: T, k: string) => o[k as keyof T] ?? k;

// 经济责任审计 on the supervision file: the audits of the cadre (not drafts or dismissed ones) and
// the open findings where the cadre is named responsible, with their rectification status. The
// viewer sees what they may see of the audits (scope, recusal).
registerCadreProvider({
  key: 'econ_audit',
  label: '经济责任审计',
  permission: 'econ_audit.read',
  async timeline(db, actor, cadreId) {
    const [audits, open] = await Promise.all([
      db
        .select()
        .from(econAudits)
        .where(
          and(
            eq(econAudits.subjectCadreId, cadreId),
            ne(econAudits.status, 'draft'),
            ne(econAudits.status, 'dismissed'),
            auditVisibility(actor),
          ),
        )
        .orderBy(asc(econAudits.periodTo)),
      db
        .select({ f: auditFindings, status: rectificationItems.status, audit: econAudits })
        .from(auditFindings)
        .innerJoin(econAudits, eq(econAudits.id, auditFindings.auditId))
        .innerJoin(rectificationItems, eq(rectificationItems.findingId, auditFindings.id))
        .where(
          and(
            sql`${cadreId} = any(${auditFindings.responsibleCadreIds})`,
            ne(rectificationItems.status, 'closed'),
            auditVisibility(actor),
          ),
        )
        .orderBy(asc(auditFindings.foundOn)),
    ]);
    const entries: TimelineEntry[] = audits.map((a) => ({
      date: a.reportedOn ?? a.startedOn ?? a.periodTo,
      kind: 'econ_audit',
      title: `${label(AUDIT_KINDS, a.kind)}：${a.title}（${label(AUDIT_STATUSES, a.status)}）`,
      detail: `审计期间 ${a.periodFrom} 至 ${a.periodTo}${a.reportNo ? `，${a.reportNo}` : ''}`,
      link: `/audits/${a.id}`,
    }));
    for (const { f, status, audit } of open)
      entries.push({
        date: f.foundOn,
        kind: 'econ_audit',
        title: `审计发现问题未整改完毕：${f.summary}（${label(ITEM_STATUSES, status)}）`,
        detail: `${audit.title}；${(f.responsible as { cadreId: number | null; tier: string }[])
          .filter((p) => p.cadreId === cadreId)
          .map(
            (p) =>
              ({ direct: '直接责任', supervisory: '主管责任', leadership: '领导责任' })[p.tier] ?? p.tier,
          )
          .join('、')}`,
        link: `/audits/${audit.id}`,
        open: true,
      });
    return entries;
  },
});
