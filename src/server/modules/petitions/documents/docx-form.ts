import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/** A row of a printed form: two label–value pairs, or one label with a value across the row. */
export type FormRow =
  | { pairs: [label: string, value: string][] }
  | { label: string; value: string; minLines?: number };

export interface FormSpec {
  title: string;
  /** The line under the title: the registration number and the org. */
  subtitle: string;
  rows: FormRow[];
  /** Paragraphs after the table (a notice's body, signatures). */
  after?: string[];
  /** Small print at the foot: who printed it and when. */
  footer: string;
}

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' };
const COLUMNS = [1700, 2830, 1700, 2830]; // twips: a 16 cm wide table in four columns
const para = (text: string, opts: { bold?: boolean; size?: number; align?: 'center' | 'right' } = {}) =>
  new Paragraph({
    alignment:
      opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.END : undefined,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, font: FONT })],
  });
const lines = (text: string, min = 1) => {
  const out = (text || '').split('\n').map((l) => para(l));
  while (out.length < min) out.push(para(''));
  return out;
};
const cell = (children: Paragraph[], width: number, span = 1, label = false) =>
  new TableCell({
    children,
    columnSpan: span,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: label ? { fill: 'F2F2F2' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });

function tableRow(row: FormRow): TableRow {
  if ('pairs' in row) {
    const cells = row.pairs.flatMap(([label, value], i) => [
      cell([para(label, { bold: true })], COLUMNS[i * 2], 1, true),
      cell(lines(value), COLUMNS[i * 2 + 1], row.pairs.length === 1 ? 3 : 1),
    ]);
    return new TableRow({ children: cells });
  }
  return new TableRow({
    children: [
      cell([para(row.label, { bold: true })], COLUMNS[0], 1, true),
      cell(lines(row.value, row.minLines), COLUMNS[1] + COLUMNS[2] + COLUMNS[3], 3),
    ],
  });
}

/**
 * A one-page form as Word prints it: the title, the number line, a bordered table of labels and
 * values, the body paragraphs and a footer line. Plain text only: whatever the caller passes is
 * written as text runs (no fields, no external references).
 */
export async function formDocx(spec: FormSpec): Promise<Buffer> {
  const doc = new Document({
    creator: '监督管理系统',
    title: spec.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
        children: [
          para(spec.title, { bold: true, size: 36, align: 'center' }),
          para(spec.subtitle, { align: 'center' }),
          para(''),
          new Table({
            rows: spec.rows.map(tableRow),
            width: { size: COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
            columnWidths: COLUMNS,
          }),
          ...(spec.after ?? []).flatMap((p) => [para(''), ...lines(p)]),
          para(''),
          para(spec.footer, { size: 18, align: 'right' }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
