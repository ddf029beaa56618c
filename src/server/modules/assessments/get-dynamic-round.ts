import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  ROUND_CADENCES,
  ROUND_STAGES,
  type RoundCadence,
  type RoundStage,
  type ScoringStage,
  selfGaps,
  unscored,
} from '../../../domain/assessments/dynamic-rounds.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { orgInScope, scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import { orgs } from '../../platform/orgs/schema.js';
import { users } from '../../platform/users/schema.js';
import { loadDynamicRound, type RoundItem, supplierOffices } from './dynamic-round-access.js';
import type { DynamicRoundResult } from './dynamic-round-contract.js';
import { dynamicRoundLines, dynamicRounds } from './schema.js';
import { officeProblem, scorableItems } from './score-dynamic-round.js';

const labels = (r: { stage: string; cadence: string }) => ({
  stageLabel: ROUND_STAGES[r.stage as RoundStage] ?? r.stage,
  cadenceLabel: ROUND_CADENCES[r.cadence as RoundCadence] ?? r.cadence,
});

/**
 * A round's scoring matrix: the snapshot's items, each unit's lines by stage with scorer, evidence
 * and comment, who has not scored the current stage and whether its deadline has passed, the self
 * vs final gap, and the results once published. A unit head sees only their units' 自评.
 */
export async function getDynamicRound(opts: { ctx: AppContext; actor: Actor; id: number }) {
  const { ctx, actor, id } = opts;
  return ctx.db.transaction(async (tx) => {
    const { round, units, ownUnits, organiser, offices } = await loadDynamicRound(tx, actor, id);
    const today = chinaDate(ctx.clock.now());
    const stage = round.stage as RoundStage;
    const deadlines = round.deadlines as Record<ScoringStage, string>;
    const items = scorableItems(round.items as RoundItem[]);
    const officeItems = new Set(
      items.filter((i) => i.supplierOrgId && offices.includes(i.supplierOrgId)).map((i) => i.key),
    );
    const manage = organiser && actor.permissions.has('assessment.manage');
    const names = await tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, units));
    const rows = await tx
      .select({ l: dynamicRoundLines, scorer: users.displayName })
      .from(dynamicRoundLines)
      .leftJoin(users, eq(users.id, dynamicRoundLines.scorerUserId))
      .where(and(eq(dynamicRoundLines.roundId, round.id), inArray(dynamicRoundLines.subjectOrgId, units)));
    // an office sees its items' scores; a unit head the self-assessment of their units
    const visible = rows.filter(
      ({ l }) =>
        organiser || (l.stage === 'self' ? ownUnits.includes(l.subjectOrgId) : officeItems.has(l.itemKey)),
    );
    const lines = visible.map(({ l, scorer }) => ({
      ...l,
      stage: l.stage as ScoringStage,
      scorer: scorer ?? '',
    }));
    const required = items.filter((i) => i.kind === 'score' && !i.auto).map((i) => i.key);
    const missing = stage === 'published' ? new Map() : unscored(units, required, lines, stage);
    const results = ((round.results as DynamicRoundResult[] | null) ?? []).filter((r) =>
      units.includes(r.subjectOrgId),
    );
    return {
      id: round.id,
      title: round.title,
      period: round.period,
      periodEnd: round.periodEnd,
      cadence: round.cadence,
      stage,
      ...labels(round),
      deadlines,
      due: stage === 'published' ? null : deadlines[stage],
      overdue: stage !== 'published' && deadlines[stage] < today,
      publishedOn: round.publishedOn,
      version: round.version,
      organiser,
      canScore:
        stage !== 'published' &&
        (manage ||
          (stage === 'self' && actor.permissions.has('assessment.self_score') && ownUnits.length > 0) ||
          (stage === 'scoring' && offices.length > 0)),
      items: items.map((i) => ({
        key: i.key,
        name: i.name,
        kind: i.kind,
        maxPoints: i.maxPoints,
        supplier: i.supplier ?? null,
        // the supplier is one of the org's offices: it scores the item in 科室评分
        byOffice: !!i.supplierOrgId,
        // the caller may give this item points in the current stage
        scorable:
          !i.auto &&
          (stage === 'self'
            ? manage || actor.permissions.has('assessment.self_score')
            : stage === 'scoring'
              ? officeProblem(i, manage, offices) === null
              : stage === 'review' && manage),
        evidence: i.evidence ?? null,
        auto: !!i.auto,
      })),
      units: units.map((u) => ({
        id: u,
        name: names.find((n) => n.id === u)?.name ?? '',
        unscored: missing.get(u) ?? [],
        gaps: organiser ? selfGaps(lines, u) : [],
      })),
      lines: lines.map((l) => ({
        subjectOrgId: l.subjectOrgId,
        itemKey: l.itemKey,
        stage: l.stage,
        points: l.points,
        evidence: l.evidence,
        comment: l.comment,
        scorer: l.scorer,
        scoredAt: l.scoredAt.toISOString(),
      })),
      results,
    };
  });
}

/** The rounds the caller organises (their scope), self-assesses in or scores as a supplying office, newest first. */
export async function listDynamicRounds(opts: { ctx: AppContext; actor: Actor }) {
  const { ctx, actor } = opts;
  const organiser = actor.permissions.has('assessment.read') || actor.permissions.has('assessment.manage');
  const rows = await ctx.db
    .select()
    .from(dynamicRounds)
    .where(organiser ? scopeFilter(actor, dynamicRounds.orgId) : undefined)
    .orderBy(desc(dynamicRounds.periodEnd), desc(dynamicRounds.id))
    .limit(200);
  const visible = [];
  for (const r of rows) {
    if (!organiser) {
      // an office supplying an item's data (the caller's org or one above it) scores in the round
      let mine = supplierOffices(r.items as RoundItem[]).some((o) => actor.orgPath.includes(`/${o}/`));
      for (const u of r.subjectOrgIds) mine ||= await orgInScope(ctx.db, actor, u);
      if (!mine) continue;
    }
    visible.push({
      id: r.id,
      title: r.title,
      period: r.period,
      stage: r.stage,
      ...labels(r),
      due: r.stage === 'published' ? null : (r.deadlines as Record<string, string>)[r.stage],
      units: r.subjectOrgIds.length,
    });
  }
  return { items: visible, today: chinaDate(ctx.clock.now()) };
}
