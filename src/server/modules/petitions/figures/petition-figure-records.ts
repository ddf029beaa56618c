import { and, eq, lte, sql } from 'drizzle-orm';
import { NO_GROUP, type PetitionFigureName } from '../../../../domain/petition-figures.js';
import { PETITION_CHANNELS } from '../../../../domain/petition-intake.js';
import { PETITION_STATUSES } from '../../../../domain/petition-workflow.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { dictionaryLabels } from '../../../platform/figures/dictionary-labels.js';
import type { FigureRecord, FigureScope, PageRequest } from '../../../platform/figures/registry.js';
import { petitionDocuments, petitions } from '../schema.js';
import { petitionsAsOf, petitionsCounted } from './as-of.js';
import { PETITION_FIGURE_SPECS } from './petition-figure-specs.js';

interface AsOfRow {
  id: string;
  code: string;
  received_on: string;
  channel: string;
  visitors: number | null;
  title: string;
  category: string | null;
  status: string;
  accepted_on: string | null;
  assigned_due_on: string | null;
  due_on: string | null;
  disposal: string | null;
  extension_days: number;
  first_concluded_on: string | null;
  imported: boolean;
  subject_id?: string;
  cadre?: string;
}

const DAY = 86_400_000;
const label = (m: Record<string, string>, code: string) => m[code] ?? code;

/**
 * The records behind a petition figure as they stood on the as-of date, newest received first: the
 * same as-of rows and condition the count used (so the rows add up to the figure), a page at a time;
 * what the case is about and where it stood, never who reported it.
 */
