import { type CadreRecords, emptyRecords } from '../../../domain/cadre-records.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/client.js';

/**
 * The supervision file (干部监督档案) and promotion eligibility gather what every module knows
 * about a cadre through one interface: each module registers a provider once, at import time.
 */
export interface TimelineEntry {
  date: string; // ISO date
  kind: string; // provider key, e.g. 'tenure', 'petition', 'admonition'
  title: string;
  detail?: string;
  link?: string; // admin path of the record
  /** Still open against the cadre (an unrectified audit finding …): the integrity opinion lists it. */
  open?: boolean;
}

export interface CadreProvider {
  key: string;
  label: string; // Chinese name of the kind of record, for the timeline legend
  /** The permission a viewer needs to see this provider's entries on the timeline (besides cadre.file). */
  permission?: string;
  timeline?(db: Queryable, actor: Actor, cadreId: number): Promise<TimelineEntry[]>;
  records?(db: Queryable, cadreId: number): Promise<Partial<CadreRecords>>;
}

export type { AnnualGrade, CadreRecords } from '../../../domain/cadre-records.js';
export { emptyRecords };

const providers = new Map<string, CadreProvider>();

/** Registers a provider (each module once, when it is imported); returns what takes it off again. */
export function registerCadreProvider(p: CadreProvider): () => void {
  providers.set(p.key, p);
  return () => {
    if (providers.get(p.key) === p) providers.delete(p.key);
  };
}

export const cadreProviders = () => [...providers.values()];

/** Everything the providers know for the eligibility rules and the 任免审批表. */
export async function collectRecords(db: Queryable, cadreId: number): Promise<CadreRecords> {
  const all = emptyRecords();
  for (const p of providers.values()) {
    const part = p.records ? await p.records(db, cadreId) : {};
    for (const k of Object.keys(all) as (keyof CadreRecords)[])
      (all[k] as unknown[]).push(...((part[k] as unknown[]) ?? []));
  }
  return all;
}

/** The timeline a viewer may see: entries of providers whose permission they hold, newest first. */
export async function collectTimeline(
  db: Queryable,
  actor: Actor,
  cadreId: number,
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  for (const p of providers.values()) {
    if (!p.timeline || (p.permission && !actor.permissions.has(p.permission))) continue;
    entries.push(...(await p.timeline(db, actor, cadreId)));
  }
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
