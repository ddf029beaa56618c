import { asc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { ruleArea } from '../../../domain/rule-values.js';
import { ruleInForce } from '../../../domain/rules.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import { notFound } from '../http/errors.js';
import type { RuleOut, RuleVersionOut } from './contract.js';
import { RULE_DEFAULTS } from './defaults.js';
import { rules } from './schema.js';

type Row = typeof rules.$inferSelect;
const ORDER = new Map(RULE_DEFAULTS.map((r, i) => [r.key, i]));

const versionOut = (r: Row): RuleVersionOut => ({
  id: r.id,
  version: r.version,
  value: r.value,
  source: r.source,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

/** One rule with its history; `rows` are the key's versions in ascending order. */
export function ruleOutOf(rows: Row[], today: string): RuleOut {
  const latest = rows[rows.length - 1];
  const current = ruleInForce(
    rows.map((r) => ({ ...r, value: r.value as unknown })),
    latest.key,
    today,
  );
  const currentRow = current ? rows.find((r) => r.version === current.version) : undefined;
  return {
    key: latest.key,
    name: latest.name,
    unit: latest.unit,
    area: ruleArea(latest.key),
    current: currentRow ? versionOut(currentRow) : null,
    versions: rows.map(versionOut).reverse(),
  };
}

/** Every rule, in the order of the defaults (the order of domain.md), with its version in force today. */
export async function listRules(opts: { ctx: AppContext }): Promise<RuleOut[]> {
  const rows = await opts.ctx.db.select().from(rules).orderBy(asc(rules.key), asc(rules.version));
  const byKey = new Map<string, Row[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const today = chinaDate(opts.ctx.clock.now());
  return [...byKey.values()]
    .map((versions) => ruleOutOf(versions, today))
    .sort((a, b) => (ORDER.get(a.key) ?? 1e9) - (ORDER.get(b.key) ?? 1e9) || a.key.localeCompare(b.key));
}

export async function loadRuleVersions(db: Queryable, key: string, forUpdate = false): Promise<Row[]> {
  const q = db.select().from(rules).where(eq(rules.key, key)).orderBy(asc(rules.version));
  const rows = forUpdate ? await q.for('update') : await q;
  if (rows.length === 0) throw notFound('规则不存在');
  return rows;
}

export async function getRule(opts: { ctx: AppContext; key: string }): Promise<RuleOut> {
  return ruleOutOf(await loadRuleVersions(opts.ctx.db, opts.key), chinaDate(opts.ctx.clock.now()));
}
