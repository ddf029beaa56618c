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

export interface BackupList {
  items: BackupRecord[];
  folder: string;
  keepDays: number;
  keepMin: number;
}

export const fetchBackups = () => api<BackupList>('GET', '/api/v1/backups');
export const backupNow = () => api<BackupRecord>('POST', '/api/v1/backups');
