import { and, inArray, isNull } from 'drizzle-orm';
import { normalizeIdNumber } from '../../../../domain/id-number.js';
import {
  parseRosterRow,
  ROSTER_KEYS,
  type RosterKey,
  type RosterLookups,
  type RosterRow,
} from '../../../../domain/roster-row.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { type CadreFields, cadreFields } from '../contract.js';
import type { JobHandle } from '../import-jobs.js';
import { cadres } from '../schema.js';
import { FIELD_TO_KEY, reasonText } from './columns.js';
import type { RosterSheet } from './roster-sheet.js';

export interface GoodRow {
  rowNumber: number;
  fields: CadreFields;
  tenure: RosterRow['tenure'];
}

type Problems = Map<number, { key: RosterKey; message: string }[]>;
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
function checkRow(cells: RosterSheet['rows'][number]['cells'], lookups: RosterLookups) {
  const row = parseRosterRow(cells, lookups);
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

/**
 * Checks every row of the sheet — its cells, the cadre contract, the units and dictionaries, ID
 * numbers repeated within the file or already registered — and reports progress as it goes.
 * Returns the good rows, or the reasons of every bad row by its row number in the sheet.
 */
export async function checkRows(
  ctx: Pick<AppContext, 'db' | 'crypto'>,
  sheet: RosterSheet,
  lookups: RosterLookups,
  job: JobHandle,
): Promise<{ good: GoodRow[]; bad: Map<number, string[]> }> {
  const total = sheet.rows.length;
  const problems: Problems = new Map();
  const good: GoodRow[] = [];
  const byId = new Map<string, number[]>();
  for (let i = 0; i < total; i++) {
    const { rowNumber, cells } = sheet.rows[i];
    const { row, fields, problems: found } = checkRow(cells, lookups);
    if (found.length) problems.set(rowNumber, found);
    else if (fields) good.push({ rowNumber, fields, tenure: row.tenure });
    if (fields?.idNumber) byId.set(fields.idNumber, [...(byId.get(fields.idNumber) ?? []), rowNumber]);
    if (i % 200 === 199) await job.progress(i + 1, total);
  }
  const add = (rowNumber: number, message: string) =>
    problems.set(rowNumber, [...(problems.get(rowNumber) ?? []), { key: 'idNumber', message }]);
  for (const rows of byId.values()) {
    if (rows.length < 2) continue;
    for (const r of rows) add(r, `与第 ${rows.filter((o) => o !== r).join('、')} 行重复`);
  }
  const digestOf = new Map([...byId.keys()].map((id) => [ctx.crypto.digest(normalizeIdNumber(id)), id]));
  for (const digest of await registeredDigests(ctx.db, [...digestOf.keys()])) {
    for (const r of byId.get(digestOf.get(digest) as string) ?? []) add(r, '已在系统中登记，不能重复导入');
  }
  await job.progress(total, total);

  const bad = new Map<number, string[]>();
  for (const [rowNumber, list] of [...problems].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => (ORDER.get(a.key) ?? 0) - (ORDER.get(b.key) ?? 0));
    bad.set(
      rowNumber,
      list.map((p) => reasonText(p.key, p.message)),
    );
  }
  return { good: bad.size ? [] : good, bad };
}
