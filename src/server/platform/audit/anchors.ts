import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { desc, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { ensurePrivateDir } from '../db/private-files.js';
import { rowsOf } from '../db/rows.js';
import { auditAnchors, auditLog } from './schema.js';

/**
 * Anchors of the audit chain's head. The hash chain shows that no record was changed, inserted or
 * removed *between* two records, but not that the newest ones are still there: removing the tail
 * leaves a shorter chain that verifies. An anchor keeps the last record's id and hash at a moment
 * (every backup, every export, a daily checkpoint) in `audit_anchors` and in a file under
 * DATA_DIR/anchors; the verifier then requires each anchored record to still be there, unchanged.
 */
export type AnchorSource = 'backup' | 'export' | 'checkpoint';

export interface Anchor {
  lastId: number;
  lastHash: string;
  at: string;
  source: string;
  /** Where the verifier found it (the table, a file), for its report. */
  origin?: string;
}

export const ANCHOR_FORMAT = 'jiandu-audit-anchor';
export const anchorsDir = (dataDir: string) => path.join(dataDir, 'anchors');

/** The newest record of the chain, or null for an empty log. */
export async function chainHead(db: Queryable): Promise<{ lastId: number; lastHash: string } | null> {
  const [last] = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  return last ? { lastId: Number(last.id), lastHash: last.hash } : null;
}

const compactTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Records the head (or the given one, e.g. a backup's) in the table and in a file (mode 600).
 * Returns null when the log is empty. Runs on its own, never inside a caller's transaction: the
 * file is written after the row commits.
 */
export async function recordAnchor(opts: {
  db: Queryable;
  dataDir: string;
  at: Date;
  source: AnchorSource;
  head?: { lastId: number | null; lastHash: string | null } | null;
}): Promise<Anchor | null> {
  const head =
    opts.head === undefined
      ? await chainHead(opts.db)
      : opts.head?.lastId && opts.head.lastHash
        ? { lastId: opts.head.lastId, lastHash: opts.head.lastHash }
        : null;
  if (!head) return null;
  const anchor: Anchor = { ...head, at: opts.at.toISOString(), source: opts.source };
  await opts.db.insert(auditAnchors).values({ ...head, at: opts.at, source: opts.source });
  writeAnchorFile(opts.dataDir, anchor);
  return anchor;
}

function writeAnchorFile(dataDir: string, anchor: Anchor): void {
  const dir = anchorsDir(dataDir);
  ensurePrivateDir(dir);
  const name = `${compactTime(new Date(anchor.at))}-${anchor.source}-${anchor.lastId}.json`;
  const body = JSON.stringify({
    format: ANCHOR_FORMAT,
    lastId: anchor.lastId,
    lastHash: anchor.lastHash,
    at: anchor.at,
    source: anchor.source,
  });
  const tmp = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, `${body}\n`, { mode: 0o600 });
  renameSync(tmp, path.join(dir, name));
}

/** The anchors kept in the database (none when the table does not exist yet). */
export async function anchorsInTable(db: Queryable): Promise<Anchor[]> {
  const [reg] = rowsOf<{ r: string | null }>(
    await db.execute(sql`select to_regclass('audit_anchors')::text as r`),
  );
  if (!reg?.r) return [];
  const rows = await db.select().from(auditAnchors);
  return rows.map((r) => ({
    lastId: Number(r.lastId),
    lastHash: r.lastHash,
    at: r.at.toISOString(),
    source: r.source,
    origin: '锚点表 audit_anchors',
  }));
}

/** Reads one anchor file; null when it is not one. */
export function parseAnchor(text: string, origin: string): Anchor | null {
  try {
    const a = JSON.parse(text) as Partial<Anchor> & { format?: string };
    if (a.format !== ANCHOR_FORMAT || !Number.isSafeInteger(a.lastId) || typeof a.lastHash !== 'string')
      return null;
    return {
      lastId: a.lastId!,
      lastHash: a.lastHash,
      at: String(a.at ?? ''),
      source: String(a.source ?? ''),
      origin,
    };
  } catch {
    return null;
  }
}

/** The anchor files under DATA_DIR/anchors. */
export function anchorsInDir(dataDir: string): Anchor[] {
  const dir = anchorsDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: Anchor[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    const a = parseAnchor(readFileSync(file, 'utf8'), `锚点文件 ${file}`);
    if (a) out.push(a);
  }
  return out;
}

export interface AnchorProblem {
  /** truncated: the anchored record is gone; replaced: it is there with another hash. */
  kind: 'truncated' | 'replaced';
  anchor: Anchor;
  /** The last record still there before the anchored one (for a truncation). */
  before: number | null;
  /** The chain's last record now (records appended after the removal come after it). */
  lastId: number | null;
}

export interface AnchorCheck {
  /** Distinct anchors checked. */
  checked: number;
  /** The anchor with the highest record id. */
  latest: Anchor | null;
  /** The first failing anchor, newest first. */
  problem: AnchorProblem | null;
}

/**
 * Every anchored record must still be in the log with the anchored hash. A missing one means the
 * records up to it were removed (the tail, at that time: records appended since then follow the
 * gap); one with another hash means they were replaced.
 */
export async function checkAnchors(
  db: Queryable,
  anchors: Anchor[],
  chainLastId: number | null,
): Promise<AnchorCheck> {
  const distinct = new Map<string, Anchor>();
  for (const a of anchors) {
    const k = `${a.lastId}:${a.lastHash}`;
    if (!distinct.has(k)) distinct.set(k, a);
  }
  const sorted = [...distinct.values()].sort((a, b) => b.lastId - a.lastId);
  const ids = [...new Set(sorted.map((a) => a.lastId))];
  const hashes = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .where(inArray(auditLog.id, ids.slice(i, i + 1000)));
    for (const r of rows) hashes.set(Number(r.id), r.hash);
  }
  let problem: AnchorProblem | null = null;
  for (const a of sorted) {
    const hash = hashes.get(a.lastId);
    if (hash === a.lastHash) continue;
    const [prior] = await db
      .select({ id: sql<string | null>`max(${auditLog.id})` })
      .from(auditLog)
      .where(sql`${auditLog.id} < ${a.lastId}`);
    problem = {
      kind: hash === undefined ? 'truncated' : 'replaced',
      anchor: a,
      before: prior?.id == null ? null : Number(prior.id),
      lastId: chainLastId,
    };
    break;
  }
  return { checked: sorted.length, latest: sorted[0] ?? null, problem };
}

