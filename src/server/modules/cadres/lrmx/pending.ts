import { openPending, type Sealer, sealPending } from '../../../platform/imports/jobs.js';
import type { LrmxFields } from './parse.js';
import type { ParsedRecord } from './report.js';

/** What an import awaiting confirmation keeps: the target org and the files that parsed. */
export interface Pending {
  orgId: number;
  records: ParsedRecord[];
}

type StoredFields = Omit<LrmxFields, 'photo'> & { photo?: { base64: string; type: string } };

export function packPending(crypto: Sealer, p: Pending): Buffer {
  const records = p.records.map((r) => {
    const { photo, ...rest } = r.fields;
    const fields: StoredFields = photo
      ? { ...rest, photo: { base64: Buffer.from(photo.bytes).toString('base64'), type: photo.type } }
      : rest;
    return { file: r.file, fields };
  });
  return sealPending(crypto, { orgId: p.orgId, records });
}

export function unpackPending(crypto: Sealer, bytes: Uint8Array): Pending {
  const raw = openPending<{ orgId: number; records: { file: string; fields: StoredFields }[] }>(
    crypto,
    bytes,
  );
  return {
    orgId: raw.orgId,
    records: raw.records.map(({ file, fields: { photo, ...rest } }) => ({
      file,
      fields: photo
        ? {
            ...rest,
            photo: {
              bytes: new Uint8Array(Buffer.from(photo.base64, 'base64')),
              type: photo.type as 'image/jpeg',
            },
          }
        : rest,
    })),
  };
}
