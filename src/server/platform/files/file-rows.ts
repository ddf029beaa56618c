import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { downloadHeaders } from './disposition.js';
import { readStoredFile, type StoredFile } from './store.js';

/** The columns a module's file row keeps of a stored file (`file_name` … `storage_key`). */
export const storedFileColumns = (file: StoredFile) => ({
  fileName: file.fileName,
  contentType: file.contentType,
  size: file.size,
  sha256: file.sha256,
  storageKey: file.storageKey,
});

/**
 * A module's file row sent back: its bytes and download headers, the download audited on the
 * record that owns it (by the row's id, never the file's name). `missing` names the row for a 404.
 */
export async function sendFileRow(
  ctx: AppContext,
  actor: Actor,
  row: { id: number; fileName: string; contentType: string; storageKey: string } | undefined,
  audit: {
    action: string;
    objectType: string;
    objectId: number;
    idKey: string;
    /** More for the audit entry (the record's number, say): never the file's bytes. */
    detail?: Record<string, unknown>;
  },
  missing: string,
) {
  if (!row) throw notFound(missing);
  const bytes = await readStoredFile(ctx, row.storageKey);
  await recordAudit(ctx.db, ctx.clock, actor, {
    action: audit.action,
    objectType: audit.objectType,
    objectId: audit.objectId,
    detail: { ...audit.detail, [audit.idKey]: row.id },
  });
  return { bytes, headers: downloadHeaders(row.fileName, row.contentType) };
}
