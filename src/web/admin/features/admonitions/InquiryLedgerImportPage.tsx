import { SupervisionLedgerImport } from './LedgerImportPage';

/** 导入函询台帐: earlier years' concluded inquiries. */
export default function InquiryLedgerImportPage() {
  return <SupervisionLedgerImport kind="inquiries" />;
}
