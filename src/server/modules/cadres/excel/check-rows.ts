import { and, inArray, isNull } from 'drizzle-orm';
import { normalizeIdNumber } from '../../../../domain/id-number.js';
import {
  parseRosterRow,
  ROSTER_KEYS,
  type RosterKey,
  type RosterLookups,
  type RosterRow,
} from '../../../../domain/roster-row.js';
import { cellText } from '../../../../domain/sheet-cell.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import { type CadreFields, cadreFields } from '../contract.js';
import { matchByIdNumber } from '../lrmx/match.js';
import { cadres } from '../schema.js';
import { FIELD_TO_KEY } from './columns.js';
import type { RosterSheet } from './roster-sheet.js';

/** create: new cadres only; update: a row whose ID number is registered updates that cadre. */
export type ImportMode = 'create' | 'update';

export interface GoodRow {
  rowNumber: number;
  fields: CadreFields;
  tenure: RosterRow['tenure'];
  post: RosterRow['post'];
  /** The columns the row fills (a blank cell changes nothing of a registered cadre). */
  given: RosterKey[];
  /** The registered cadre the row updates (update mode), else null. */
  cadreId: number | null;
}

export interface RowProblem {
  key: RosterKey;
  message: string;
}
/** Bad rows by their row number in the sheet, each with its problems in column order. */
export type BadRows = Map<number, RowProblem[]>;
type Problems = BadRows;
const ORDER = new Map(ROSTER_KEYS.map((k, i) => [k, i]));
const CHUNK = 1000;

/** Which of these ID-number digests already belong to a live cadre. */
export async function registeredDigests(db: Queryable, digests: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < digests.length; i += CHUNK) {
    const rows = await db
      .select({ digest: cadres.idNumberDigest })
      .from(cadres)
      .where(and(inArray(cadres.idNumberDigest, digests.slice(i, i + CHUNK)), isNull(cadres.deletedAt)));
    for (const r of rows) if (r.digest) taken.add(r.digest);
  }
  return taken;
}

/** One row: the sheet's reading of it, then the cadre contract for what the reading let through. */
function checkRow(cells: RosterSheet['rows'][number]['cells'], lookups: RosterLookups, mode: ImportMode) {
  const row = parseRosterRow(cells, lookups, { update: mode === 'update' });
  const problems = [...row.errors];
  const parsed = cadreFields.safeParse(row.fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const key = (FIELD_TO_KEY[field] ?? field) as RosterKey;
      if (!ORDER.has(key) || problems.some((p) => p.key === key)) continue;
      problems.push({ key, message: issue.message });
    }
  }
  return { row, fields: parsed.success ? parsed.data : null, problems };
}

export const REGISTERED =
  '已在系统中登记，不能重复导入；要更新已登记的干部，请选择导入方式“更新已登记的干部”';
export const NOT_YOURS = '已登记为您管理范围以外（或需要回避）的干部，不能更新';

/**
 * Checks every row of the sheet — its cells, the cadre contract, the units and dictionaries, ID
 * numbers repeated within the file or already registered — and reports progress as it goes. An ID
 * number already registered is refused when creating; when updating, it names the cadre to update
 * (one of the caller's, and not one they must recuse from). Returns the good rows, or the problems
 * of every bad row by its row number in the sheet.
 */
export async function checkRows(
  ctx: Pick<AppContext, 'db' | 'crypto'>,
  actor: Actor,
  sheet: RosterSheet,
  lookups: RosterLookups,
  job: JobHandle,
  mode: ImportMode,
): Promise<{ good: GoodRow[]; bad: BadRows }> {
  const total = sheet.rows.length;
  const problems: Problems = new Map();
  const good: GoodRow[] = [];
  const byId = new Map<string, number[]>();
  for (let i = 0; i < total; i++) {
    const { rowNumber, cells } = sheet.rows[i];
    const { row, fields, problems: found } = checkRow(cells, lookups, mode);
    if (found.length) problems.set(rowNumber, found);
    else if (fields) {
      const given = ROSTER_KEYS.filter((k) => k !== 'seq' && cellText(cells[k]) !== '');
      good.push({ rowNumber, fields, tenure: row.tenure, post: row.post, given, cadreId: null });
    }
    if (fields?.idNumber) byId.set(fields.idNumber, [...(byId.get(fields.idNumber) ?? []), rowNumber]);
    if (i % 200 === 199) await job.progress(i + 1, total);
  }
  const add = (rowNumber: number, message: string) =>
    problems.set(rowNumber, [...(problems.get(rowNumber) ?? []), { key: 'idNumber', message }]);
  for (const rows of byId.values()) {
    if (rows.length < 2) continue;
    for (const r of rows) add(r, `与第 ${rows.filter((o) => o !== r).join('、')} 行重复`);
  }
  if (mode === 'create') {
    const digestOf = new Map([...byId.keys()].map((id) => [ctx.crypto.digest(normalizeIdNumber(id)), id]));
    for (const digest of await registeredDigests(ctx.db, [...digestOf.keys()])) {
      for (const r of byId.get(digestOf.get(digest) as string) ?? []) add(r, REGISTERED);
    }
  } else {
    const matches = await matchByIdNumber(ctx.db, ctx, actor, [...byId.keys()]);
    const rowOf = new Map(good.map((g) => [g.rowNumber, g]));
    for (const [id, match] of matches)
      for (const r of byId.get(id) ?? []) {
        if (match === 'forbidden') add(r, NOT_YOURS);
        else {
          const g = rowOf.get(r);
          if (g) g.cadreId = match.cadreId;
        }
      }
  }
  await job.progress(total, total);
  return { good: problems.size ? [] : good, bad: sortProblems(problems) };
}

/** Rows in sheet order, each row's problems in column order. */
export function sortProblems(problems: BadRows): BadRows {
  const bad: BadRows = new Map();
  for (const [rowNumber, list] of [...problems].sort((a, b) => a[0] - b[0])) {
    bad.set(
      rowNumber,
      [...list].sort((a, b) => (ORDER.get(a.key) ?? 0) - (ORDER.get(b.key) ?? 0)),
    );
  }
  return bad;
}
