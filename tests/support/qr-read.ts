import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/** Reads back a greyscale PNG as `qrPng` writes it (filter 0 rows) and decodes its QR code. */
export function readQr(png: Buffer): string | null {
  const width = png.readUInt32BE(16);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y++)
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x];
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  return jsQR(rgba, width, width)?.data ?? null;
}
