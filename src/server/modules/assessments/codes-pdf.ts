import { deflateSync } from 'node:zlib';
import qrcode from 'qrcode-generator';
import { ballotUrl } from './ballot-qr.js';

/**
 * 测评码条 as a PDF, written by hand so it needs no PDF package and no font file: the Chinese text
 * is set in the PDF standard CJK font STSong-Light (Adobe-GB1, not embedded — every PDF reader
 * brings a Chinese font for it, as the PDF standard provides), the code in the standard Courier-Bold,
 * and the QR code is drawn as filled squares (vectors: sharp at any printer's resolution). Six slips
 * an A4 page, two a row, with dashed cut lines; each QR code is marked content `/QR` so a reader of
 * the file (the test) finds the squares of each code.
 */
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 36;
const COLS = 2;
const ROWS = 3;
export const SLIPS_PER_PAGE = COLS * ROWS;

/** UTF-16BE hex of a text for the UniGB-UCS2-H encoding (outside the BMP: a question mark). */
const ucs2 = (text: string) =>
  [...text]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      return (c > 0xffff ? 0x3f : c).toString(16).padStart(4, '0');
    })
    .join('')
    .toUpperCase();
/** The width in ems of a text in STSong-Light: half-width ASCII, full-width the rest. */
const ems = (text: string) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! < 0x80 ? 0.5 : 1), 0);
const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** Breaks a text into lines no wider than `width` ems. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ems(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** Chinese text centred on `cx` with its baseline at `y`. */
const cjk = (text: string, size: number, cx: number, y: number) =>
  `BT /F1 ${size} Tf ${num(cx - (ems(text) * size) / 2)} ${num(y)} Td <${ucs2(text)}> Tj ET`;
/** The code (ASCII) in Courier-Bold, centred. */
const mono = (text: string, size: number, cx: number, y: number) =>
  `BT /F2 ${size} Tf ${num(cx - (text.length * 0.6 * size) / 2)} ${num(y)} Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`;

/** A QR code as filled squares (horizontal runs of dark modules), its top-left at (x, top). */
function qrDrawing(text: string, x: number, top: number, size: number): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const m = size / n;
  const out = ['/QR BMC 0 g'];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; ) {
      if (!qr.isDark(r, c)) {
        c++;
        continue;
      }
      let end = c;
      while (end < n && qr.isDark(r, end)) end++;
      out.push(`${num(x + c * m)} ${num(top - (r + 1) * m)} ${num((end - c) * m)} ${num(m)} re`);
      c = end;
    }
  out.push('f EMC');
  return out.join('\n');
}

function slip(spec: { title: string; heldOn: string; origin: string }, code: string, x: number, y: number) {
  const w = (PAGE_W - 2 * MARGIN) / COLS;
  const h = (PAGE_H - 2 * MARGIN) / ROWS;
  const cx = x + w / 2;
  const top = y + h;
  const ops = [
    // the cut line
    `q 0.6 G 0.5 w [4 3] 0 d ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S Q`,
  ];
  const titleLines = wrap(spec.title, (w - 24) / 13).slice(0, 2);
  let at = top - 24;
  for (const line of titleLines) {
    ops.push(cjk(line, 13, cx, at));
    at -= 17;
  }
  ops.push(cjk(`测评日期：${spec.heldOn}`, 9, cx, at));
  ops.push(mono(code, 16, cx, at - 22));
  const qrSize = 104;
  const qrTop = at - 32;
  ops.push(qrDrawing(ballotUrl(spec.origin, code), cx - qrSize / 2, qrTop, qrSize));
  let line = qrTop - qrSize - 14;
  for (const l of wrap(
    '用手机扫描二维码投票，或打开本单位门户网站“民主测评”输入上面的测评码',
    (w - 24) / 8,
  )) {
    ops.push(cjk(l, 8, cx, line));
    line -= 11;
  }
  ops.push(cjk('测评码仅可使用一次，不记录投票人身份', 7, cx, line - 2));
  return ops.join('\n');
}

/** The slips of the codes, six an A4 page, as a PDF file. */
export function codesPdf(spec: { title: string; heldOn: string; codes: string[]; origin: string }): Buffer {
  const w = (PAGE_W - 2 * MARGIN) / COLS;
  const h = (PAGE_H - 2 * MARGIN) / ROWS;
  const pages: string[] = [];
  for (let p = 0; p * SLIPS_PER_PAGE < Math.max(1, spec.codes.length); p++) {
    const codes = spec.codes.slice(p * SLIPS_PER_PAGE, (p + 1) * SLIPS_PER_PAGE);
    const ops = codes.map((code, i) =>
      slip(spec, code, MARGIN + (i % COLS) * w, PAGE_H - MARGIN - (Math.floor(i / COLS) + 1) * h),
    );
    ops.push(
      cjk(`${spec.title} 测评码（共 ${spec.codes.length} 个，第 ${p + 1} 页）`, 8, PAGE_W / 2, MARGIN / 2),
    );
    pages.push(ops.join('\n'));
  }

  // objects: 1 catalog, 2 pages, 3 the CJK font, 4 its CID font, 5 its descriptor, 6 Courier-Bold,
  // then each page and its content
  const objects: (string | Buffer)[] = [];
  const pageIds = pages.map((_, i) => 7 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R ' +
    '/DW 1000 /W [1 95 500] >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
    '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  objects[6] = '<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>';
  pages.forEach((content, i) => {
    const id = pageIds[i];
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${id + 1} 0 R >>`;
    const data = deflateSync(Buffer.from(content, 'latin1'));
    objects[id + 1] = Buffer.concat([
      Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  });

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    const body = objects[id];
    const chunk = Buffer.concat([
      Buffer.from(`${id} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length}`,
    '0000000000 65535 f ',
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
