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
import { partsText } from '../../../domain/summary-template.js';
import type { SummaryBody } from './summary-view.js';

const FANGSONG = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' };
const HEITI = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const XIAOBIAOSONG = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const SIZE = 32; // 三号 (16 pt), in half-points
const COLUMNS = [1900, 2900, 1300, 2900]; // twips: 指标, 口径/定义, 数值, 如何复核

const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: FANGSONG, size: SIZE })],
  });
const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: HEITI, size: SIZE })],
  });
const small = (text: string, opts: { bold?: boolean; align?: 'center' } = {}) =>
  new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : undefined,
    children: [new TextRun({ text, font: opts.bold ? HEITI : FANGSONG, size: 21 })],
  });
const cell = (text: string, width: number, head = false) =>
  new TableCell({
    children: [small(text, { bold: head, align: head ? 'center' : undefined })],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: head ? { fill: 'F2F2F2' } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
  });

const longDate = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The annual summary as an official document (.docx): the title (小标宋), the as-of line, the opening,
 * the sections with 一、二、三 headings (黑体) and their kept paragraphs (仿宋 三号, 一是、二是…),
 * then the appendix table of every figure used: 指标, 口径/定义, 数值, 如何复核 (the registry path
 * that lists its records with the same org, period and as-of date). Plain text runs only.
 */
export async function summaryDocx(s: SummaryBody, meta: { asOf: string; status: string }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: s.title, font: XIAOBIAOSONG, size: 44 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [
        new TextRun({
          text: `（统计数据截至${longDate(meta.asOf)}${meta.status === 'draft' ? '·草稿' : ''}）`,
          font: FANGSONG,
          size: 28,
        }),
      ],
    }),
    body(s.opening),
  ];
  for (const sec of s.sections) {
    if (!sec.number) continue;
    children.push(heading(`${sec.number}、${sec.heading}`), body(sec.intro));
    for (const p of sec.paragraphs)
      if (p.parts) children.push(body(`${p.ordinal ?? ''}${partsText(p.parts)}`));
  }
  if (s.figures.length) {
    children.push(
      new Paragraph({ text: '' }),
      new Paragraph({
        spacing: { before: 300, after: 200 },
        children: [new TextRun({ text: '附表：统计数据来源及复核方法', font: HEITI, size: 28 })],
      }),
      new Table({
        width: { size: COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: COLUMNS,
        rows: [
          new TableRow({
            tableHeader: true,
            children: ['指标', '口径/定义', '数值', '如何复核'].map((h, i) => cell(h, COLUMNS[i], true)),
          }),
          ...s.figures.map(
            (f) =>
              new TableRow({
                children: [
                  cell(f.label, COLUMNS[0]),
                  cell(f.definition, COLUMNS[1]),
                  cell(f.value === null ? '—' : `${f.value}${f.unit === '%' ? '%' : f.unit}`, COLUMNS[2]),
                  cell(`按以下条件列出记录：${f.reproduce}`, COLUMNS[3]),
                ],
              }),
          ),
        ],
      }),
      small(`以上数据按统计期（1月1日至12月31日）内登记的记录，截至${longDate(meta.asOf)}的办理情况统计。`),
    );
  }
  const doc = new Document({
    creator: '监督管理系统',
    title: s.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
