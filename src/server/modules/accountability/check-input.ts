import { and, eq, inArray } from 'drizzle-orm';
import { effectRuleKey, sanctionFamily } from '../../../domain/accountability/kinds.js';
import { recordDatesProblem } from '../../../domain/accountability/transitions.js';
import { chinaDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/access/actor.js';
import { requireAccess } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { dictItems } from '../../platform/dictionaries/schema.js';
import { AppError, badRequest, unprocessable } from '../../platform/http/errors.js';
import '../cadres/load-cadre.js';
import { cadres, tenures } from '../cadres/schema.js';
import { loadVisiblePolicy } from '../policies/visibility.js';
import type { CreateRecordInput, PersonInput } from './contract.js';

export interface SanctionPlan {
  kind: string;
  effectiveFrom: string | null;
  ruleKey: string;
  gradeYear: number | null;
  tenureIds: number[];
  note: string | null;
}
export interface PersonPlan {
  cadreId: number | null;
  name: string;
  post: string | null;
  role: string | null;
  sanctions: SanctionPlan[];
}
export interface RecordPlan {
  category: string | null;
  basisPolicyId: number | null;
  persons: PersonPlan[];
  subjectCadreIds: number[];
}

const bad = (field: string, message: string) => badRequest(message, { [field]: message });

async function enabledCodes(db: Queryable, type: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(and(eq(dictItems.typeCode, type), eq(dictItems.enabled, true)));
  return new Map(rows.map((r) => [r.code, r.label]));
}

/** A sanction kind must have its effect rule in force on the day it takes effect; else 422 naming the rule. */
export async function requireEffectRule(
  ctx: AppContext,
  kind: string,
  label: string,
  on: string,
  field: string,
) {
  const key = effectRuleKey(kind);
  try {
    await ctx.rules.inForce(key, on);
  } catch {
    const message = `处理种类“${label}”在 ${on} 没有现行的影响期规则（${key}），请先在规则配置中添加`;
    throw unprocessable(message, { [field]: message });
  }
  return key;
}

/**
 * Checks a record's fields as a draft may hold them and resolves its persons: the kind's category,
 * the policy of the basis, each registry cadre (in the caller's scope, not recused) and each
 * sanction (a kind of the dictionary with its effect rule, the tenures a 撤销任免决定 names). Every
 * refusal is a 4xx naming the field; nothing is written before it passes.
 */
export async function checkRecordInput(
  db: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: Omit<CreateRecordInput, 'orgId'>,
): Promise<RecordPlan> {
  const today = chinaDate(ctx.clock.now());
  let category: string | null = null;
  if (input.kind === 'work_error') {
    const categories = await enabledCodes(db, 'work_error_category');
    if (!input.category || !categories.has(input.category))
      throw bad('category', '工作失误须选择类别（工作失误类别字典中的一项）');
    category = input.category;
  } else if (input.category) throw bad('category', '只有工作失误需要选择类别');

  if (input.basisPolicyId) {
    try {
      await loadVisiblePolicy(db, actor, input.basisPolicyId);
    } catch (e) {
      if (e instanceof AppError) throw bad('basisPolicyId', '依据的制度不存在或无权查看');
      throw e;
    }
  }
  const problem = recordDatesProblem({
    decidedOn: input.decidedOn ?? null,
    sanctions: input.persons.flatMap((p) => p.sanctions.filter((s) => s.effectiveFrom)) as {
      effectiveFrom: string;
    }[],
    today,
    confirming: false,
  });
  if (problem) {
    // name the person's sanction, not its index among all sanctions
    const field = problem.field.startsWith('sanctions.')
      ? sanctionField(input.persons, problem.field)
      : problem.field;
    throw bad(field, problem.message);
  }

  const kinds = await enabledCodes(db, 'accountability_sanction');
  const persons: PersonPlan[] = [];
  const seen = new Set<number>();
  for (const [i, p] of input.persons.entries()) {
    const at = `persons.${i}`;
    const person = await resolvePerson(db, actor, p, at);
    if (person.cadreId !== null) {
      if (seen.has(person.cadreId)) throw bad(`${at}.cadreId`, `${person.name}重复列入被追究人`);
      seen.add(person.cadreId);
    }
    for (const [j, s] of p.sanctions.entries()) {
      const field = `${at}.sanctions.${j}`;
      const label = kinds.get(s.kind);
      if (!label) throw bad(`${field}.kind`, '处理种类不正确（须为责任追究处理种类字典中启用的一项）');
      const on = s.effectiveFrom ?? input.decidedOn ?? today;
      const ruleKey = await requireEffectRule(ctx, s.kind, label, on, `${field}.kind`);
      const family = sanctionFamily(s.kind);
      if ((family === 'admonition' || family === 'revoke_appointment') && person.cadreId === null)
        throw bad(`${at}.cadreId`, `“${label}”只能给予干部名册中的干部，请选择干部`);
      if (family === 'revoke_appointment') await checkRevokedTenures(db, person.cadreId!, s.tenureIds, field);
      else if (s.tenureIds.length) throw bad(`${field}.tenureIds`, '只有撤销任免决定需要选择任职');
      person.sanctions.push({
        kind: s.kind,
        effectiveFrom: s.effectiveFrom ?? null,
        ruleKey,
        gradeYear: family === 'annual_grade' ? (s.gradeYear ?? null) : null,
        tenureIds: s.tenureIds,
        note: s.note ?? null,
      });
    }
    persons.push(person);
  }
  return {
    category,
    basisPolicyId: input.basisPolicyId ?? null,
    persons,
    subjectCadreIds: [...seen],
  };
}

function sanctionField(persons: PersonInput[], field: string): string {
  const n = Number(field.split('.')[1]);
  let k = 0;
  for (const [i, p] of persons.entries())
    for (const [j, s] of p.sanctions.entries()) {
      if (!s.effectiveFrom) continue;
      if (k++ === n) return `persons.${i}.sanctions.${j}.effectiveFrom`;
    }
  return field;
}

async function resolvePerson(db: Queryable, actor: Actor, p: PersonInput, at: string): Promise<PersonPlan> {
  const base = { post: p.post ?? null, role: p.role ?? null, sanctions: [] };
  if (!p.cadreId) {
    if (!p.name) throw bad(`${at}.name`, '请选择干部或填写被追究人姓名');
    return { ...base, cadreId: null, name: p.name };
  }
  try {
    await requireAccess(db, actor, 'cadre', [p.cadreId]);
  } catch (e) {
    if (e instanceof AppError) throw bad(`${at}.cadreId`, '干部不存在或不在您的管理范围内');
    throw e;
  }
  const [c] = await db.select({ name: cadres.name }).from(cadres).where(eq(cadres.id, p.cadreId));
  return { ...base, cadreId: p.cadreId, name: c.name };
}

/** 撤销任免决定 names the cadre's own tenures that are still held. */
async function checkRevokedTenures(db: Queryable, cadreId: number, ids: number[], field: string) {
  if (!ids.length) throw bad(`${field}.tenureIds`, '撤销任免决定须选择所撤销的任职');
  const rows = await db
    .select({ id: tenures.id, cadreId: tenures.cadreId, endDate: tenures.endDate, title: tenures.title })
    .from(tenures)
    .where(inArray(tenures.id, ids));
  for (const id of ids) {
    const t = rows.find((r) => r.id === id);
    if (!t || t.cadreId !== cadreId) throw bad(`${field}.tenureIds`, '所选任职不是该干部的任职');
    if (t.endDate) throw bad(`${field}.tenureIds`, `任职“${t.title}”已于 ${t.endDate} 离任，不能撤销`);
  }
}
