import { api } from '../../shared/api';

export interface BackupRecord {
  name: string;
  createdAt: string;
  kind: 'scheduled' | 'manual' | 'cli';
  size: number;
  rows: number;
  /** Uploaded files carried; null for a backup made before backups carried them. */
  files: number | null;
  fileBytes: number | null;
  auditLastId: number | null;
  verified: boolean;
  problem: string | null;
  keyFingerprint: string | null;
}

/** "立即备份" as a background job: steps done of the total; its result is the backup's record. */
export interface BackupJob {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  total: number;
  processed: number;
  message: string | null;
  result: BackupRecord | null;
}

export interface BackupList {
  items: BackupRecord[];
  /** The backup the server is making now, if one is. */
  running: BackupJob | null;
  folder: string;
  keepDays: number;
  keepMin: number;
}

export const fetchBackups = () => api<BackupList>('GET', '/api/v1/backups');
export const backupNow = () => api<BackupJob>('POST', '/api/v1/backups');
export const fetchBackupJob = (id: number) => api<BackupJob>('GET', `/api/v1/backups/jobs/${id}`);
