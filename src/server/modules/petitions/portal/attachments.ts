import type { AppContext } from '../../../platform/context.js';
import {
  type CheckedFile,
  checkFile,
  keepFile,
  PORTAL_UPLOADS,
  type StoredFile,
} from '../../../platform/files/store.js';
import { badRequest } from '../../../platform/http/errors.js';
import type { PortalForm } from './read-form.js';

/** The reporter's files, each checked by content (at most five); nothing is written yet. */
export function checkAttachments(files: PortalForm['files']): CheckedFile[] {
  if (files.length > (PORTAL_UPLOADS.maxFiles ?? 5))
    throw badRequest(`附件最多 ${PORTAL_UPLOADS.maxFiles} 个`);
  return files.map((f) => checkFile(f.bytes, f.fileName, PORTAL_UPLOADS));
}

/**
 * Keeps checked files in the file store. Called inside the submission's transaction once the
 * anti-bot challenge is spent, so a refused or replayed request stores nothing; a file written by
 * a transaction that then rolls back is an orphan the sweep removes.
 */
export async function keepAttachments(ctx: AppContext, checked: CheckedFile[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const f of checked) stored.push(await keepFile(ctx, f));
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
