import type { LrmxFields } from './parse.js';
import type { ResumeReport } from './resume-tenures.js';

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
  /** The 简历 read into rows and the 现任职务 matched to the registry (files that parsed). */
  resume?: ResumeReport;
  /** Tenures recorded from the 简历 once imported. */
  tenures?: number;
  /** Left out by the user at confirmation. */
  skipped?: boolean;
  imported: boolean;
}

export interface ImportResult {
  created: number;
  updated: number;
  refused: number;
  incomplete: number;
  skipped: number;
  tenures: number;
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
  skipped: files.filter((f) => f.skipped).length,
  tenures: files.reduce((n, f) => n + (f.tenures ?? 0), 0),
  files,
});

/**
 * What the user is asked when the import waits: how many files cannot be imported, how many are
 * incomplete, and which ones may be chosen — counted right for one file and for many.
 */
export function confirmationMessage(files: FileReport[]): string {
  const importable = files.filter((f) => f.status !== 'refused');
  const refused = files.length - importable.length;
  const incomplete = importable.filter((f) => f.status === 'incomplete').length;
  if (files.length === 1) {
    const f = importable[0];
    if (!f) return files[0].message ?? '文件无法导入';
    return f.status === 'incomplete'
      ? '文件不完整，请查看缺少的项和简历的读取结果，确认是否导入'
      : '请核对从简历中读取的任职经历，确认是否导入';
  }
  const parts = [
    refused ? `${refused} 个文件无法导入` : '',
    incomplete ? `${incomplete} 个文件不完整` : '',
  ].filter(Boolean);
  const choose =
    importable.length === 1
      ? '请确认是否导入可以导入的 1 个文件'
      : `请选择要导入的文件（可导入 ${importable.length} 个），核对从简历中读取的任职经历后确认`;
  return parts.length ? `${parts.join('，')}；${choose}` : choose;
}
