import { asc } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar.js';
import { type RuleVersion, ruleInForce } from '../../../domain/rules.js';
import { type RefreshableCache, staleAfter } from '../caches.js';
import type { Queryable } from '../db/client.js';
import { rules } from './schema.js';

export type StoredRule = RuleVersion & { id: number; name: string; note: string | null };

/**
 * All rule versions, held in memory (there are a few hundred at most). Reads never touch the
 * database; the copy is reloaded after every edit and, when `refreshMs` have passed, by the context's
 * cache refresh outside any transaction (see ../caches.ts), so other instances' edits arrive in time.
 */
export class RulesService implements RefreshableCache {
  readonly name = 'rules';
  private versions: StoredRule[] = [];
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date,
    readonly refreshMs = 30_000,
  ) {}

  async load(): Promise<void> {
    const at = this.now().getTime();
    const rows = await this.db.select().from(rules).orderBy(asc(rules.key), asc(rules.version));
    this.versions = rows.map((r) => ({ ...r, value: r.value as unknown }));
    this.loadedAt = at;
  }

  isStale(): boolean {
    return staleAfter(this.loadedAt, this.now().getTime(), this.refreshMs);
  }

  all(): StoredRule[] {
    return this.versions;
  }

  /** The version of `key` in force on `date` (default: today in China). Throws if none: a missing rule is a setup fault. */
  async inForce<V = number>(key: string, date?: string): Promise<RuleVersion<V> & { name: string }> {
    const v = ruleInForce(this.versions, key, date ?? chinaDate(this.now()));
    if (!v) throw new Error(`rule ${key} has no version in force`);
    return v as RuleVersion<V> & { name: string };
  }

  async value<V = number>(key: string, date?: string): Promise<V> {
    return (await this.inForce<V>(key, date)).value;
  }
}
