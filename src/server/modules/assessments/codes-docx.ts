import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ballotUrl, qrPng } from './ballot-qr.js';

const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' };
const para = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, font: FONT })],
  });

/** The slip's QR code: scanning it opens the portal's voting page with the code filled in. */
const qrPara = (origin: string, code: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: qrPng(ballotUrl(origin, code)),
        transformation: { width: 110, height: 110 },
      }),
    ],
  });

/**
 * 测评码条: two slips a row, each with the evaluation, the one-time code, a QR code opening the
 * portal's voting page with that code (`origin`: the portal's address) and where to vote, to be cut
 * and handed out at the meeting — in any order, so no slip can be traced to whoever took it.
 */
export async function codesDocx(spec: {
  title: string;
  heldOn: string;
  codes: string[];
  origin: string;
}): Promise<Buffer> {
  const slip = (code: string) =>
    new TableCell({
      width: { size: 4800, type: WidthType.DXA },
      margins: { top: 160, bottom: 160, left: 120, right: 120 },
      children: [
        para(spec.title, { bold: true, size: 22 }),
        para(`测评日期：${spec.heldOn}`, { size: 18 }),
        para(code, { bold: true, size: 32 }),
        ...(code ? [qrPara(spec.origin, code)] : []),
        para('用手机扫描二维码投票，或打开本单位门户网站“民主测评”输入上面的测评码', { size: 18 }),
        para('测评码仅可使用一次，不记录投票人身份', { size: 16 }),
      ],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < spec.codes.length; i += 2)
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [slip(spec.codes[i]), spec.codes[i + 1] ? slip(spec.codes[i + 1]) : slip('')],
      }),
    );
  const doc = new Document({
    sections: [
      {
        children: [
          para(`${spec.title} 测评码（共 ${spec.codes.length} 个）`, { bold: true, size: 28 }),
          new Table({ rows, width: { size: 9600, type: WidthType.DXA } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
