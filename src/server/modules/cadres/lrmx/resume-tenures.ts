import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import {
  type CurrentPostMatch,
  matchCurrentPosts,
  parseResume,
  type RegistryPosition,
  type ResumeTenure,
  resumeTenures,
  type UnparsedLine,
} from '../../../../domain/resume.js';
import { principalOverlapProblem, spansOverlap } from '../../../../domain/tenure.js';
import type { Queryable } from '../../../platform/db/client.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { positions, tenures } from '../schema.js';

/** What the confirmation shows of a file's 简历 and 现任职务, and what confirming will record. */
export interface ResumeReport {
  /** The dated lines, 任职 and 学习. */
  rows: { line: number; start: string; end: string | null; text: string; kind: 'post' | 'study' }[];
  /** Lines that could not be read: they stay in the 简历 text. */
  unparsed: UnparsedLine[];
  /** 现任职务 matched to posts of the registry (level, 正职) from the date the résumé gives. */
  current: { title: string; level: string; isPrincipal: boolean; start: string | null }[];
  /** Why a part of 现任职务 did not become a post of the registry. */
  notes: string[];
}

/** The names on an org's path (新城区, 大兴镇 …): 现任职务 often starts with them. */
async function orgPathNames(db: Queryable, orgId: number): Promise<string[]> {
  const [org] = await db.select({ path: orgs.path, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) return [];
  const ids = org.path.split('/').filter(Boolean).map(Number);
  if (!ids.length) return [org.name];
  const rows = await db.select({ name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  return [...rows.map((r) => r.name), org.name];
}

type OrgPosts = { registry: RegistryPosition[]; names: string[] };
/** The posts and path names of each org, read once per import (a zip holds many files of one org). */
export type OrgPostsCache = Map<number, Promise<OrgPosts>>;

async function orgPosts(db: Queryable, orgId: number): Promise<OrgPosts> {
  const [registry, names] = await Promise.all([
    db
      .select({
        id: positions.id,
        title: positions.title,
        level: positions.level,
        isPrincipal: positions.isPrincipal,
      })
      .from(positions)
      .where(and(eq(positions.orgId, orgId), isNull(positions.deletedAt))),
    orgPathNames(db, orgId),
  ]);
  return { registry, names };
}

/**
 * Reads a file's 简历 and matches its 现任职务 to the posts of the cadre's org. A principal post
 * someone else holds in the same period is not taken (it would make two principals): it is noted.
 * `cadreId` is the registered cadre the file updates, null for a new one.
 */
export async function planResume(
  db: Queryable,
  fields: { resume?: string | null; currentPosition?: string | null },
  orgId: number,
  cadreId: number | null,
  cache: OrgPostsCache = new Map(),
): Promise<{ report: ResumeReport; tenures: ResumeTenure[] }> {
  const { entries, unparsed } = parseResume(fields.resume);
  const notes: string[] = [];
  const accepted: CurrentPostMatch[] = [];
  let allMatched = false;
  if (fields.currentPosition && entries.length) {
    if (!cache.has(orgId)) cache.set(orgId, orgPosts(db, orgId));
    const { registry, names } = await cache.get(orgId)!;
    const { matches, unmatched } = matchCurrentPosts(fields.currentPosition, registry, names, entries);
    for (const part of unmatched) notes.push(`现任职务中的“${part}”不是本单位设置的职务，按简历原文记录`);
    for (const m of matches) {
      if (m.start === null) {
        notes.push(`现任职务“${m.part}”在简历中没有对应的任职时间，未建立任职`);
        continue;
      }
      const clash = await principalClash(db, m, cadreId);
      if (clash) notes.push(`现任职务“${m.part}”：${clash}，未关联该职务，按简历原文记录`);
      else accepted.push(m);
    }
    allMatched = unmatched.length === 0 && accepted.length === matches.length;
  }
  return {
    report: {
      rows: entries.map((e) => ({ line: e.line, start: e.start, end: e.end, text: e.text, kind: e.kind })),
      unparsed,
      current: accepted.map((m) => ({
        title: m.position.title,
        level: m.position.level,
        isPrincipal: m.position.isPrincipal,
        start: m.start,
      })),
      notes,
    },
    tenures: resumeTenures(entries, accepted, allMatched),
  };
}

/** Another cadre's principal tenure of the same post in the period: the reason, or null. */
async function principalClash(db: Queryable, m: CurrentPostMatch, cadreId: number | null) {
  if (!m.position.isPrincipal) return null;
  const others = await db
    .select()
    .from(tenures)
    .where(
      and(
        eq(tenures.positionId, m.position.id),
        eq(tenures.isPrincipal, true),
        cadreId === null ? undefined : ne(tenures.cadreId, cadreId),
      ),
    );
  const span = { positionId: m.position.id, isPrincipal: true, startDate: `${m.start}-01`, endDate: null };
  return principalOverlapProblem(span, others);
}

/**
 * Records the tenures of a file's 简历 for a cadre, in the caller's transaction: the cadre's earlier
 * tenures from a 简历 are replaced; tenures entered by hand (or from a roster) are never touched,
 * and a 简历 post they already cover is not added again. A file without a 简历 changes nothing.
 * Returns how many tenures were recorded.
 */
export async function writeResumeTenures(
  tx: Queryable,
  cadreId: number,
  orgId: number,
  fields: { resume?: string | null; currentPosition?: string | null },
  cache?: OrgPostsCache,
): Promise<number> {
  if (!fields.resume?.trim()) return 0;
  await tx.delete(tenures).where(and(eq(tenures.cadreId, cadreId), eq(tenures.source, 'resume')));
  const { tenures: drafts } = await planResume(tx, fields, orgId, cadreId, cache);
  const kept = await tx.select().from(tenures).where(eq(tenures.cadreId, cadreId));
  const covered = (d: ResumeTenure) =>
    kept.some(
      (k) =>
        (d.positionId !== null ? k.positionId === d.positionId : k.title === d.title) &&
        spansOverlap(
          { positionId: null, isPrincipal: false, startDate: k.startDate, endDate: k.endDate },
          { positionId: null, isPrincipal: false, startDate: d.startDate, endDate: d.endDate },
        ),
    );
  const fresh = drafts.filter((d) => !covered(d));
  if (!fresh.length) return 0;
  await tx.insert(tenures).values(
    fresh.map((d) => ({
      cadreId,
      positionId: d.positionId,
      orgId: d.positionId !== null ? orgId : null,
      title: d.title,
      level: d.level,
      isPrincipal: d.isPrincipal,
      startDate: d.startDate,
      endDate: d.endDate,
      source: 'resume',
    })),
  );
  return fresh.length;
}