export async function petitionFigureRecords(
  scope: FigureScope,
  name: PetitionFigureName,
  page: PageRequest,
  group?: string,
): Promise<{ items: FigureRecord[]; total: number; groupLabel?: string }> {
  const spec = PETITION_FIGURE_SPECS[name];
  if (spec === 'ratio') throw new Error('a ratio has no records of its own');
  if (spec.rows === 'document') return documentRecords(scope, spec.kind, page);
  const { db } = scope;
  const [category, disposal] = await Promise.all([
    dictionaryLabels(db, 'petition_category'),
    dictionaryLabels(db, 'disposal'),
  ]);
  const d = scope.asOf;
  const subjects = spec.rows === 'subject';
  const from = subjects
    ? sql`${petitionsAsOf(scope, { records: true })} join petition_subjects ps on ps.petition_id = a.id
      left join cadres c on c.id = ps.cadre_id`
    : petitionsAsOf(scope, { records: true });
  let where = spec.rows === 'petition' ? spec.when(d) : sql`true`;
  let groupLabel: string | undefined;
  if (group && spec.rows === 'petition' && spec.dimension) {
    const column = sql.raw(`a.${spec.dimension}`);
    where = sql`${where} and ${group === NO_GROUP ? sql`${column} is null` : sql`${column} = ${group}`}`;
    const labels = spec.dimension === 'category' ? category : disposal;
    groupLabel = labels.label(
      group === NO_GROUP ? null : group,
      spec.dimension === 'category' ? '未分类' : '未处置',
    );
  }
  if (group && subjects) {
    const m = /^(cadre|name):(.+)$/.exec(group);
    where = !m
      ? sql`false`
      : m[1] === 'cadre'
        ? sql`ps.cadre_id = ${Number(m[2]) || 0}`
        : sql`ps.cadre_id is null and ps.name = ${m[2]}`;
  }
  const select = sql`a.id::text as id, a.code, a.received_on, a.channel, a.visitors, a.title, a.category,
    a.status, a.accepted_on::text as accepted_on, a.assigned_due_on::text as assigned_due_on,
    a.due_on::text as due_on, a.disposal, a.extension_days, a.first_concluded_on::text as first_concluded_on,
    a.imported${
      subjects
        ? sql`, ps.id::text as subject_id, coalesce(c.name, ps.name) as cadre,
      ps.cadre_id::text as subject_cadre_id, ps.name as subject_name`
        : sql``
    }`;
  const [rows, [{ total }]] = await Promise.all([
    db.execute(sql`select ${select} from ${from} where ${where}
      order by a.received_on desc, a.id desc${subjects ? sql`, ps.id` : sql``}
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db
      .execute(sql`select count(*)::int as total from ${from} where ${where}`)
      .then((r) => rowsOf<{ total: number }>(r)),
  ]);
  const items = rowsOf<AsOfRow & { subject_cadre_id?: string | null; subject_name?: string }>(rows).map(
    (r): FigureRecord => {
      const concluded = r.status === 'concluded' || r.status === 'reviewing';
      const running = r.status !== 'concluded' && r.status !== 'declined';
      if (subjects && groupLabel === undefined && group)
        groupLabel = r.subject_cadre_id ? r.cadre : `${r.subject_name}（未关联名册）`;
      return {
        id: subjects ? `${r.id}/${r.subject_id}` : String(r.id),
        link: `/petitions/${r.id}`,
        label: r.code,
        ...(spec.rows === 'petition' && spec.weight ? { weight: Number(r.visitors ?? 0) } : {}),
        cells: {
          code: r.code,
          receivedOn: r.received_on,
          channel: label(PETITION_CHANNELS, r.channel),
          visitors: r.visitors === null ? null : Number(r.visitors),
          title: r.title,
          category: category.label(r.category, '未分类'),
          status: label(PETITION_STATUSES, r.status),
          acceptedOn: r.accepted_on === null ? null : r.accepted_on,
          concludedOn: concluded && r.first_concluded_on ? r.first_concluded_on : null,
          assignedDueOn: r.assigned_due_on === null ? null : r.assigned_due_on,
          dueOn: running ? r.due_on : null,
          overdueDays:
            running && r.due_on && r.due_on < d
              ? Math.round((Date.parse(d) - Date.parse(r.due_on)) / DAY)
              : null,
          disposal: disposal.label(r.disposal, '未处置'),
          extensionDays: Number(r.extension_days) || null,
          imported: !!r.imported,
          ...(subjects
            ? { cadre: r.subject_cadre_id ? (r.cadre ?? '') : `${r.subject_name}（未关联名册）` }
            : {}),
        },
      };
    },
  );
  return { items, total: Number(total), ...(groupLabel ? { groupLabel } : {}) };
}

/** The reports or opinions behind the document figures: each written by the as-of date, one row each. */
async function documentRecords(scope: FigureScope, kind: 'report' | 'opinion', page: PageRequest) {
  const { db } = scope;
  const where = and(
    petitionsCounted(scope),
    eq(petitionDocuments.kind, kind),
    lte(petitionDocuments.occurredOn, scope.asOf),
  );
  const from = sql`${petitionDocuments} join ${petitions} on ${petitions.id} = ${petitionDocuments.petitionId}`;
  const [rows, [{ total }]] = await Promise.all([
    db.execute(sql`select ${petitionDocuments.id}::text as id, ${petitions.id}::text as petition_id,
      ${petitions.code} as code, ${petitions.title} as title, ${petitionDocuments.occurredOn}::text as on
      from ${from} where ${where}
      order by ${petitionDocuments.occurredOn} desc, ${petitionDocuments.id} desc
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
    db
      .execute(sql`select count(*)::int as total from ${from} where ${where}`)
      .then((r) => rowsOf<{ total: number }>(r)),
  ]);
  const items = rowsOf<{ id: string; petition_id: string; code: string; title: string; on: string }>(
    rows,
  ).map(
    (r): FigureRecord => ({
      id: r.id,
      link: `/petitions/${r.petition_id}`,
      label: r.code,
      cells: { code: r.code, title: r.title, documentOn: r.on },
    }),
  );
  return { items, total: Number(total) };
}
