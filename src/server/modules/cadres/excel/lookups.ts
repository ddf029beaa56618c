import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { OrgEntry } from '../../../../domain/roster-org.js';
import { orgLabels, orgResolver } from '../../../../domain/roster-org.js';
import { choices, levelChoices, type RosterLookups } from '../../../../domain/roster-row.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { Queryable } from '../../../platform/db/client.js';
import { dictItems } from '../../../platform/dictionaries/schema.js';
import { orgs } from '../../../platform/orgs/schema.js';
import { CADRE_STATUSES } from '../contract.js';
import type { ShowLabels } from './update-plan.js';

export const ROSTER_DICTIONARIES = ['education', 'political_status', 'position_level'] as const;
export type RosterDictionary = (typeof ROSTER_DICTIONARIES)[number];
type Items = { code: string; label: string }[];

/** The items of the roster's dictionaries, in their order; the import accepts enabled ones only. */
export async function dictionaryItems(
  db: Queryable,
  enabledOnly: boolean,
): Promise<Record<RosterDictionary, Items>> {
  const rows = await db
    .select({ typeCode: dictItems.typeCode, code: dictItems.code, label: dictItems.label })
    .from(dictItems)
    .where(
      and(
        inArray(dictItems.typeCode, [...ROSTER_DICTIONARIES]),
        enabledOnly ? eq(dictItems.enabled, true) : undefined,
      ),
    )
    .orderBy(asc(dictItems.sort), asc(dictItems.id));
  const out = { education: [], political_status: [], position_level: [] } as Record<RosterDictionary, Items>;
  for (const r of rows) out[r.typeCode as RosterDictionary].push({ code: r.code, label: r.label });
  return out;
}

/** Every live org with the names on its path, and whether the caller's data scope holds it. */
export async function orgEntries(db: Queryable, actor: Actor): Promise<OrgEntry[]> {
  const all = await db
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(isNull(orgs.deletedAt));
  const names = new Map(all.map((o) => [o.id, o.name]));
  const inScope = (o: (typeof all)[number]) =>
    actor.dataScope === 'all' ||
    (actor.dataScope === 'subtree' ? o.path.startsWith(actor.orgPath) : o.id === actor.orgId);
  return all.filter(inScope).map((o) => ({
    id: o.id,
    names: o.path
      .split('/')
      .filter(Boolean)
      .map((id) => names.get(Number(id)) ?? '')
      .filter(Boolean),
  }));
}

export const STATUS_ITEMS: Items = Object.entries(CADRE_STATUSES).map(([code, label]) => ({ code, label }));

/** What a row is checked against: the units the importer may use and the enabled dictionary items. */
export async function rosterLookups(db: Queryable, actor: Actor): Promise<RosterLookups> {
  const [entries, dicts] = await Promise.all([orgEntries(db, actor), dictionaryItems(db, true)]);
  return {
    org: orgResolver(entries),
    education: choices(dicts.education),
    politicalStatus: choices(dicts.political_status),
    level: levelChoices(dicts.position_level),
    status: choices(STATUS_ITEMS),
  };
}

const codeMap = (items: Items) => new Map(items.map((i) => [i.code, i.label]));

/** How the update preview names units and codes: as the roster writes them. */
export async function showLabels(db: Queryable, actor: Actor): Promise<ShowLabels> {
  const [entries, dicts] = await Promise.all([orgEntries(db, actor), dictionaryItems(db, false)]);
  return {
    org: orgLabels(entries),
    education: codeMap(dicts.education),
    politicalStatus: codeMap(dicts.political_status),
    level: codeMap(dicts.position_level),
    status: codeMap(STATUS_ITEMS),
  };
}
