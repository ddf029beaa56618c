import { asc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { loadItem } from './access.js';
import { evidenceFilesOf } from './evidence-files.js';
import { itemSummary, severityLabel, yuanOrNull } from './labels.js';
import { auditEvents, auditFindings, econAudits } from './schema.js';

/** One rectification item with its finding, its audit's title and its timeline. */
export async function getItem(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  const db = ctx.db;
  const item = await loadItem(db, actor, id);
  const [[f], [a], [unit], events, cal] = await Promise.all([
    db.select().from(auditFindings).where(eq(auditFindings.id, item.findingId)),
    db
      .select({ title: econAudits.title, auditorUserIds: econAudits.auditorUserIds })
      .from(econAudits)
      .where(eq(econAudits.id, item.auditId)),
    db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, item.unitOrgId)),
    db.select().from(auditEvents).where(eq(auditEvents.itemId, id)).orderBy(asc(auditEvents.id)),
    ctx.calendar.current(),
  ]);
  const files = (await evidenceFilesOf(db, [id])).get(id) ?? [];
  return {
    ...itemSummary(item, chinaDate(ctx.clock.now()), cal),
    unitName: unit?.name ?? null,
    auditTitle: a.title,
    /** Whether the caller is an auditor of the audit (may take 认定 steps unless of the unit). */
    /** 证明材料 as files: the unit uploads them until it applies for 销号. */
    evidenceFiles: files,
    canVerify: a.auditorUserIds.includes(actor.userId) && actor.orgId !== item.unitOrgId,
    finding: {
      summary: f.summary,
      description: f.description,
      amount: yuanOrNull(f.amountFen),
      basis: f.basis,
      problemType: f.problemType,
      severityLabel: severityLabel(f.severity),
      recommendation: f.recommendation,
      repeat: f.repeatOfId !== null,
    },
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      occurredOn: e.occurredOn,
      userName: e.userName,
      reason: e.reason,
      detail: e.detail,
    })),
  };
}
