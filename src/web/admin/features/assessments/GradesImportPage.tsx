import { SupervisionLedgerImport } from '../admonitions/LedgerImportPage';

/** 导入考核结果台帐: earlier years' annual grades, through the grading rules. */
export default function GradesImportPage() {
  return <SupervisionLedgerImport kind="grades" />;
}