const SOURCES: Record<string, string> = { backup: '备份', export: '导出', checkpoint: '每日检查点' };

/** The verifier's finding about the anchors in one Chinese line. */
export function describeAnchors(result: AnchorCheck, when: (iso: string) => string): string {
  const p = result.problem;
  if (p) {
    const a = p.anchor;
    const from = `${SOURCES[a.source] ?? a.source}锚点，${a.at ? `记录于 ${when(a.at)}，` : ''}来自${a.origin ?? '未知来源'}`;
    if (p.kind === 'truncated') {
      const kept = p.before
        ? `#${p.before} 之后至 #${a.lastId} 的记录被删除`
        : `#${a.lastId} 及之前的记录全部被删除`;
      const later =
        p.lastId && p.lastId > a.lastId ? `（其后又写入了新记录，现存最后一条为 #${p.lastId}）` : '';
      return `审计日志被截断：锚点记录 #${a.lastId} 已不存在（${from}）；${kept}${later}`;
    }
    return `审计日志与锚点不符：记录 #${a.lastId} 的哈希与锚点不同，记录被替换（${from}）`;
  }
  if (!result.latest)
    return '没有找到审计锚点（无法判断日志末尾是否被删除；备份、导出和每日检查点会生成锚点）';
  return `与 ${result.checked} 个锚点一致：最新锚点为记录 #${result.latest.lastId}（${when(result.latest.at)}）`;
}
