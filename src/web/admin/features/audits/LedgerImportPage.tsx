import { SupervisionLedgerImport } from '../admonitions/LedgerImportPage';

/** 导入审计台帐: earlier years' audits, their findings and rectification items. */
export default function AuditLedgerImportPage() {
  return <SupervisionLedgerImport kind="econ-audits" />;
}
