import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { dottedDate, dottedMonthDate } from '../../../../domain/roster-date.js';
import type { RosterKey } from '../../../../domain/roster-row.js';
import type { Queryable } from '../../../platform/db/client.js';
import { nameIndex } from '../name-index.js';
import { cadres, tenures } from '../schema.js';
import type { BadRows, GoodRow } from './check-rows.js';
import { HEADER_OF } from './columns.js';

/** One field of a cadre that the row changes, as the preview shows it. */
export interface FieldChange {
  column: string;
  before: string;
  after: string;
}

/** A registered cadre and what the row changes of them. */
export interface CadreChange {
  row: number;
  cadreId: number;
  name: string;
  changes: FieldChange[];
}

/** What an update row will write, and the state of the cadre it was planned against. */
export interface UpdatePlan {
  row: number;
  cadreId: number;
  name: string;
  /** The cadre's version and its open tenures' versions: confirming refuses if any has moved. */
  fingerprint: string;
  cadre: Record<string, unknown>;
  tenure: { id: number; version: number; set: Record<string, unknown> } | null;
  newTenure: {
    title: string;
    level: string | null;
    isPrincipal: boolean;
    startDate: string;
    orgId: number;
  } | null;
  changes: FieldChange[];
}

/** How the preview writes a stored value: labels for codes and units, dates the roster way. */
export interface ShowLabels {
  org: Map<number, string>;
  education: Map<string, string>;
  politicalStatus: Map<string, string>;
  level: Map<string, string>;
  status: Map<string, string>;
}

/** The cadre fields a roster column holds (the post's columns are handled with the tenure). */
const FIELD_OF: Partial<Record<RosterKey, string>> = {
  name: 'name',
  gender: 'gender',
  ethnicity: 'ethnicity',
  birthDate: 'birthDate',
  nativePlace: 'nativePlace',
  politicalStatus: 'politicalStatus',
  partyJoinDate: 'partyJoinDate',
  workStartDate: 'workStartDate',
  fullTimeEducation: 'fullTimeEducation',
  fullTimeDegree: 'fullTimeDegree',
  fullTimeSchool: 'fullTimeSchool',
  partTimeEducation: 'partTimeEducation',
  partTimeDegree: 'partTimeDegree',
  partTimeSchool: 'partTimeSchool',
  education: 'education',
  org: 'orgId',
  currentPosition: 'currentPosition',
  phone: 'phone',
  status: 'status',
  note: 'note',
};

const EMPTY = '（空）';

function show(key: RosterKey, value: unknown, l: ShowLabels): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const v = String(value);
  switch (key) {
    case 'org':
      return l.org.get(Number(value)) ?? v;
    case 'education':
      return l.education.get(v) ?? v;
    case 'politicalStatus':
      return l.politicalStatus.get(v) ?? v;
    case 'status':
      return l.status.get(v) ?? v;
    case 'level':
      return l.level.get(v) ?? v;
    case 'isPrincipal':
      return value ? '是' : '否';
    case 'birthDate':
    case 'partyJoinDate':
    case 'workStartDate':
      return dottedDate(v);
    case 'tenureStart':
      return dottedMonthDate(v);
    default:
      return v;
  }
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/**
 * What each update row changes of its cadre: the columns it fills that differ from the record
 * (a blank cell changes nothing), and its post — a level, 正职 or date for the open post of that
 * title, or a new open post when the cadre holds none of that title and the row gives its date.
 * A row that cannot be applied (a level without a post to put it on, a post set up in the
 * registry) is a bad row like any other.
 */
