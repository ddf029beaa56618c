import { SupervisionLedgerImport } from './LedgerImportPage';

/** 导入责任追究台帐: earlier years' records in force, with their persons and sanctions. */
export default function AccountabilityLedgerImportPage() {
  return <SupervisionLedgerImport kind="accountability" />;
}
