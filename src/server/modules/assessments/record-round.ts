import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import {
  lastPlaceOutcome,
  PEER_GROUPS,
  rankUnits,
  UNIT_EVALUATION_KINDS,
  type UnitEvaluationKind,
} from '../../../domain/assessments/ranking.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { orgs } from '../../platform/orgs/schema.js';
import { proposeAccountability } from '../accountability/propose.js';
import { requireOrg } from './access.js';
import type { RoundInput } from './contract.js';
import { principalLeaderOn } from './principal-leader.js';
import { lastPlaces, unitEvaluationRounds, unitEvaluationScores } from './schema.js';

const bad = (field: string, message: string) => badRequest(message, { [field]: message });
const PEER_KIND: Record<string, string> = { village: 'village', department: 'department' };

/**
 * 录入单位考评并排名, inside the caller's transaction: the units of one peer group under the
 * organising org, ranked with the tie-breaks; each unit on the last rank puts a proposal in the
 * accountability register (kind 末位) for its principal leader on the round's day — a 警告 with the
 * year's grade capped at 不称职 when it was last in consecutive rounds of the kind (rule
 * ranking.last_place_warning_rounds), a penalty to be decided otherwise.
 */
export async function recordRoundIn(tx: Queryable, ctx: AppContext, actor: Actor, input: RoundInput) {
  const org = await requireOrg(tx, actor, input.orgId);
  if (input.heldOn > chinaDate(ctx.clock.now())) throw bad('heldOn', '考评日期不能晚于今天');
  if (input.units.length < 2) throw bad('units', '一个单位无法排名：排名至少需要两个参评单位');
  const ids = input.units.map((u) => u.orgId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw bad(`units.${dup}.orgId`, '参评单位重复');
  const units = await tx.select().from(orgs).where(inArray(orgs.id, ids));
  for (const [i, u] of input.units.entries()) {
    const o = units.find((x) => x.id === u.orgId);
    if (!o || o.deletedAt || !o.path.startsWith(org.path) || o.id === org.id)
      throw bad(`units.${i}.orgId`, '参评单位须为本单位下属的村或部门');
    if (o.kind !== PEER_KIND[input.peerGroup])
      throw bad(
        `units.${i}.orgId`,
        `“${o.name}”不属于${PEER_GROUPS[input.peerGroup as keyof typeof PEER_GROUPS]}，须分组排名`,
      );
  }
  const earlier = await tx
    .select({ id: unitEvaluationRounds.id })
    .from(unitEvaluationRounds)
    .where(
      and(
        eq(unitEvaluationRounds.orgId, org.id),
        eq(unitEvaluationRounds.kind, input.kind),
        eq(unitEvaluationRounds.peerGroup, input.peerGroup),
        lt(unitEvaluationRounds.heldOn, input.heldOn),
      ),
    )
    .orderBy(desc(unitEvaluationRounds.heldOn), desc(unitEvaluationRounds.id));
  const previousScores = earlier.length
    ? await tx
        .select()
        .from(unitEvaluationScores)
        .where(
          inArray(
            unitEvaluationScores.roundId,
            earlier.map((r) => r.id),
          ),
        )
    : [];
  const prevRank = new Map(
    previousScores.filter((s) => s.roundId === earlier[0]?.id).map((s) => [s.unitOrgId, s.rank]),
  );
  const ranked = rankUnits(
    input.units.map((u) => ({
      orgId: u.orgId,
      score: u.score,
      deduction: u.deduction,
      previousRank: prevRank.get(u.orgId) ?? null,
    })),
  );
  const now = ctx.clock.now();
  const [round] = await tx
    .insert(unitEvaluationRounds)
    .values({
      orgId: org.id,
      kind: input.kind,
      peerGroup: input.peerGroup,
      title: input.title,
      heldOn: input.heldOn,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning();
  await tx.insert(unitEvaluationScores).values(
    ranked.map((r) => ({
      roundId: round.id,
      unitOrgId: r.orgId,
      score: r.score,
      deduction: r.deduction,
      rank: r.rank,
      previousRank: r.previousRank,
      last: r.last,
      comment: input.units.find((u) => u.orgId === r.orgId)?.comment ?? null,
    })),
  );
  const previousLast = earlier.map((r) =>
    previousScores.filter((s) => s.roundId === r.id && s.last).map((s) => s.unitOrgId),
  );
  const rounds = await ctx.rules.value<number>('ranking.last_place_warning_rounds', input.heldOn);
  const kindLabel = UNIT_EVALUATION_KINDS[input.kind as UnitEvaluationKind];
  for (const r of ranked.filter((x) => x.last)) {
    const unit = units.find((u) => u.id === r.orgId)!;
    const { consecutive, outcome } = lastPlaceOutcome(r.orgId, previousLast, rounds);
    const leader = await principalLeaderOn(tx, r.orgId, input.heldOn);
    const year = Number(input.heldOn.slice(0, 4));
    let recordId: number | null = null;
    if (leader) {
      const warning = outcome === 'warning';
      // the sanctions proposed are rule data; the officer may change them before confirming
      const kinds = await ctx.rules.value<string[]>(
        warning ? 'ranking.last_place_warning' : 'ranking.last_place_penalty',
        input.heldOn,
      );
      recordId = await proposeAccountability(tx, ctx, actor, {
        orgId: org.id,
        kind: 'last_place',
        title: `${kindLabel}${warning ? `连续 ${consecutive} 次` : ''}排名末位：${unit.name}`,
        facts: `${input.title}（${input.heldOn}）中，${unit.name}得分 ${r.score}，排名第 ${r.rank} 位（末位）${
          warning ? `，系连续第 ${consecutive} 次排名末位` : ''
        }。主要负责人：${leader.name}（${leader.title}）。`,
        basis: warning
          ? '末位惩处制度：连续两次工作排名处于末位的，对单位主要领导给予警告，其年度考核为不合格'
          : '末位惩处制度：排名处于末位的单位，由镇党委政府对其主要负责人进行惩处',
        persons: [
          {
            cadreId: leader.cadreId,
            role: '主要负责人',
            post: leader.title,
            sanctions: kinds.map((kind) => ({
              kind,
              gradeYear: kind === 'grade_incompetent' ? year : null,
              tenureIds: [],
            })),
          },
        ],
        source: 'last_place',
        sourceRef: `unit-round:${round.id}`,
      });
    }
    await tx.insert(lastPlaces).values({
      roundId: round.id,
      unitOrgId: r.orgId,
      cadreId: leader?.cadreId ?? null,
      consecutive,
      outcome,
      year,
      accountabilityRecordId: recordId,
    });
  }
  await recordAudit(tx, ctx.clock, actor, {
    action: 'assessment.round_record',
    objectType: 'unit_round',
    objectId: round.id,
    detail: {
      kind: input.kind,
      peerGroup: input.peerGroup,
      units: ranked.length,
      last: ranked.filter((x) => x.last).map((x) => x.orgId),
    },
  });
  return round.id;
}
