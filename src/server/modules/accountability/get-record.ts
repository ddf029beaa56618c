import { asc, eq, inArray } from 'drizzle-orm';
import { sanctionFamily } from '../../../domain/accountability/kinds.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { tenures } from '../cadres/schema.js';
import { policies } from '../policies/schema.js';
import { loadRecord, type RecordRow } from './access.js';
import type { RecordDetail, SanctionOut } from './contract.js';
import { accountabilityLabels, effectEndsOn } from './labels.js';
import { accountabilityEvents, accountabilityPersons, accountabilitySanctions } from './schema.js';

type Labels = Awaited<ReturnType<typeof accountabilityLabels>>;

/** One record with its persons, their sanctions (history included) and its timeline. */
export async function getRecord(opts: { ctx: AppContext; actor: Actor; id: number }): Promise<RecordDetail> {
  const { ctx, actor, id } = opts;
  const row = await loadRecord(ctx.db, actor, id);
  return recordDetail(ctx, ctx.db, row);
}

export async function recordDetail(ctx: AppContext, db: Queryable, row: RecordRow): Promise<RecordDetail> {
  const labels = await accountabilityLabels(db);
  const [[org], people, sanctions, events, policy] = await Promise.all([
    db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId)),
    db
      .select()
      .from(accountabilityPersons)
      .where(eq(accountabilityPersons.recordId, row.id))
      .orderBy(asc(accountabilityPersons.sort), asc(accountabilityPersons.id)),
    db
      .select()
      .from(accountabilitySanctions)
      .where(eq(accountabilitySanctions.recordId, row.id))
      .orderBy(asc(accountabilitySanctions.id)),
    db
      .select()
      .from(accountabilityEvents)
      .where(eq(accountabilityEvents.recordId, row.id))
      .orderBy(asc(accountabilityEvents.id)),
    row.basisPolicyId
      ? db
          .select({ id: policies.id, title: policies.title })
          .from(policies)
          .where(eq(policies.id, row.basisPolicyId))
      : Promise.resolve([]),
  ]);
  const tenureIds = [...new Set(sanctions.flatMap((s) => s.tenureIds))];
  const tenureRows = tenureIds.length
    ? await db
        .select({
          id: tenures.id,
          title: tenures.title,
          startDate: tenures.startDate,
          endDate: tenures.endDate,
        })
        .from(tenures)
        .where(inArray(tenures.id, tenureIds))
    : [];
  const outs: SanctionOut[] = [];
  for (const s of sanctions) outs.push(await sanctionOut(ctx, labels, s, tenureRows));
  return {
    ...summaryOf(
      row,
      org?.name ?? '',
      labels,
      people.map((p) => p.name),
      outs,
    ),
    facts: row.facts,
    basis: row.basis,
    basisPolicy: policy[0] ?? null,
    closedOn: row.closedOn,
    dismissReason: row.dismissReason,
    sourceRef: row.sourceRef,
    people: people.map((p) => ({
      id: p.id,
      cadreId: p.cadreId,
      name: p.name,
      post: p.post,
      role: p.role,
      sanctions: outs.filter((s) => s.personId === p.id),
    })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      occurredOn: e.occurredOn,
      at: e.at.toISOString(),
      userName: e.userName,
      reason: e.reason,
    })),
  };
}

export function summaryOf(
  row: RecordRow,
  orgName: string,
  labels: Labels,
  persons: string[],
  sanctions: { kindLabel: string; status: string }[],
) {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName,
    kind: row.kind,
    category: row.category,
    categoryLabel: labels.category(row.category),
    title: row.title,
    decidingBody: row.decidingBody,
    decidedOn: row.decidedOn,
    status: row.status,
    source: row.source,
    persons,
    sanctions: [...new Set(sanctions.filter((s) => s.status === 'in_force').map((s) => s.kindLabel))],
    version: row.version,
  };
}

async function sanctionOut(
  ctx: AppContext,
  labels: Labels,
  s: typeof accountabilitySanctions.$inferSelect,
  tenureRows: { id: number; title: string; startDate: string; endDate: string | null }[],
): Promise<SanctionOut> {
  return {
    id: s.id,
    personId: s.personId,
    kind: s.kind,
    kindLabel: labels.kind(s.kind),
    family: sanctionFamily(s.kind),
    effectiveFrom: s.effectiveFrom,
    ruleKey: s.ruleKey,
    effectEndsOn: await effectEndsOn(ctx, s.kind, s.effectiveFrom),
    gradeYear: s.gradeYear,
    tenures: tenureRows.filter((t) => s.tenureIds.includes(t.id)),
    note: s.note,
    status: s.status,
    endedOn: s.endedOn,
    endGround: s.endGround,
    endReason: s.endReason,
    replacesId: s.replacesId,
  };
}
