import qrcode from 'qrcode-generator';
import type { Actor } from '../../../platform/access/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { loadScopedUnit } from '../access.js';

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The portal address of a unit's board: what its QR code holds. */
export const boardUrl = (origin: string, orgId: number) => `${origin}/portal/open/units/${orgId}`;

/**
 * The QR code to print for a unit's physical board (公开栏二维码): an SVG with the code of the
 * board's portal address (error correction M, so a worn print still reads), the unit's name and
 * the address under it. `origin` is the address the portal is reached at.
 */
export async function boardQrSvg(opts: { ctx: AppContext; actor: Actor; orgId: number; origin: string }) {
  const unit = await loadScopedUnit(opts.ctx.db, opts.actor, opts.orgId);
  const url = boardUrl(opts.origin, unit.id);
  const qr = qrcode(0, 'M');
  qr.addData(url, 'Byte');
  qr.make();
  const cell = 8;
  const margin = 4 * cell;
  const size = qr.getModuleCount() * cell + 2 * margin;
  let path = '';
  for (let r = 0; r < qr.getModuleCount(); r++)
    for (let c = 0; c < qr.getModuleCount(); c++)
      if (qr.isDark(r, c)) path += `M${margin + c * cell} ${margin + r * cell}h${cell}v${cell}h-${cell}z`;
  const height = size + 70;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${height}" viewBox="0 0 ${size} ${height}">
<rect width="100%" height="100%" fill="#fff"/>
<path d="${path}" fill="#000"/>
<text x="${size / 2}" y="${size + 20}" font-size="20" text-anchor="middle" font-family="sans-serif">${xml(unit.name)}${unit.kind === 'village' ? '村务公开' : '政务公开'}</text>
<text x="${size / 2}" y="${size + 48}" font-size="12" text-anchor="middle" font-family="monospace">${xml(url)}</text>
</svg>`;
}
