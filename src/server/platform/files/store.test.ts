import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../http/errors.js';
import { downloadHeaders } from './disposition.js';
import { cleanFileName, detectFileType, MB, PORTAL_UPLOADS, readStoredFile, storeFile } from './store.js';

const ctx = {
  config: { dataDir: mkdtempSync(path.join(os.tmpdir(), 'jiandu-files-')) } as any,
  clock: { now: () => new Date('2026-03-02T01:00:00Z') },
};
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF rest of picture')]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR'),
]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n');
const office = (part: string) =>
  Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [part]: strToU8('<x/>') }));

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ status: e.status, message: e.message }),
  );

describe('file type by content', () => {
  it('recognises the accepted kinds', () => {
    expect(detectFileType(jpeg)).toBe('jpeg');
    expect(detectFileType(png)).toBe('png');
    expect(detectFileType(pdf)).toBe('pdf');
    expect(detectFileType(office('word/document.xml'))).toBe('docx');
    expect(detectFileType(office('xl/workbook.xml'))).toBe('xlsx');
  });

  it('does not recognise executables, HTML, SVG, plain zips or broken zips', () => {
    expect(
      detectFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode')),
    ).toBeNull();
    expect(detectFileType(Buffer.from('\x7fELF\x02\x01\x01'))).toBeNull();
    expect(detectFileType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(
      detectFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')),
    ).toBeNull();
    expect(detectFileType(Buffer.from(zipSync({ 'evil.exe': strToU8('MZ') })))).toBeNull();
    expect(detectFileType(Buffer.from('PK\x03\x04 not really a zip'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('storeFile', () => {
  it('refuses a .jpg that is really an executable, a page, an SVG or a zip, naming the file', async () => {
    for (const bytes of [
      Buffer.from('MZ\x90\x00'),
      Buffer.from('<html><body>hi</body></html>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from(zipSync({ 'a.txt': strToU8('a') })),
      office('xl/workbook.xml'), // a real spreadsheet, but the portal does not take them
    ]) {
      const r = await refusal(storeFile(ctx, bytes, '现场照片.jpg', PORTAL_UPLOADS));
      expect(r?.status).toBe(422);
      expect(r?.message).toContain('现场照片.jpg');
      expect(r?.message).toContain('只能上传');
    }
  });

  it('refuses a file over the limit with 413 and an empty file with 422', async () => {
    const big = Buffer.concat([jpeg, Buffer.alloc(10 * MB)]);
    expect(await refusal(storeFile(ctx, big, 'big.jpg', PORTAL_UPLOADS))).toMatchObject({ status: 413 });
    expect(await refusal(storeFile(ctx, Buffer.alloc(0), 'e.pdf', PORTAL_UPLOADS))).toMatchObject({
      status: 422,
    });
  });

  it('keeps the bytes under DATA_DIR/files/<yy>/<sha256>, mode 0600, and gives them back', async () => {
    const doc = office('word/document.xml');
    const stored = await storeFile(ctx, doc, 'C:\\Users\\x\\材料.docx', PORTAL_UPLOADS);
    expect(stored).toMatchObject({ kind: 'docx', size: doc.length, fileName: '材料.docx' });
    expect(stored.storageKey).toBe(`26/${stored.sha256}`);
    const file = path.join(ctx.config.dataDir, 'files', stored.storageKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.compare(await readStoredFile(ctx, stored.storageKey), doc)).toBe(0);
    // the same bytes again: the same key, still one file
    expect((await storeFile(ctx, doc, 'again.docx', PORTAL_UPLOADS)).storageKey).toBe(stored.storageKey);
  });

  it('accepts a plain list of kinds too', async () => {
    expect((await storeFile(ctx, pdf, 'a.pdf', ['pdf'])).contentType).toBe('application/pdf');
  });
});

describe('readStoredFile', () => {
  it('never leaves the files folder, whatever the key', async () => {
    writeFileSync(path.join(ctx.config.dataDir, 'secret.txt'), 'field key');
    for (const key of ['../secret.txt', '26/../../secret.txt', '/etc/passwd', `26/${'a'.repeat(63)}/`, '']) {
      expect(await refusal(readStoredFile(ctx, key))).toMatchObject({ status: 404 });
    }
  });

  it('answers 404 for a missing file and for a file whose content changed', async () => {
    expect(await refusal(readStoredFile(ctx, `26/${'0'.repeat(64)}`))).toMatchObject({ status: 404 });
    const stored = await storeFile(ctx, png, 'p.png', PORTAL_UPLOADS);
    writeFileSync(path.join(ctx.config.dataDir, 'files', stored.storageKey), 'tampered');
    expect(await refusal(readStoredFile(ctx, stored.storageKey))).toMatchObject({ status: 404 });
  });
});

describe('names', () => {
  it('cleans names for display and sends files as downloads', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a"b<c>.pdf')).toBe('abc.pdf');
    expect(cleanFileName('\u0000')).toBe('附件');
    const h = downloadHeaders('举报材料.pdf', 'application/pdf');
    expect(h['content-disposition']).toMatch(/^attachment; filename="_+\.pdf"; filename\*=UTF-8''%E4/);
    expect(h['x-content-type-options']).toBe('nosniff');
  });
});
