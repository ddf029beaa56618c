import type { AppContext } from '../../../platform/context.js';
import { PORTAL_UPLOADS, type StoredFile, storeFile } from '../../../platform/files/store.js';
import { badRequest } from '../../../platform/http/errors.js';
import type { PortalForm } from './read-form.js';

/** The reporter's files, each checked by content and kept in the file store (at most five). */
export async function storeAttachments(ctx: AppContext, files: PortalForm['files']): Promise<StoredFile[]> {
  if (files.length > (PORTAL_UPLOADS.maxFiles ?? 5))
    throw badRequest(`附件最多 ${PORTAL_UPLOADS.maxFiles} 个`);
  const stored: StoredFile[] = [];
  for (const f of files) stored.push(await storeFile(ctx, f.bytes, f.fileName, PORTAL_UPLOADS));
  return stored;
}

/** petition_attachments rows for stored files that came from the public. */
export const publicAttachmentRows = (petitionId: number, stored: StoredFile[], now: Date) =>
  stored.map((f) => ({
    petitionId,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    storageKey: f.storageKey,
    fromPublic: true,
    createdAt: now,
  }));
