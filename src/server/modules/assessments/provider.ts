import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { UNIT_EVALUATION_KINDS, type UnitEvaluationKind } from '../../../domain/assessments/ranking.js';
import type { AnnualGrade } from '../../../domain/cadre-records.js';
import { scopeFilter } from '../../platform/access/scope.js';
import { registerCadreProvider, type TimelineEntry } from '../cadres/providers.js';
import { evaluationVisibility } from './access.js';
import { annualGrades, evaluations, lastPlaces, unitEvaluationRounds } from './schema.js';

// 年度考核 on the supervision file and in promotion eligibility: each grade (不定等次 is not one) is
// that year's result, which the eligibility rule promotion.blocking_grades reads for the next year
// and the 任免审批表 prints as 年度考核结果; 末位 and 民主测评 show on the timeline.
registerCadreProvider({
  key: 'assessment',
  label: '考核测评',
  permission: 'assessment.read',
  async timeline(db, actor, cadreId) {
    const grades = await db
      .select()
      .from(annualGrades)
      .where(and(eq(annualGrades.cadreId, cadreId), scopeFilter(actor, annualGrades.orgId)))
      .orderBy(asc(annualGrades.year));
    const lasts = await db
      .select({ l: lastPlaces, r: unitEvaluationRounds })
      .from(lastPlaces)
      .innerJoin(unitEvaluationRounds, eq(unitEvaluationRounds.id, lastPlaces.roundId))
      .where(and(eq(lastPlaces.cadreId, cadreId), scopeFilter(actor, unitEvaluationRounds.orgId)));
    const evs = await db
      .select()
      .from(evaluations)
      .where(and(sql`${cadreId} = any(${evaluations.subjectCadreIds})`, evaluationVisibility(actor)));
    const out: TimelineEntry[] = [
      ...grades.map((g) => ({
        date: g.decidedOn,
        kind: 'assessment',
        title: `${g.year} 年度考核：${g.grade}`,
        detail: g.note ?? undefined,
        link: `/assessments/grades?year=${g.year}`,
      })),
      ...lasts.map(({ l, r }) => ({
        date: r.heldOn,
        kind: 'assessment',
        title: `${UNIT_EVALUATION_KINDS[r.kind as UnitEvaluationKind] ?? r.kind}所负责单位排名末位${
          l.outcome === 'warning' ? `（连续 ${l.consecutive} 次，警告，年度考核不称职）` : ''
        }`,
        detail: r.title,
        link: `/assessments/rounds/${r.id}`,
      })),
      ...evs.map((e) => ({
        date: e.heldOn,
        kind: 'assessment',
        title: `民主测评：${e.title}`,
        link: `/assessments/evaluations/${e.id}`,
      })),
    ];
    return out;
  },
  async records(db, cadreId) {
    const rows = await db
      .select({ year: annualGrades.year, grade: annualGrades.grade })
      .from(annualGrades)
      .where(
        and(
          eq(annualGrades.cadreId, cadreId),
          inArray(annualGrades.grade, ['优秀', '称职', '基本称职', '不称职']),
        ),
      );
    return { annualGrades: rows.map((r) => ({ year: r.year, grade: r.grade as AnnualGrade })) };
  },
});
