import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { SummaryOut } from './contract.js';
import { yearAsOf } from './load-summary.js';
import type { SummaryRow } from './schema.js';
import { summaryFigures, yearPeriod } from './summary-figures.js';
import { type SummaryOrg, summaryBody, wordingsOf } from './summary-view.js';

/**
 * A summary as the page shows it. A draft's figures are counted now for the reader, as of
 * min(year end, today); a final one shows the figures it was filed with (its snapshot).
 */
export async function summaryOut(
  ctx: AppContext,
  actor: Actor,
  row: SummaryRow,
  org: SummaryOrg,
): Promise<SummaryOut> {
  const final = row.status === 'final';
  const asOf = final ? row.asOf : yearAsOf(ctx, row.year);
  const figures = final
    ? (row.snapshot ?? [])
    : await summaryFigures(
        ctx,
        actor,
        yearPeriod(org.id, row.year, asOf),
        wordingsOf(org, row.paragraphs).map((w) => w.text),
      );
  const body = summaryBody(org, row.year, row.paragraphs, figures);
  return {
    id: row.id,
    org: { id: org.id, name: org.name },
    year: row.year,
    status: row.status as 'draft' | 'final',
    version: row.version,
    asOf,
    from: `${row.year}-01-01`,
    to: `${row.year}-12-31`,
    generatedAt: row.generatedAt.toISOString(),
    rowVersion: row.rowVersion,
    title: body.title,
    opening: body.opening,
    sections: body.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => ({
        ...p,
        parts:
          p.parts?.map((x) =>
            'key' in x
              ? { text: x.text, key: x.key, format: x.format }
              : { text: x.text, key: null, format: null },
          ) ?? null,
      })),
    })),
    figures: body.figures.map((f) => ({ ...f, names: f.names ?? null })),
    fileName: row.fileName,
    // as the figures say it: the reader's recusal leaves some records out of a draft's live figures
    note:
      !final && (actor.cadreId !== null || (actor.relatedCadreIds?.length ?? 0) > 0)
        ? '按回避规定，涉及您本人或登记亲属的记录不计入本草稿的数字，定稿须由无回避关系的人员完成'
        : null,
  };
}
