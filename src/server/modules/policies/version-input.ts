import { inArray } from 'drizzle-orm';
import { quizProblem } from '../../../domain/policy-library.js';
import type { Queryable } from '../../platform/db/client.js';
import { badRequest } from '../../platform/http/errors.js';
import { rules } from '../../platform/rules/schema.js';
import { policyVersions } from './schema.js';
import type { Quiz } from './visibility.js';

/**
 * Checks what a new version carries beyond its schema: the rule keys must name rule-data entries
 * (platform/rules), the quiz's answers must be among its options. 400 naming the field otherwise.
 */
export async function checkVersionInput(
  db: Queryable,
  input: { ruleKeys: string[]; quiz?: Quiz | null },
): Promise<string[]> {
  const keys = [...new Set(input.ruleKeys)];
  if (keys.length) {
    const found = await db.selectDistinct({ key: rules.key }).from(rules).where(inArray(rules.key, keys));
    const known = new Set(found.map((r) => r.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) {
      const message = `规则不存在：${unknown.join('、')}`;
      throw badRequest(message, { ruleKeys: message });
    }
  }
  const problem = quizProblem(input.quiz);
  if (problem) throw badRequest(problem.message, { [problem.field]: problem.message });
  return keys;
}

/** Writes a version in force (the first, or a revision's) as the caller gave it, with checked rule keys. */
export async function insertVersion(
  db: Queryable,
  v: {
    policyId: number;
    versionNo: number;
    input: {
      adoptedOn: string;
      effectiveOn: string;
      body: string;
      changeNote?: string | null;
      quiz?: Quiz | null;
    };
    ruleKeys: string[];
    createdBy: number;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(policyVersions).values({
    policyId: v.policyId,
    versionNo: v.versionNo,
    adoptedOn: v.input.adoptedOn,
    effectiveOn: v.input.effectiveOn,
    status: 'in_force',
    body: v.input.body,
    ruleKeys: v.ruleKeys,
    changeNote: v.input.changeNote ?? null,
    quiz: v.input.quiz ?? null,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
  });
}
