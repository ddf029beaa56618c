import { SupervisionLedgerImport } from '../admonitions/LedgerImportPage';

/** 导入选拔任用纪实台帐: earlier years' selection cases, one row per candidate. */
export default function AppointmentLedgerImportPage() {
  return <SupervisionLedgerImport kind="appointments" />;
}