export async function planUpdates(
  db: Queryable,
  rows: GoodRow[],
  labels: ShowLabels,
): Promise<{ plans: UpdatePlan[]; bad: BadRows }> {
  const plans: UpdatePlan[] = [];
  const bad: BadRows = new Map();
  const fail = (row: number, key: RosterKey, message: string) =>
    bad.set(row, [...(bad.get(row) ?? []), { key, message }]);
  const ids = rows.map((r) => r.cadreId!);
  const stored = new Map<number, typeof cadres.$inferSelect>();
  const open = new Map<number, (typeof tenures.$inferSelect)[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const c of await db
      .select()
      .from(cadres)
      .where(and(inArray(cadres.id, chunk), isNull(cadres.deletedAt))))
      stored.set(c.id, c);
    for (const t of await db
      .select()
      .from(tenures)
      .where(and(inArray(tenures.cadreId, chunk), isNull(tenures.endDate)))
      .orderBy(desc(tenures.isPrincipal), desc(tenures.startDate), asc(tenures.id)))
      open.set(t.cadreId, [...(open.get(t.cadreId) ?? []), t]);
  }
  for (const r of rows) {
    const c = stored.get(r.cadreId!);
    if (!c) {
      fail(r.rowNumber, 'idNumber', '该身份证号码的干部已被删除');
      continue;
    }
    const fields = r.fields as unknown as Record<string, unknown>;
    const record = c as unknown as Record<string, unknown>;
    const changes: FieldChange[] = [];
    const set: Record<string, unknown> = {};
    for (const key of r.given) {
      const field = FIELD_OF[key];
      if (!field || same(fields[field], record[field])) continue;
      set[field] = fields[field];
      changes.push({
        column: HEADER_OF[key],
        before: show(key, record[field], labels),
        after: show(key, fields[field], labels),
      });
    }
    if (typeof set.name === 'string') Object.assign(set, nameIndex(set.name));
    const held = open.get(c.id) ?? [];
    let tenure: UpdatePlan['tenure'] = null;
    let newTenure: UpdatePlan['newTenure'] = null;
    const post = r.post;
    if (post) {
      const t = held.find((h) => h.title === post.title);
      if (t) {
        const tset: Record<string, unknown> = {};
        const change = (key: RosterKey, field: 'level' | 'isPrincipal' | 'startDate', value: unknown) => {
          if (value === null || same(value, t[field])) return;
          tset[field] = value;
          changes.push({
            column: `${HEADER_OF[key]}（${post.title}）`,
            before: show(key, t[field], labels),
            after: show(key, value, labels),
          });
        };
        change('level', 'level', post.level);
        change('isPrincipal', 'isPrincipal', post.isPrincipal);
        change('tenureStart', 'startDate', post.startDate);
        if (Object.keys(tset).length && t.positionId !== null) {
          fail(
            r.rowNumber,
            'level',
            `“${post.title}”是按职务设置任职的，职务层次、是否正职和任职时间请在干部的任职经历中更正`,
          );
          continue;
        }
        if (Object.keys(tset).length) tenure = { id: t.id, version: t.version, set: tset };
      } else if (post.startDate) {
        newTenure = {
          title: post.title,
          level: post.level,
          isPrincipal: !!post.isPrincipal,
          startDate: post.startDate,
          orgId: (set.orgId as number | undefined) ?? c.orgId,
        };
        const detail = [
          `自 ${dottedMonthDate(post.startDate)}`,
          post.level ? (labels.level.get(post.level) ?? post.level) : null,
          post.isPrincipal ? '正职' : null,
        ].filter(Boolean);
        changes.push({
          column: '任职经历',
          before: EMPTY,
          after: `新增 ${post.title}（${detail.join('，')}）`,
        });
      } else if (post.level !== null || post.isPrincipal !== null) {
        fail(r.rowNumber, 'tenureStart', `该干部没有在任的“${post.title}”职务，请填写任现职时间以建立任职`);
        continue;
      }
    }
    plans.push({
      row: r.rowNumber,
      cadreId: c.id,
      name: c.name,
      fingerprint: [c.version, ...held.map((h) => `${h.id}.${h.version}`)].join(':'),
      cadre: set,
      tenure,
      newTenure,
      changes,
    });
  }
  return { plans, bad };
}

/** Writes one planned update in the caller's transaction; the cadre's version moves once. */
export async function applyUpdate(tx: Queryable, plan: UpdatePlan, now: Date): Promise<void> {
  if (!plan.changes.length) return;
  await tx
    .update(cadres)
    .set({ ...plan.cadre, version: sql`${cadres.version} + 1`, updatedAt: now })
    .where(eq(cadres.id, plan.cadreId));
  if (plan.tenure)
    await tx
      .update(tenures)
      .set({ ...plan.tenure.set, version: plan.tenure.version + 1 })
      .where(eq(tenures.id, plan.tenure.id));
  if (plan.newTenure)
    await tx.insert(tenures).values({ ...plan.newTenure, cadreId: plan.cadreId, source: 'excel' });
}
