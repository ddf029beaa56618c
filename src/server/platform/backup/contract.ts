import { z } from 'zod';
import { importJobOut } from '../imports/routes.js';

export const backupOut = z.object({
  name: z.string(),
  createdAt: z.string(),
  kind: z.enum(['scheduled', 'manual', 'cli']),
  size: z.number(),
  rows: z.number(),
  /** Stored files carried (null: a backup made before backups carried files). */
  files: z.number().nullable(),
  fileBytes: z.number().nullable(),
  auditLastId: z.number().nullable(),
  verified: z.boolean(),
  problem: z.string().nullable(),
  keyFingerprint: z.string().nullable(),
});

/** "立即备份" in progress: steps done of the total; when it succeeded, `result` is the backup's record. */
export const backupJobOut = importJobOut;

export const backupListOut = z.object({
  items: z.array(backupOut),
  /** The backup this server is making now, if one is (the page shows its progress after a reload). */
  running: backupJobOut.nullable(),
  /** Where the files are, for the administrator who copies them elsewhere. */
  folder: z.string(),
  keepDays: z.number(),
  keepMin: z.number(),
});

export const localBackupOut = backupOut.extend({ path: z.string() });
