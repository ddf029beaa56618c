import { asc } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { type RuleVersion, ruleInForce } from '../../../domain/rules.js';
import type { Queryable } from '../db/client.js';
import { rules } from './schema.js';

export type StoredRule = RuleVersion & { id: number; name: string; note: string | null };

/**
 * All rule versions, held in memory (there are a few hundred at most) and reloaded after every edit
 * and every `refreshMs`, so other server instances see an edit within that time.
 */
export class RulesService {
  private versions: StoredRule[] = [];
  private loadedAt = 0;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date,
    private readonly refreshMs = 30_000,
  ) {}

  async load(): Promise<void> {
    const rows = await this.db.select().from(rules).orderBy(asc(rules.key), asc(rules.version));
    this.versions = rows.map((r) => ({ ...r, value: r.value as unknown }));
    this.loadedAt = Date.now();
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt > this.refreshMs) await this.load();
  }

  all(): StoredRule[] {
    return this.versions;
  }

  /** The version of `key` in force on `date` (default: today in China). Throws if none: a missing rule is a setup fault. */
  async inForce<V = number>(key: string, date?: string): Promise<RuleVersion<V> & { name: string }> {
    await this.fresh();
    const v = ruleInForce(this.versions, key, date ?? chinaDate(this.now()));
    if (!v) throw new Error(`rule ${key} has no version in force`);
    return v as RuleVersion<V> & { name: string };
  }

  async value<V = number>(key: string, date?: string): Promise<V> {
    return (await this.inForce<V>(key, date)).value;
  }
}
