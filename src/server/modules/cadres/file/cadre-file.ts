import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { postLevelText } from '../../../../domain/promotion-ladder.js';
import type { Actor } from '../../../platform/access/actor.js';
import { requireAccess } from '../../../platform/access/scope.js';
import type { AppContext } from '../../../platform/context.js';
import { dictItems } from '../../../platform/dictionaries/schema.js';
import { notFound } from '../../../platform/http/errors.js';
import { orgs } from '../../../platform/orgs/schema.js';
import '../load-cadre.js';
import { cadreProviders, collectTimeline, type TimelineEntry } from '../providers.js';
import { ageOn } from '../roster-query.js';
import { cadres } from '../schema.js';
import { eligibilityOf } from './cadre-eligibility.js';
import type { CadreFileOut } from './contract.js';

/**
 * The supervision file (干部监督档案) of a cadre the caller may see (scope, recusal → 404): basic data
 * with the ID number masked, eligibility today, and the timeline of the providers the caller may see.
 * The route audits every viewing.
 */
export async function cadreFile(opts: { ctx: AppContext; actor: Actor; id: number }): Promise<CadreFileOut> {
  const { ctx, actor, id } = opts;
  await requireAccess(ctx.db, actor, 'cadre', [id]);
  const [row] = await ctx.db
    .select({
      id: cadres.id,
      name: cadres.name,
      gender: cadres.gender,
      birthDate: cadres.birthDate,
      ethnicity: cadres.ethnicity,
      orgId: cadres.orgId,
      orgName: orgs.name,
      currentPosition: cadres.currentPosition,
      education: cadres.education,
      politicalStatus: cadres.politicalStatus,
      idNumberMasked: cadres.idNumberMasked,
      hasPhoto: sql<boolean>`${cadres.photo} is not null`,
      status: cadres.status,
    })
    .from(cadres)
    .innerJoin(orgs, eq(orgs.id, cadres.orgId))
    .where(and(eq(cadres.id, id), isNull(cadres.deletedAt)));
  if (!row) throw notFound('干部不存在');

  const today = chinaDate(ctx.clock.now());
  const [eligibility, entries, labels] = await Promise.all([
    eligibilityOf(ctx, id, today),
    collectTimeline(ctx.db, actor, id),
    dictLabels(ctx, ['education', 'political_status']),
  ]);
  const { currentPosition, ...cadre } = row;
  const cur = eligibility.current;
  return {
    cadre: {
      ...cadre,
      age: ageOn(row.birthDate, today),
      post: cur?.title ?? currentPosition,
      postLevel: cur?.level ? postLevelText(cur) : null,
      education: label(labels, 'education', row.education),
      politicalStatus: label(labels, 'political_status', row.politicalStatus),
    },
    eligibility,
    timeline: byYear(entries),
    legend: cadreProviders()
      .filter((p) => p.timeline && (!p.permission || actor.permissions.has(p.permission)))
      .map((p) => ({ key: p.key, label: p.label })),
  };
}

/** Entries come newest first; so do the years. */
function byYear(entries: TimelineEntry[]) {
  const years: { year: string; entries: TimelineEntry[] }[] = [];
  for (const e of entries) {
    const year = e.date.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, entries: [] });
    years.at(-1)!.entries.push(e);
  }
  return years;
}

async function dictLabels(ctx: AppContext, types: string[]) {
  const rows = await ctx.db
    .select({ type: dictItems.typeCode, code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(inArray(dictItems.typeCode, types));
  return new Map(rows.map((r) => [`${r.type}:${r.code}`, r.label]));
}

const label = (labels: Map<string, string>, type: string, code: string | null) =>
  code ? (labels.get(`${type}:${code}`) ?? code) : null;
