import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  TIE_BREAKS,
  UNIT_EVALUATION_KINDS,
  type UnitEvaluationKind,
} from '../../../domain/assessments/ranking.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { orgs } from '../../platform/orgs/schema.js';
import { cadres } from '../cadres/schema.js';
import { loadRound } from './access.js';
import { lastPlaces, unitEvaluationRounds, unitEvaluationScores } from './schema.js';

const kindLabel = (k: string) => UNIT_EVALUATION_KINDS[k as UnitEvaluationKind] ?? k;

export async function roundDetail(db: Queryable, actor: Actor, id: number) {
  const round = await loadRound(db, actor, id);
  const scores = await db
    .select({ s: unitEvaluationScores, unitName: orgs.name })
    .from(unitEvaluationScores)
    .innerJoin(orgs, eq(orgs.id, unitEvaluationScores.unitOrgId))
    .where(eq(unitEvaluationScores.roundId, id))
    .orderBy(asc(unitEvaluationScores.rank), asc(orgs.name));
  const lasts = await db
    .select({ l: lastPlaces, unitName: orgs.name, cadreName: cadres.name })
    .from(lastPlaces)
    .innerJoin(orgs, eq(orgs.id, lastPlaces.unitOrgId))
    .leftJoin(cadres, eq(cadres.id, lastPlaces.cadreId))
    .where(eq(lastPlaces.roundId, id))
    .orderBy(asc(lastPlaces.id));
  // the accountability draft is shown only to those who may read the register
  const seeRegister = actor.permissions.has('accountability.read');
  return {
    ...summary(
      round,
      scores.length,
      scores.filter((x) => x.s.last).map((x) => x.unitName),
    ),
    tieBreaks: [...TIE_BREAKS],
    ranking: scores.map(({ s, unitName }) => ({
      unitOrgId: s.unitOrgId,
      unitName,
      score: Number(s.score),
      deduction: Number(s.deduction),
      rank: s.rank,
      previousRank: s.previousRank,
      change: s.previousRank === null ? null : s.previousRank - s.rank,
      last: s.last,
      comment: s.comment,
    })),
    lastPlaces: lasts.map(({ l, unitName, cadreName }) => ({
      unitOrgId: l.unitOrgId,
      unitName,
      cadreId: l.cadreId,
      cadreName,
      consecutive: l.consecutive,
      outcome: l.outcome,
      accountabilityRecordId: seeRegister ? l.accountabilityRecordId : null,
    })),
  };
}

const summary = (r: typeof unitEvaluationRounds.$inferSelect, units: number, lastUnits: string[]) => ({
  id: r.id,
  orgId: r.orgId,
  kind: r.kind,
  kindLabel: kindLabel(r.kind),
  peerGroup: r.peerGroup,
  title: r.title,
  heldOn: r.heldOn,
  units,
  lastUnits,
});

export async function getRound(opts: { ctx: AppContext; actor: Actor; id: number }) {
  return opts.ctx.db.transaction((tx) => roundDetail(tx, opts.actor, opts.id));
}

export async function listRounds(opts: {
  ctx: AppContext;
  actor: Actor;
  query: { kind?: string; year?: number };
}) {
  const { ctx, actor, query } = opts;
  const rounds = await ctx.db
    .select()
    .from(unitEvaluationRounds)
    .where(
      and(
        scopeFilter(actor, unitEvaluationRounds.orgId),
        query.kind ? eq(unitEvaluationRounds.kind, query.kind) : undefined,
        query.year ? sql`extract(year from ${unitEvaluationRounds.heldOn}) = ${query.year}` : undefined,
      ),
    )
    .orderBy(desc(unitEvaluationRounds.heldOn), desc(unitEvaluationRounds.id))
    .limit(500);
  const ids = rounds.map((r) => r.id);
  const scores = ids.length
    ? await ctx.db
        .select({ roundId: unitEvaluationScores.roundId, last: unitEvaluationScores.last, name: orgs.name })
        .from(unitEvaluationScores)
        .innerJoin(orgs, eq(orgs.id, unitEvaluationScores.unitOrgId))
        .where(inArray(unitEvaluationScores.roundId, ids))
    : [];
  return {
    items: rounds.map((r) => {
      const mine = scores.filter((s) => s.roundId === r.id);
      return summary(
        r,
        mine.length,
        mine.filter((s) => s.last).map((s) => s.name),
      );
    }),
  };
}
