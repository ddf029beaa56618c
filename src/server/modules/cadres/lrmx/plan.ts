import { inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { JobHandle } from '../../../platform/imports/jobs.js';
import { cadres } from '../schema.js';
import { FORBIDDEN_MATCH, matchByIdNumber } from './match.js';
import { LrmxRefused, parseLrmx } from './parse.js';
import type { FileReport, ParsedRecord } from './report.js';
import { planResume } from './resume-tenures.js';
import type { UploadedFile } from './upload.js';

const refused = (name: string, message: string, personName: string | null = null): FileReport => ({
  name,
  personName,
  status: 'refused',
  action: null,
  missing: [],
  problems: [],
  message,
  imported: false,
});

/**
 * Reads every file (with progress) and decides for each: refuse, or create / update a cadre; reads
 * the 简历 of each that parsed and matches its 现任职务 to the posts of the cadre's org.
 */
export async function planImport(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  files: UploadedFile[],
  job?: JobHandle,
): Promise<{ reports: FileReport[]; decided: Decided[] }> {
  const reports: FileReport[] = [];
  const parsed: { report: FileReport; record: ParsedRecord }[] = [];
  for (const [i, file] of files.entries()) {
    try {
      const { fields, missing, problems } = parseLrmx(file.bytes);
      const report: FileReport = {
        name: file.name,
        personName: fields.name ?? null,
        status: missing.length || problems.length ? 'incomplete' : 'created',
        action: 'create',
        missing,
        problems,
        imported: false,
      };
      reports.push(report);
      parsed.push({ report, record: { file: file.name, fields } });
    } catch (e) {
      if (!(e instanceof LrmxRefused)) throw e;
      reports.push(refused(file.name, e.message));
    }
    await job?.progress(i + 1, files.length);
  }
  const decided = await decideActions(ctx.db, ctx, actor, parsed);
  const orgOf = await cadreOrgs(
    ctx.db,
    decided.flatMap((d) => (d.cadreId ? [d.cadreId] : [])),
  );
  const cache = new Map();
  for (const d of decided) {
    const { fields } = d.record;
    const cadreOrg = d.cadreId ? (orgOf.get(d.cadreId) ?? orgId) : orgId;
    d.report.resume = (await planResume(ctx.db, fields, cadreOrg, d.cadreId, cache)).report;
  }
  return { reports, decided };
}

/** The org of each registered cadre (an update keeps it): the org whose posts 现任职务 may name. */
export async function cadreOrgs(db: Queryable, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: cadres.id, orgId: cadres.orgId })
      .from(cadres)
      .where(inArray(cadres.id, ids.slice(i, i + 500)));
    for (const r of rows) out.set(r.id, r.orgId);
  }
  return out;
}

export interface Decided {
  report: FileReport;
  record: ParsedRecord;
  /** The existing cadre to update; null to create one. */
  cadreId: number | null;
}

/** Same ID number as an earlier file: refused; as an existing cadre: update it (if the caller may). */
export async function decideActions(
  db: Queryable,
  ctx: Pick<AppContext, 'crypto'>,
  actor: Actor,
  parsed: { report: FileReport; record: ParsedRecord }[],
): Promise<Decided[]> {
  const ids = parsed.map((p) => p.record.fields.idNumber).filter((id): id is string => !!id);
  const matches = await matchByIdNumber(db, ctx, actor, ids);
  const seen = new Map<string, string>();
  const keep: Decided[] = [];
  for (const { report, record } of parsed) {
    const id = record.fields.idNumber;
    const turnDown = (message: string) =>
      Object.assign(report, refused(report.name, message, report.personName));
    if (id && seen.has(id)) {
      turnDown(`与文件“${seen.get(id)}”的身份证号码相同，未导入`);
      continue;
    }
    if (id) seen.set(id, report.name);
    const match = id ? matches.get(id) : undefined;
    if (match === 'forbidden') {
      turnDown(FORBIDDEN_MATCH);
      continue;
    }
    report.action = match ? 'update' : 'create';
    if (report.status !== 'incomplete') report.status = match ? 'updated' : 'created';
    keep.push({ report, record, cadreId: match ? match.cadreId : null });
  }
  return keep;
}
