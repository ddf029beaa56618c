import { type SQL, sql } from 'drizzle-orm';
import type { PetitionFigureName } from '../../../../domain/petition-figures.js';
import type { FigureColumn } from '../../../platform/figures/registry.js';
import { CONCLUDED_AT, RUNNING_AT } from './as-of.js';

/**
 * What each petition figure counts and lists — one definition for both queries:
 * - `petition`: the petitions (rows of the as-of subquery `a`) meeting `when`; with `weight`, the
 *   figure adds up that column of each instead of counting them; with `dimension`, each falls in
 *   the group of its category or disposal;
 * - `document`: the reports or opinions of the counted petitions written by the as-of date;
 * - `subject`: the cadres the counted petitions name, one row per petition and cadre.
 */
export type PetitionFigureSpec =
  | {
      rows: 'petition';
      when: (asOf: string) => SQL;
      weight?: 'visitors';
      dimension?: 'category' | 'disposal';
      columns: FigureColumn[];
    }
  | { rows: 'document'; kind: 'report' | 'opinion'; columns: FigureColumn[] }
  | { rows: 'subject'; columns: FigureColumn[] };

const col = (key: string, label: string): FigureColumn => ({ key, label });
const BASE = [
  col('code', '登记编号'),
  col('receivedOn', '收件日期'),
  col('channel', '来源'),
  col('title', '反映事由'),
  col('category', '问题类别'),
  col('status', '截至日状态'),
];
const ALL = () => sql`true`;
const channel = (c: string) => () => sql`a.channel = ${c}`;
const ACCEPTED = (d: string) => sql`a.accepted_on <= ${d}::date`;

export const PETITION_FIGURE_SPECS: Record<PetitionFigureName, PetitionFigureSpec | 'ratio'> = {
  received: { rows: 'petition', when: ALL, columns: BASE },
  letter: { rows: 'petition', when: channel('letter'), columns: BASE },
  visit: { rows: 'petition', when: channel('visit'), columns: [...BASE, col('visitors', '来访人数')] },
  visitors: {
    rows: 'petition',
    when: channel('visit'),
    weight: 'visitors',
    columns: [...BASE, col('visitors', '来访人数')],
  },
  phone: { rows: 'petition', when: channel('phone'), columns: BASE },
  online: { rows: 'petition', when: channel('online'), columns: BASE },
  assigned: {
    rows: 'petition',
    when: channel('assigned'),
    columns: [...BASE, col('assignedDueOn', '交办期限'), col('concludedOn', '办结日期')],
  },
  assigned_on_time: {
    rows: 'petition',
    when: () => sql`a.channel = 'assigned' and ${CONCLUDED_AT} and a.first_concluded_on <= a.assigned_due_on`,
    columns: [...BASE, col('assignedDueOn', '交办期限'), col('concludedOn', '办结日期')],
  },
  transferred: { rows: 'petition', when: channel('transferred'), columns: BASE },
  real_name: { rows: 'petition', when: () => sql`a.real_name`, columns: BASE },
  anonymous: { rows: 'petition', when: () => sql`not a.real_name`, columns: BASE },
  accepted: { rows: 'petition', when: ACCEPTED, columns: [...BASE, col('acceptedOn', '受理日期')] },
  declined: { rows: 'petition', when: () => sql`a.status = 'declined'`, columns: BASE },
  concluded: {
    rows: 'petition',
    when: () => CONCLUDED_AT,
    columns: [...BASE, col('acceptedOn', '受理日期'), col('concludedOn', '办结日期')],
  },
  conclusion_rate: 'ratio',
  open: {
    rows: 'petition',
    when: (d) => sql`${ACCEPTED(d)} and not ${CONCLUDED_AT}`,
    columns: [...BASE, col('acceptedOn', '受理日期'), col('dueOn', '截至日期限')],
  },
  overdue: {
    rows: 'petition',
    when: (d) => sql`${RUNNING_AT} and a.due_on < ${d}::date`,
    columns: [...BASE, col('dueOn', '截至日期限'), col('overdueDays', '截至日逾期天数')],
  },
  extended: {
    rows: 'petition',
    when: () => sql`a.extension_days > 0`,
    columns: [...BASE, col('extensionDays', '延期天数'), col('dueOn', '截至日期限')],
  },
  reports: {
    rows: 'document',
    kind: 'report',
    columns: [col('code', '登记编号'), col('title', '反映事由'), col('documentOn', '报告日期')],
  },
  opinions: {
    rows: 'document',
    kind: 'opinion',
    columns: [col('code', '登记编号'), col('title', '反映事由'), col('documentOn', '意见日期')],
  },
  by_category: { rows: 'petition', when: ALL, dimension: 'category', columns: BASE },
  by_disposal: {
    rows: 'petition',
    when: ALL,
    dimension: 'disposal',
    columns: [...BASE, col('disposal', '截至日处置方式')],
  },
  by_cadre: { rows: 'subject', columns: [col('cadre', '被反映干部'), ...BASE] },
};

/** A figure of one number per petition or document, kept as a column (neither a breakdown nor the cadres named). */
export function isPlainFigure(name: PetitionFigureName): boolean {
  const spec = PETITION_FIGURE_SPECS[name];
  return !(spec === 'ratio' || spec.rows === 'subject' || (spec.rows === 'petition' && spec.dimension));
}

/** A plain figure's value over rows of the as-of subquery `a`, as of the day. */
export function plainFigureExpr(asOf: string, name: PetitionFigureName): SQL {
  const spec = PETITION_FIGURE_SPECS[name];
  if (spec === 'ratio' || spec.rows === 'subject') throw new Error(`${name} is not a plain figure`);
  if (spec.rows === 'document')
    return sql`coalesce(sum(a.${sql.raw(spec.kind === 'report' ? 'reports' : 'opinions')}), 0)`;
  return spec.weight
    ? sql`coalesce(sum(a.visitors) filter (where ${spec.when(asOf)}), 0)`
    : sql`count(*) filter (where ${spec.when(asOf)})`;
}
