import { PassThrough, type Readable } from 'node:stream';
import { count } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/calendar.js';
import { orgLabels } from '../../../../domain/roster-org.js';
import { type Actor, can } from '../../../platform/access/actor.js';
import { chinaTime } from '../../../platform/audit/audit-workbook.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { AppContext } from '../../../platform/context.js';
import { readContext } from '../../../platform/db/read-context.js';
import { type RosterQuery, rosterWhere } from '../roster-query.js';
import { cadres } from '../schema.js';
import { dictionaryItems, orgEntries, STATUS_ITEMS } from './lookups.js';
import { writeRosterWorkbook } from './roster-workbook.js';

const FILTER_KEYS = ['q', 'orgId', 'level', 'status', 'ageBand', 'education'] as const;
const codeMap = (items: { code: string; label: string }[]) => new Map(items.map((i) => [i.code, i.label]));

/**
 * The roster as a 花名册 workbook, with the roster page's filters. ID numbers are masked unless the
 * caller may see them in full. The export is audited (filters and row count) before it streams.
 */
export async function exportRoster(opts: {
  ctx: AppContext;
  actor: Actor;
  query: RosterQuery;
}): Promise<{ stream: Readable; filename: string; rows: number }> {
  const { ctx, actor, query } = opts;
  // read on the replica when the routing allows; the audit record is written on the primary
  const read = await readContext(ctx, actor);
  const where = rosterWhere(read, actor, query);
  const [[{ rows }], entries, dicts] = await Promise.all([
    read.db.select({ rows: count() }).from(cadres).where(where),
    orgEntries(read.db, actor),
    dictionaryItems(read.db, false),
  ]);
  // the unit filtered on, if the caller may see it, else the caller's own
  const unitOf = (id: number) => entries.find((e) => e.id === id)?.names.at(-1);
  const unit = (query.orgId && unitOf(query.orgId)) || unitOf(actor.orgId) || '全部单位';
  const fullIdNumbers = can(actor, 'cadre.id_number');
  const filters = Object.fromEntries(
    FILTER_KEYS.filter((k) => query[k] !== undefined).map((k) => [k, query[k]]),
  );
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: 'cadre.export',
    objectType: 'cadre',
    detail: { filters, rows, idNumbers: fullIdNumbers ? 'full' : 'masked' },
  });

  const now = ctx.clock.now();
  const stream = new PassThrough();
  writeRosterWorkbook({
    db: read.db,
    where,
    out: stream,
    title: `干部花名册（${unit} / ${chinaTime(now).slice(0, 16)}）`,
    labels: {
      org: orgLabels(entries),
      education: codeMap(dicts.education),
      politicalStatus: codeMap(dicts.political_status),
      level: codeMap(dicts.position_level),
      status: codeMap(STATUS_ITEMS),
      decrypt: (sealed) => {
        try {
          return ctx.crypto.decrypt(sealed);
        } catch {
          return null; // a damaged value: the masked copy stands in, the export goes on
        }
      },
      fullIdNumbers,
    },
  }).catch((err) => stream.destroy(err));
  return { stream, filename: `干部花名册-${chinaDate(now).replaceAll('-', '')}.xlsx`, rows };
}
