import { crc32, deflateSync } from 'node:zlib';
import qrcode from 'qrcode-generator';

/** Where a slip's QR code leads: the portal's 民主测评 page with the code filled in. */
export const ballotUrl = (origin: string, code: string) =>
  `${origin.replace(/\/+$/, '')}/portal/ballot?c=${encodeURIComponent(code)}`;

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A QR code (error correction M, the smallest version that holds the text) as a greyscale PNG:
 * `scale` pixels a module and the standard four-module quiet zone around it.
 */
export function qrPng(text: string, scale = 4): Buffer {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const size = (n + 8) * scale;
  const raw = Buffer.alloc((size + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    const r = Math.floor(y / scale) - 4;
    for (let x = 0; x < size; x++) {
      const c = Math.floor(x / scale) - 4;
      if (r >= 0 && r < n && c >= 0 && c < n && qr.isDark(r, c)) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
