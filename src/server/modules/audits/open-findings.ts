import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { RESPONSIBILITY_TIERS } from '../../../domain/audits/audit.js';
import { ITEM_STATUSES } from '../../../domain/audits/rectification.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/client.js';
import { auditVisibility } from './access.js';
import { auditFindings, econAudits, rectificationItems } from './schema.js';

export interface OpenFinding {
  cadreId: number;
  summary: string;
  auditTitle: string;
  foundOn: string;
  statusLabel: string;
  /** The cadre's tier of responsibility (直接 / 主管 / 领导责任). */
  tiers: string[];
}

/**
 * The findings not yet closed where the cadres are named responsible, as the caller may see the
 * audits (scope, recusal): for the appointments' integrity opinion and 考察材料 of a candidate.
 */
export async function openFindingsOf(
  db: Queryable,
  actor: Actor,
  cadreIds: number[],
): Promise<OpenFinding[]> {
  if (!cadreIds.length) return [];
  const rows = await db
    .select({ f: auditFindings, status: rectificationItems.status, auditTitle: econAudits.title })
    .from(auditFindings)
    .innerJoin(econAudits, eq(econAudits.id, auditFindings.auditId))
    .innerJoin(rectificationItems, eq(rectificationItems.findingId, auditFindings.id))
    .where(
      and(
        sql`${auditFindings.responsibleCadreIds} && ${sql.raw(`array[${cadreIds.map(Number).join(',')}]::bigint[]`)}`,
        ne(rectificationItems.status, 'closed'),
        auditVisibility(actor),
      ),
    )
    .orderBy(asc(auditFindings.foundOn), asc(auditFindings.id));
  return rows.flatMap(({ f, status, auditTitle }) =>
    f.responsibleCadreIds
      .filter((c) => cadreIds.includes(c))
      .map((cadreId) => ({
        cadreId,
        summary: f.summary,
        auditTitle,
        foundOn: f.foundOn,
        statusLabel: ITEM_STATUSES[status as keyof typeof ITEM_STATUSES] ?? status,
        tiers: (f.responsible as { cadreId: number | null; tier: string }[])
          .filter((p) => p.cadreId === cadreId)
          .map((p) => RESPONSIBILITY_TIERS[p.tier as keyof typeof RESPONSIBILITY_TIERS] ?? p.tier),
      })),
  );
}

/** One line per candidate for the 考察材料: “审计发现未整改问题 2 项：…”, or none. */
export const openFindingsText = (list: OpenFinding[]) =>
  list.length
    ? `审计发现未整改问题 ${list.length} 项：${list.map((f) => `${f.summary}（${f.statusLabel}，${f.tiers.join('、')}）`).join('；')}`
    : '无未整改的审计发现问题';
