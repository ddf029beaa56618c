import type { LrmxFields } from './parse.js';

/** One file of an import as the user sees it in the report. */
export interface FileReport {
  name: string;
  personName: string | null;
  /** created / updated: complete; incomplete: imports what it holds; refused: not imported. */
  status: 'created' | 'updated' | 'incomplete' | 'refused';
  action: 'create' | 'update' | null;
  missing: string[];
  problems: string[];
  /** Why a refused file was refused. */
  message?: string;
  imported: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  refused: number;
  incomplete: number;
  files: FileReport[];
}

/** A file that parsed, waiting to be written (at once, or after the user confirms). */
export interface ParsedRecord {
  file: string;
  fields: LrmxFields;
}

export const summarize = (files: FileReport[]): ImportResult => ({
  created: files.filter((f) => f.imported && f.action === 'create').length,
  updated: files.filter((f) => f.imported && f.action === 'update').length,
  refused: files.filter((f) => f.status === 'refused').length,
  incomplete: files.filter((f) => f.status === 'incomplete').length,
  files,
});
