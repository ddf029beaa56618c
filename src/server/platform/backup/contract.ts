import { z } from 'zod';

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

export const backupListOut = z.object({
  items: z.array(backupOut),
  /** Where the files are, for the administrator who copies them elsewhere. */
  folder: z.string(),
  keepDays: z.number(),
  keepMin: z.number(),
});

export const localBackupOut = backupOut.extend({ path: z.string() });
