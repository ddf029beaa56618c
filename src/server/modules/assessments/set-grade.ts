import { and, eq } from 'drizzle-orm';
import {
  consecutiveIncompetent,
  excellentCapCheck,
  type Grade,
  gradeAllowedUnderCap,
} from '../../../domain/assessments/grades.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest, conflict, unprocessable } from '../../platform/http/errors.js';
import { createTodo } from '../../platform/todos/create-todo.js';
import { registerTodoRecordType } from '../../platform/todos/record-types.js';
import { loadCadre } from '../cadres/load-cadre.js';
import { townshipOf } from './access.js';
import type { SetGradeInput } from './contract.js';
import { excellentCap } from './grade-pool.js';
import { annualGrades, lastPlaces } from './schema.js';

registerTodoRecordType('annual_grade', 'assessment.read');

const bad = (field: string, message: string) => badRequest(message, { [field]: message });

/** The grade cap of a cadre's year: 不称职 when the cadre's unit was 末位 in consecutive rounds (警告). */
export async function gradeCapOf(db: Queryable, cadreId: number, year: number): Promise<Grade | null> {
  const [w] = await db
    .select({ id: lastPlaces.id })
    .from(lastPlaces)
    .where(and(eq(lastPlaces.cadreId, cadreId), eq(lastPlaces.year, year), eq(lastPlaces.outcome, 'warning')))
    .limit(1);
  return w ? '不称职' : null;
}

/**
 * 评定年度考核等次 inside the caller's transaction: the cadre in scope (not recused), the grade under
 * the 末位 cap, 优秀 within the township's cap (refused past it, warned at it); a second consecutive
 * 不称职 opens the dismissal proceedings as a to-do of the organisation officer.
 */
export async function setGradeIn(tx: Queryable, ctx: AppContext, actor: Actor, input: SetGradeInput) {
  const cadre = await loadCadre(tx, actor, input.cadreId);
  const today = chinaDate(ctx.clock.now());
  const decidedOn = input.decidedOn ?? today;
  if (decidedOn > today) throw bad('decidedOn', '评定日期不能晚于今天');
  if (input.year > Number(decidedOn.slice(0, 4))) throw bad('year', '不能评定尚未开始的年度');
  const grade = input.grade as Grade;
  const cap = await gradeCapOf(tx, cadre.id, input.year);
  if (!gradeAllowedUnderCap(grade, cap))
    throw unprocessable(`${cadre.name}所在单位连续考评排名末位，${input.year} 年度考核等次只能评为${cap}`, {
      grade: `受末位惩处限制，只能评为${cap}`,
    });
  const town = await townshipOf(tx, cadre.orgId);
  const [existing] = await tx
    .select()
    .from(annualGrades)
    .where(and(eq(annualGrades.cadreId, cadre.id), eq(annualGrades.year, input.year)));
  if (existing && existing.version !== input.version) throw conflict();
  let warning: string | null = null;
  if (grade === '优秀' && existing?.grade !== '优秀') {
    const c = await excellentCap(tx, ctx, town, input.year, decidedOn);
    const check = excellentCapCheck({ graded: c.pool, excellent: c.excellent + 1, max: c.max });
    if (!check.ok) throw unprocessable(check.message, { grade: check.message });
    warning = check.warning;
  }
  const now = ctx.clock.now();
  const values = {
    orgId: town.id,
    grade,
    source: input.source,
    note: input.note ?? null,
    decidedOn,
    updatedAt: now,
  };
  const [row] = existing
    ? await tx
        .update(annualGrades)
        .set({ ...values, version: existing.version + 1 })
        .where(and(eq(annualGrades.id, existing.id), eq(annualGrades.version, existing.version)))
        .returning()
    : await tx
        .insert(annualGrades)
        .values({ ...values, cadreId: cadre.id, year: input.year, createdBy: actor.userId, createdAt: now })
        .returning();
  if (!row) throw conflict();
  await recordAudit(tx, ctx.clock, actor, {
    action: 'assessment.grade',
    objectType: 'annual_grade',
    objectId: row.id,
    detail: {
      cadreId: cadre.id,
      year: input.year,
      grade,
      before: existing?.grade ?? null,
      source: input.source,
    },
  });
  if (grade === '不称职') await dismissalTodo(tx, ctx, cadre, input.year, row.id, town.id);
  return { row, cadre, cap, warning };
}

/** Two (rule review.consecutive_incompetent) consecutive 不称职 → 启动辞退程序, a to-do. */
async function dismissalTodo(
  tx: Queryable,
  ctx: AppContext,
  cadre: { id: number; name: string },
  year: number,
  gradeId: number,
  townId: number,
) {
  const years = await ctx.rules.value<number>('review.consecutive_incompetent');
  const grades = await tx
    .select({ year: annualGrades.year, grade: annualGrades.grade })
    .from(annualGrades)
    .where(eq(annualGrades.cadreId, cadre.id));
  // a run of consecutive years that includes this one (an earlier year may be graded later)
  const ends = Array.from({ length: years }, (_, i) => year + i);
  if (!ends.some((end) => consecutiveIncompetent(grades, end, years))) return;
  await createTodo(tx, ctx.clock, {
    title: `连续 ${years} 年考核不称职，启动辞退（免职）程序：${cadre.name}`,
    recordType: 'annual_grade',
    recordId: gradeId,
    link: `/assessments/grades?year=${year}`,
    orgId: townId,
    assigneeRole: 'org_officer',
    subjectCadreIds: [cadre.id],
  });
}
